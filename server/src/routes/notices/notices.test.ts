/**
 * Notices over HTTP: the applicant downloads each notice their case has (the
 * text a PDF reader extracts names the case, the item, the reasons and basis,
 * the issuing organ and the day), staff download the same document, a
 * re-download is byte for byte the same, the QR code's address verifies on the
 * public route and a forged id does not; another citizen, and a notice whose
 * event has not happened, get 404 problem+json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_VERIFY_PDF_BYTES, type CaseDetail, type CaseNotice, type Problem, type VerifyFileResult, type VerifyView } from '@tongban/core'
import { minimumLivingApplication, residentIdFor, signInCitizen, startTestServer, type TestServer, today } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { inspectPdf } from '../../notices/pdf-inspect'

let server: TestServer
let clerk: string
let n = 0
const ORIGIN = 'https://tongban.example.gov.cn'
const as = (token: string) => ({ authorization: `Bearer ${token}` })
const staffToken = async (username: string) =>
  (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
const todayText = () => { const [y, m, d] = today().split('-').map(Number); return `${y}年${m}月${d}日` }

beforeAll(async () => {
  server = await startTestServer({ config: { publicOrigin: ORIGIN } })
  clerk = await staffToken('clerk')
})
afterAll(async () => { await server?.close() })

async function submitted(): Promise<{ token: string; caseNo: string; idNumber: string }> {
  const phone = `139${String(70_000_000 + ++n).slice(-8)}`
  const { token } = await signInCitizen(server.app, phone, `10.9.1.${n}`)
  const body = { ...minimumLivingApplication('13900000000', { idNumber: residentIdFor(phone) }) }
  const res = await server.app.inject({ method: 'POST', url: '/api/cases', payload: body, headers: { ...as(token), 'idempotency-key': `notice-test-key-${n}`.padEnd(20, '0') } })
  expect(res.statusCode, res.body).toBe(201)
  return { token, caseNo: res.json<CaseDetail>().caseNo, idNumber: residentIdFor(phone) }
}
const act = async (caseNo: string, payload: object) => {
  const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload, headers: as(clerk) })
  expect(res.statusCode, res.body).toBe(200)
}
const get = (url: string, token?: string) => server.app.inject({ url, headers: token ? as(token) : {} })
const verifyIdOf = (links: string[]) => {
  const url = links.find((l) => l.startsWith(`${ORIGIN}/verify/`))
  expect(url).toBeDefined()
  return url!.slice(`${ORIGIN}/verify/`.length)
}

describe('notices', () => {
  it('gives the applicant a 受理通知书 naming the case, the item, the organ and the day, with the font embedded as a subset', async () => {
    const { token, caseNo } = await submitted()
    await act(caseNo, { type: 'start_pre_review', version: 1 })
    await act(caseNo, { type: 'accept', version: 2 })
    const list = (await get(`/api/cases/${caseNo}/notices`, token)).json<CaseNotice[]>()
    expect(list).toEqual([{ kind: 'acceptance', title: '受理通知书', event: 2, day: today(), url: `/api/cases/${caseNo}/notices/acceptance` }])
    const res = await get(list[0]!.url, token)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toBe(`attachment; filename="_____-${caseNo}.pdf"; filename*=UTF-8''${encodeURIComponent(`受理通知书-${caseNo}.pdf`)}`)
    const pdf = res.rawPayload
    expect(pdf.length).toBeLessThan(300 * 1024)
    const facts = await inspectPdf(pdf)
    for (const s of ['受理通知书', caseNo, '最低生活保障', '王芳：', '决定予以受理', '示例市民政局', todayText(), '特此通知。', '扫码核验真伪']) expect(facts.text).toContain(s)
    expect(facts.text).toMatch(/〔\d{4}〕受字第\d+号/)
    // 最低生活保障 is not a licence: no citation of the 行政许可法.
    expect(facts.text).not.toContain('行政许可法')
    expect(facts.embeddedFonts.every((f) => /^[A-Z]{6}\+NotoSerifSC-/.test(f))).toBe(true)
    expect(facts.embeddedFonts.length).toBeGreaterThan(0)
    verifyIdOf(facts.links)
  })

  it('numbers notices in the order the decisions were taken, whichever is downloaded first', async () => {
    const first = await submitted()
    const second = await submitted()
    for (const c of [first, second]) {
      await act(c.caseNo, { type: 'start_pre_review', version: 1 })
      await act(c.caseNo, { type: 'accept', version: 2 })
    }
    const serial = async (c: { token: string; caseNo: string }) => {
      const facts = await inspectPdf((await get(`/api/cases/${c.caseNo}/notices/acceptance`, c.token)).rawPayload)
      return Number(/〔\d{4}〕受字第(\d+)号/.exec(facts.text)![1])
    }
    const later = await serial(second)
    const earlier = await serial(first)
    expect(later).toBe(earlier + 1)
  })

  it('lists every supplement item with its reason, and gives staff the very same document', async () => {
    const { token, caseNo } = await submitted()
    await act(caseNo, { type: 'start_pre_review', version: 1 })
    await act(caseNo, { type: 'request_supplement', version: 2, items: [{ path: 'members.0.idNumber', reason: '请提供户口簿首页和本人页' }, { path: 'savings', reason: '请补充近6个月银行流水' }] })
    const mine = await get(`/api/cases/${caseNo}/notices/supplement`, token)
    expect(mine.statusCode, mine.body).toBe(200)
    const facts = await inspectPdf(mine.rawPayload)
    for (const s of ['补正材料一次性告知书', caseNo, '最低生活保障', '共2项', '共同生活的家庭成员第1项·身份证号码：请提供户口簿首页和本人页', '家庭存款及有价证券合计：请补充近6个月银行流水', '示例市民政局', todayText()]) expect(facts.text).toContain(s)
    const again = await get(`/api/cases/${caseNo}/notices/supplement`, token)
    expect(again.rawPayload.equals(mine.rawPayload)).toBe(true)
    const staff = await get(`/api/staff/cases/${caseNo}/notices/supplement`, clerk)
    expect(staff.statusCode).toBe(200)
    expect(staff.rawPayload.equals(mine.rawPayload)).toBe(true)
    const staffList = (await get(`/api/staff/cases/${caseNo}/notices`, clerk)).json<CaseNotice[]>()
    expect(staffList.map((x) => x.url)).toEqual([`/api/staff/cases/${caseNo}/notices/supplement`])
  })

  it('gives a 不予受理决定书 with the reason, the legal basis and the right to reconsideration or a lawsuit', async () => {
    const { token, caseNo } = await submitted()
    await act(caseNo, { type: 'start_pre_review', version: 1 })
    await act(caseNo, { type: 'refuse', version: 2, reason: '申请人户籍不在本市', basis: '《最低生活保障审核确认办法》第九条' })
    const res = await get(`/api/cases/${caseNo}/notices/refusal`, token)
    expect(res.statusCode, res.body).toBe(200)
    const facts = await inspectPdf(res.rawPayload)
    for (const s of ['不予受理决定书', caseNo, '最低生活保障', '申请人户籍不在本市', '《最低生活保障审核确认办法》第九条', '决定不予受理',
      '依法申请行政复议或者提起行政诉讼的权利', '示例市人民政府', '示例市民政局', todayText(), '特此决定。']) expect(facts.text).toContain(s)
  })

  it('gives a 不予批准决定书 when a department says no, with its reasons, the law and the remedies, listed for the applicant', async () => {
    const { token, caseNo } = await submitted()
    // 承办, 审核 and 审批 by three people of 民政局.
    const [mz, checker, approver] = [await staffToken('reviewer_mz'), await staffToken('checker_mz'), await staffToken('approver_mz')]
    await act(caseNo, { type: 'start_pre_review', version: 1 })
    await act(caseNo, { type: 'accept', version: 2 })
    for (const [i, [who, body]] of ([[mz, { type: 'advance_branch' }], [mz, { type: 'advance_branch', opinion: '经入户调查，收入偏高' }], [checker, { type: 'advance_branch', opinion: '同意承办意见' }],
      [approver, { type: 'decide_branch', outcome: 'denied', opinion: '家庭人均收入高于当地最低生活保障标准', basis: '《社会救助暂行办法》第九条' }]] as const).entries()) {
      const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...body, department: 'mzj', version: 3 + i }, headers: as(who) })
      expect(res.statusCode, res.body).toBe(200)
    }
    const list = (await get(`/api/cases/${caseNo}/notices`, token)).json<CaseNotice[]>()
    expect(list.map((x) => [x.kind, x.title, x.event])).toEqual([['acceptance', '受理通知书', 2], ['denial', '不予批准决定书', 6]])
    const facts = await inspectPdf((await get(`/api/cases/${caseNo}/notices/denial`, token)).rawPayload)
    for (const s of ['不予批准决定书', caseNo, '决定不予批准', '家庭人均收入高于当地最低生活保障标准', '依据：《社会救助暂行办法》第九条',
      '依法申请行政复议或者提起行政诉讼的权利', '示例市人民政府', '示例市民政局', '特此决定。']) expect(facts.text).toContain(s)
    expect(facts.text).toMatch(/〔\d{4}〕不批字第\d+号/)
  })

  it('verifies the QR code’s id on the public route with the document’s face and text (nothing personal), and refuses a forged one', async () => {
    const { token, caseNo, idNumber } = await submitted()
    await act(caseNo, { type: 'start_pre_review', version: 1 })
    await act(caseNo, { type: 'accept', version: 2 })
    const pdf = (await get(`/api/cases/${caseNo}/notices/acceptance`, token)).rawPayload
    const id = verifyIdOf((await inspectPdf(pdf)).links)
    const res = await get(`/api/verify/${id}`)
    expect(res.statusCode, res.body).toBe(200)
    const v = res.json<VerifyView>()
    expect(v).toEqual({
      kind: 'acceptance', title: '受理通知书', number: expect.stringMatching(/^〔\d{4}〕受字第\d+号$/), itemName: '最低生活保障申请',
      caseNoMasked: caseNo.replace(/-\d{8}-/, '-****-'), issuer: '示例市民政局', issuedOn: today(), status: 'valid', statusLabel: '真实有效',
      body: expect.any(Array),
    })
    // The text as printed, to compare with the paper: the decision and its period, the case number masked.
    expect(v.body.join('')).toContain('决定予以受理')
    expect(v.body.join('')).toContain(`（办件编号：${v.caseNoMasked}）`)
    expect(v.body.join('')).toMatch(/自受理之日起\d+个工作日内作出决定/)
    expect(res.body).not.toContain(caseNo)
    expect(res.body).not.toContain('王芳')
    expect(res.body).not.toContain(idNumber)

    const forged = await get(`/api/verify/${id.slice(0, -2)}${id.endsWith('AA') ? 'BB' : 'AA'}`)
    expect(forged.statusCode).toBe(404)
    expect(forged.headers['content-type']).toContain('application/problem+json')
    expect(forged.json<Problem>()).toMatchObject({ code: 'DOCUMENT_NOT_FOUND', title: expect.stringContaining('无法核验') })
    expect((await get('/api/verify/not-an-id')).json<Problem>().code).toBe('DOCUMENT_NOT_FOUND')

    const check = (body: Buffer) => server.app.inject({ method: 'POST', url: `/api/verify/${id}`, payload: body, headers: { 'content-type': 'application/pdf' } })
    expect((await check(pdf)).json<VerifyFileResult>()).toMatchObject({ matches: true, status: 'valid' })
    const altered = Buffer.from(pdf)
    altered[altered.length - 20] = altered[altered.length - 20]! ^ 1
    expect((await check(altered)).json<VerifyFileResult>().matches).toBe(false)
    // Not a PDF at all, or larger than any document issued: said as such, in words, not as an altered document.
    const notPdf = await check(Buffer.from('<html><body>受理通知书</body></html>'))
    expect(notPdf.statusCode).toBe(415)
    expect(notPdf.json<Problem>()).toMatchObject({ code: 'VERIFY_FILE_NOT_PDF', title: '这个文件的内容不是PDF，请选择您收到的电子文书原件' })
    const huge = await check(Buffer.concat([pdf, Buffer.alloc(MAX_VERIFY_PDF_BYTES)]))
    expect(huge.statusCode).toBe(413)
    expect(huge.headers['content-type']).toContain('application/problem+json')
    expect(huge.json<Problem>().title).toMatch(/[\u4e00-\u9fff]/)
  })

  it('keeps a second supplement request a second document, and the first one downloadable as issued', async () => {
    const { token, caseNo } = await submitted()
    await act(caseNo, { type: 'start_pre_review', version: 1 })
    await act(caseNo, { type: 'request_supplement', version: 2, items: [{ path: 'savings', reason: '请补充近6个月银行流水' }] })
    const first = (await get(`/api/cases/${caseNo}/notices/supplement`, token)).rawPayload
    const mine = (await get(`/api/cases/${caseNo}`, token)).json<CaseDetail>()
    const re = await server.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/resubmit`, payload: { values: { ...mine.values, savings: 2600, address: '杏花村3组' }, version: 3 }, headers: as(token) })
    expect(re.statusCode, re.body).toBe(200)
    await act(caseNo, { type: 'start_pre_review', version: 4 })
    // The new address is new (一次性告知 allows asking about what the applicant changed).
    await act(caseNo, { type: 'request_supplement', version: 5, items: [{ path: 'address', reason: '请写明门牌号' }] })
    const list = (await get(`/api/cases/${caseNo}/notices`, token)).json<CaseNotice[]>()
    expect(list.map((x) => [x.event, x.url])).toEqual([[2, `/api/cases/${caseNo}/notices/supplement?event=2`], [5, `/api/cases/${caseNo}/notices/supplement`]])
    expect((await get(list[0]!.url, token)).rawPayload.equals(first)).toBe(true)
    const latest = await inspectPdf((await get(list[1]!.url, token)).rawPayload)
    expect(latest.text).toContain('请写明门牌号')
    expect(latest.text).not.toContain('银行流水')
  })

  it('answers 404 problem+json for another citizen’s case, an event that has not happened and an unknown kind', async () => {
    const { token, caseNo } = await submitted()
    await act(caseNo, { type: 'start_pre_review', version: 1 })
    await act(caseNo, { type: 'accept', version: 2 })
    const other = await submitted()
    const theirs = await get(`/api/cases/${caseNo}/notices/acceptance`, other.token)
    expect(theirs.statusCode).toBe(404)
    expect(theirs.json<Problem>().code).toBe('CASE_NOT_FOUND')
    expect((await get(`/api/cases/${caseNo}/notices`, other.token)).json<Problem>().code).toBe('CASE_NOT_FOUND')
    const notYet = await get(`/api/cases/${caseNo}/notices/refusal`, token)
    expect(notYet.statusCode).toBe(404)
    expect(notYet.headers['content-type']).toContain('application/problem+json')
    expect(notYet.json<Problem>()).toMatchObject({ code: 'NOTICE_NOT_FOUND', title: '这个办件还没有这份通知书' })
    expect((await get(`/api/cases/${caseNo}/notices/acceptance?event=0`, token)).json<Problem>().code).toBe('NOTICE_NOT_FOUND')
    expect((await get(`/api/cases/${caseNo}/notices/licence`, token)).json<Problem>().code).toBe('NOTICE_NOT_FOUND')
    expect((await get(`/api/cases/${caseNo}/notices/acceptance`)).statusCode).toBe(401)
    expect((await get(`/api/staff/cases/${caseNo}/notices/acceptance`, token)).statusCode).toBe(401)
  })
})

describe('the address printed in a document', () => {
  it('comes from configuration, never from the Host header of the first download (http://localhost:<port> without PUBLIC_ORIGIN)', async () => {
    const own = await startTestServer()
    try {
      const port = new URL(own.url).port
      const { token } = await signInCitizen(own.app, '13970009999', '10.9.2.1')
      const res = await own.app.inject({ method: 'POST', url: '/api/cases', payload: minimumLivingApplication('13970009999'), headers: { ...as(token), 'idempotency-key': 'notice-host-header-01' } })
      expect(res.statusCode, res.body).toBe(201)
      const { caseNo } = res.json<CaseDetail>()
      const login = await own.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })
      const desk = as(login.json<{ token: string }>().token)
      for (const [type, version] of [['start_pre_review', 1], ['accept', 2]] as const) {
        expect((await own.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { type, version }, headers: desk })).statusCode).toBe(200)
      }
      const forged = { ...as(token), host: 'evil.example.com', 'x-forwarded-host': 'evil.example.com' }
      const pdf = await own.app.inject({ url: `/api/cases/${caseNo}/notices/acceptance`, headers: forged })
      expect(pdf.statusCode, pdf.body).toBe(200)
      const { links, text } = await inspectPdf(pdf.rawPayload)
      expect(links.some((l) => l.includes('evil.example.com'))).toBe(false)
      expect(text).not.toContain('evil.example.com')
      const link = links.find((l) => l.startsWith(`http://localhost:${port}/verify/`))
      expect(link, links.join(' ')).toBeDefined()
      // And the verify route still vouches for the document it printed.
      const view = await own.app.inject({ url: `/api/verify/${link!.slice(`http://localhost:${port}/verify/`.length)}` })
      expect(view.json<VerifyView>().status).toBe('valid')
    } finally {
      await own.close()
    }
  })
})
