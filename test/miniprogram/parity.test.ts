// @vitest-environment happy-dom
/**
 * What the PWA has and the mini-program now has too (issue 17 §5), on the
 * built mini-program against the real BFF: 首页's 按办理层级找 and 我的办件,
 * 服务大厅 by level, and 文书核验 — a notice's QR code scanned (WeChat's
 * privacy agreement first, a refused camera said with 去设置) or its 核验码
 * typed, answered in the core's words as the PWA's /verify answers.
 */
import http from 'node:http'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  fileVerdictText, HALL_LEVEL_LABELS, HALL_LEVELS, PROBLEMS, VERIFY_FILE_MESSAGES, VERIFY_FILE_TEXT, VERIFY_TEXT, verifyAlteredText, verifyFaceRows,
  type CatalogueSnapshot, type CaseDetail, type SubmitCaseBody, type VerifyView,
} from '@tongban/core'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { fetchCatalogue, getJson, postJson, putJson, realBffWanted, smsCodeFor, startBffProcess, type TestBff } from './support/bff'
import { startMiniProgram, waitFor, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

const HOME = 'pages/home/index'
const HALLS = 'packages/apply/pages/halls/index'
const VERIFY = 'packages/apply/pages/verify/index'
const PHONE = '13761230031'

let bff: TestBff
let mp: MiniProgram
let catalogue: CatalogueSnapshot
/** The acceptance notice's QR code: `<origin>/verify/<id>`. */
let verifyUrl: string
let verifyId: string
/** The acceptance notice as issued, for 核对电子文书. */
let noticePdf: Buffer

const auth = (t: string) => ({ Authorization: `Bearer ${t}` })
const called = (name: string) => mp.wx.calls.filter((c) => c.name === name).map((c) => c.options as Record<string, unknown>)

function tappable(page: OpenedPage, label: string): RenderedNode {
  const node = page.findTappable(label)
  if (!node) throw new Error(`nothing to tap for “${label}”:\n${page.text()}`)
  return node
}

function byClass(page: OpenedPage, cls: string): RenderedNode {
  const node = page.findByClass(cls)
  if (!node) throw new Error(`no .${cls} on the page:\n${page.text()}`)
  return node
}

function getBytes(url: string, headers: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`GET ${url} answered ${res.statusCode}`))))
    }).on('error', reject)
  })
}

/** A 最低生活保障 case from PHONE, accepted by the window: its 受理通知书 carries a QR code. */
async function acceptedNotice(): Promise<string> {
  const sent = await postJson(`${bff.url}/api/auth/sms/send`, { phone: PHONE })
  if (sent.status !== 202) throw new Error(`sms/send answered ${sent.status}`)
  const verified = await postJson<{ token: string }>(`${bff.url}/api/auth/sms/verify`, { phone: PHONE, code: await smsCodeFor(bff, PHONE) })
  const token = verified.body.token
  await putJson(`${bff.url}/api/me/profile`, { name: '吴秀兰', idNumber: '11010519491231002X' }, auth(token))
  const body: SubmitCaseBody = {
    itemCode: 'MZ-0001', formVersion: 1, answers: {}, delivery: 'pickup', personalDataConsent: true,
    values: {
      applicantName: '吴秀兰', idNumber: '11010519491231002X', phone: PHONE, region: { province: '330000', city: '330100', district: '330106' },
      address: '杏花村5组8号', members: [{ name: '吴秀兰', relation: 'self', idNumber: '11010519491231002X', monthlyIncome: 450 }],
      savings: 800, reason: '年过七旬独自生活，没有固定收入。', checkAuth: true, pledge: true,
    },
  }
  const created = await postJson<CaseDetail>(`${bff.url}/api/cases`, body, { ...auth(token), 'Idempotency-Key': 'parity-test-verify-000001' })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const caseNo = created.body.caseNo
  const clerk = (await postJson<{ token: string }>(`${bff.url}/api/staff/login`, { username: 'clerk', password: 'Tongban@2026' })).body.token
  for (const type of ['start_pre_review', 'accept']) {
    const seen = await getJson<{ version: number }>(`${bff.url}/api/staff/cases/${caseNo}`, auth(clerk))
    const res = await postJson(`${bff.url}/api/staff/cases/${caseNo}/events`, { type, version: seen.body.version }, auth(clerk))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  noticePdf = await getBytes(`${bff.url}/api/cases/${caseNo}/notices/acceptance`, auth(token))
  const pdf = noticePdf.toString('latin1')
  const url = /https?:\/\/[^\s()<>]+\/verify\/[A-Za-z0-9_-]{22}/.exec(pdf)?.[0]
  if (!url) throw new Error('the acceptance notice carries no verify address')
  return url
}

describe.skipIf(!realBffWanted())('the PWA’s pages, in the mini-program', () => {
  afterEach(() => {
    mp.wx.offline = false
    mp.wx.privacyAgreed = true
    mp.wx.deniedPermissions = []
    mp.wx.scannedCodes = []
  })

  beforeAll(async () => {
    ensureMiniprogramBuilt()
    bff = await startBffProcess()
    catalogue = await fetchCatalogue(bff)
    verifyUrl = await acceptedNotice()
    verifyId = verifyUrl.slice(-22)
    mp = startMiniProgram(DIST, { bffUrl: bff.url })
  })

  afterAll(async () => {
    await bff?.close()
  })

  describe('首页', () => {
    it('finds items by level (村、乡镇 close by) and all the halls, as the PWA’s home does', async () => {
      const home = await mp.openPage(HOME)
      const text = await home.waitForText((t) => t.includes('按办理层级找') && t.includes(catalogue.departments[0]!.name))
      expect(text).toContain('村（社区）、乡镇能办的事，就近就能办。')
      for (const level of HALL_LEVELS) expect(text).toContain(HALL_LEVEL_LABELS[level])
      mp.wx.calls.length = 0
      await home.tap(tappable(home, HALL_LEVEL_LABELS.village))
      expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: '/pages/search/index?level=village' }))
      await home.tap(tappable(home, '全部服务大厅'))
      expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: `/${HALLS}` }))
      home.unload()
    })

    it('opens 我的办件 (a tab) and 文书核验 in one tap', async () => {
      const home = await mp.openPage(HOME)
      await home.waitForText((t) => t.includes('我的办件') && t.includes(VERIFY_TEXT.title))
      expect(home.findByClass('home__cases')).not.toBeNull()
      mp.wx.calls.length = 0
      await home.tap(byClass(home, 'home__cases'))
      expect(called('switchTab')).toContainEqual(expect.objectContaining({ url: '/pages/cases/index' }))
      await home.tap(byClass(home, 'home__verify'))
      expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: `/${VERIFY}` }))
      home.unload()
    })
  })

  it('服务大厅 lists every hall by level with its address, hours, a call and the items of its level', async () => {
    const page = await mp.openPage(HALLS)
    const text = await page.waitForText((t) => t.includes(catalogue.halls[0]!.name))
    for (const h of catalogue.halls) {
      expect(text).toContain(h.name)
      expect(text).toContain(`地址：${h.address}`)
    }
    const levels = HALL_LEVELS.filter((l) => catalogue.halls.some((h) => h.level === l))
    for (const l of levels) expect(text).toContain(`查看${HALL_LEVEL_LABELS[l]}可办事项`)
    // In the PWA's order: 市级 before 村（社区）.
    expect(text.indexOf(HALL_LEVEL_LABELS[levels[0]!])).toBeLessThan(text.indexOf(HALL_LEVEL_LABELS[levels.at(-1)!]))
    mp.wx.calls.length = 0
    const hall = catalogue.halls.find((h) => h.phone)!
    await page.tap(tappable(page, `拨打 ${hall.phone}`))
    expect(called('makePhoneCall')[0]).toMatchObject({ phoneNumber: hall.phone })
    await page.tap(tappable(page, `查看${HALL_LEVEL_LABELS[levels[0]!]}可办事项`))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: `/pages/search/index?level=${levels[0]}` }))
    page.unload()
  })

  describe('文书核验', () => {
    let face: VerifyView

    beforeAll(async () => {
      face = (await getJson<VerifyView>(`${bff.url}/api/verify/${verifyId}`)).body
    })

    const expectGenuine = (text: string) => {
      expect(text).toContain('真实有效')
      expect(text).toContain(`这份${face.title}是${face.issuer}出具的，是真的。`)
      for (const r of verifyFaceRows(face)) expect(text).toContain(`${r.label} ${r.value}`)
      expect(text).toContain(verifyAlteredText(face))
      // Nothing personal: the applicant's name is not on the verify page.
      expect(text).not.toContain('吴秀兰')
    }

    it('scans the notice’s QR code after the privacy agreement, and says 真实有效 with the face to compare', async () => {
      const page = await mp.openPage(VERIFY)
      await page.waitForText((t) => t.includes(VERIFY_TEXT.codeLabel))
      mp.wx.privacyAgreed = false
      mp.wx.scannedCodes = [verifyUrl]
      mp.wx.calls.length = 0
      await page.tap(tappable(page, '扫一扫文书上的二维码'))
      await page.waitForText((t) => t.includes('扫描文书上的二维码需要您先阅读并同意《用户服务协议》和《隐私政策》'))
      expect(called('scanCode')).toEqual([])
      await page.trigger(page.findByClass('privacy-consent__agree')!, 'agreeprivacyauthorization', {})
      expectGenuine(await page.waitForText((t) => t.includes('真实有效')))
      expect(called('scanCode')[0]).toMatchObject({ scanType: ['qrCode'] })
      page.unload()
    })

    it('takes the 核验码 typed from the paper; a wrong one is said at the field, an unknown one is 无法核验', async () => {
      const page = await mp.openPage(VERIFY)
      await page.waitForText((t) => t.includes(VERIFY_TEXT.codeLabel))
      const input = byClass(page, 'verify__input')
      await page.type(input, 'MZ-0001-20261207-001')
      const asked = mp.wx.requests.length
      await page.tap(tappable(page, '核验'))
      await page.waitForText((t) => t.includes(VERIFY_TEXT.codeInvalid))
      expect(mp.wx.requests.length).toBe(asked)

      await page.type(input, 'A'.repeat(22))
      await page.tap(tappable(page, '核验'))
      const unknown = await page.waitForText((t) => t.includes('无法核验'))
      for (const line of VERIFY_TEXT.notFound.lines) expect(unknown).toContain(line)
      expect(unknown).not.toContain(VERIFY_TEXT.codeInvalid)

      await page.type(input, `核验码：${verifyId}`)
      await page.tap(tappable(page, '核验'))
      expectGenuine(await page.waitForText((t) => t.includes('真实有效')))
      page.unload()
    })

    it('checks a PDF from a chat against the one issued: 与原件一致, 与原件不一致 for a changed copy, not a PDF said before sending', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tb-verify-'))
      const file = (name: string, bytes: Buffer) => { writeFileSync(join(dir, name), bytes); return join(dir, name) }
      const altered = Buffer.from(noticePdf)
      const middle = Math.floor(altered.length / 2)
      altered[middle] = altered[middle]! ^ 0x20
      const page = await mp.openPage(VERIFY, { id: verifyId })
      await page.waitForText((t) => t.includes('真实有效') && t.includes(VERIFY_FILE_TEXT.title))
      const sent = () => mp.wx.requests.filter((r) => r.method === 'POST' && r.url.endsWith(`/api/verify/${verifyId}`))

      mp.wx.privacyAgreed = false
      mp.wx.pickedFiles = [file('受理通知书.pdf', noticePdf)]
      mp.wx.calls.length = 0
      await page.tap(tappable(page, VERIFY_FILE_TEXT.choose))
      await page.waitForText((t) => t.includes('从微信聊天中选择文件需要您先阅读并同意《用户服务协议》和《隐私政策》'))
      expect(called('chooseMessageFile')).toEqual([])
      await page.trigger(page.findByClass('privacy-consent__agree')!, 'agreeprivacyauthorization', {})
      const genuine = fileVerdictText('genuine', face)
      let text = await page.waitForText((t) => t.includes(genuine.title))
      expect(text).toContain(genuine.lead)
      expect(text).toMatch(new RegExp(`${VERIFY_FILE_TEXT.checked}受理通知书\\.pdf（\\d+KB）`))
      expect(called('chooseMessageFile')[0]).toMatchObject({ count: 1, type: 'file', extension: ['pdf'] })
      expect(sent()).toHaveLength(1)

      mp.wx.pickedFiles = [file('受理通知书（转发）.pdf', altered)]
      await page.tap(tappable(page, VERIFY_FILE_TEXT.chooseAnother))
      const changed = fileVerdictText('altered', face)
      text = await page.waitForText((t) => t.includes(changed.title))
      expect(text).toContain(changed.lead)
      expect(text).not.toContain(genuine.title)
      expect(sent()).toHaveLength(2)

      mp.wx.pickedFiles = [file('照片.pdf', Buffer.from('\xff\xd8\xff\xe0 not a pdf', 'latin1')), file('说明.txt', Buffer.from('文字'))]
      await page.tap(tappable(page, VERIFY_FILE_TEXT.chooseAnother))
      await page.waitForText((t) => t.includes(VERIFY_FILE_MESSAGES.notPdfContent))
      await page.tap(tappable(page, VERIFY_FILE_TEXT.choose))
      await page.waitForText((t) => t.includes(VERIFY_FILE_MESSAGES.notPdf))
      expect(sent()).toHaveLength(2)
      page.unload()
    })

    it('a QR code that is not a document’s, a cancelled scan and a refused camera each say what they mean', async () => {
      const page = await mp.openPage(VERIFY)
      await page.waitForText((t) => t.includes(VERIFY_TEXT.codeLabel))
      mp.wx.scannedCodes = ['https://example.com/pay?order=1']
      await page.tap(tappable(page, '扫一扫文书上的二维码'))
      await page.waitForText((t) => t.includes(VERIFY_TEXT.scannedOther))

      mp.wx.calls.length = 0
      await page.tap(tappable(page, '扫一扫文书上的二维码'))
      await waitFor(() => called('scanCode').length === 1, 5_000, 'the scan')
      await new Promise((r) => setTimeout(r, 50))
      expect(called('showModal')).toEqual([])

      mp.wx.deniedPermissions = ['camera']
      await page.tap(tappable(page, '扫一扫文书上的二维码'))
      const text = await page.waitForText((t) => t.includes('您没有允许通办使用相机'))
      expect(text).toContain('所以不能扫码。请点“去设置”打开相机权限，再试一次；也可以输入文书二维码下方的核验码。')
      const modal = await waitFor(() => called('showModal')[0], 5_000, 'the settings dialog')
      expect(modal).toMatchObject({ title: '无法使用相机', confirmText: '去设置' })
      await waitFor(() => called('openSetting').length === 1, 5_000, 'wx.openSetting')
      page.unload()
    })

    it('offline is no verdict: 重试, and the answer comes by itself once the signal returns', async () => {
      mp.wx.offline = true
      const page = await mp.openPage(VERIFY, { id: verifyId })
      const text = await page.waitForText((t) => t.includes(PROBLEMS.NETWORK.title))
      expect(text).toContain(VERIFY_TEXT.notChecked)
      expect(text).not.toMatch(/真实有效|无法核验/)
      mp.wx.setNetwork(true)
      expectGenuine(await page.waitForText((t) => t.includes('真实有效')))
      page.unload()
    })

    it('opened from the QR code itself (WeChat hands its address over as q), answers at once', async () => {
      const page = await mp.openPage(VERIFY, { q: encodeURIComponent(verifyUrl) })
      expectGenuine(await page.waitForText((t) => t.includes('真实有效')))
      page.unload()
    })
  })

  it('renders every element it is given (no missing WXML templates)', () => {
    expect(mp.renderErrors).toEqual([])
  })
})
