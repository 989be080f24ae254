/**
 * The workbench on the BFF: a clerk sees the new case with its light, asks
 * for a supplement (all at once), the citizen sees each reason; a refusal
 * needs a legal basis; acceptance opens the department's branch; the wrong
 * role or department is refused; two clerks acting at once — one wins, the
 * other is told the case changed, and the case is as the winner left it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addWorkingDays, supplementChoices, type CaseDetail, type Problem, type PublicCaseView, type StaffCaseDetail, type StaffCaseSummary } from '@tongban/core'
import { minimumLivingApplication, residentIdFor, signInCitizen, startTestServer, type TestServer, today } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'

let server: TestServer
let clerk: string
let reviewer: string
let n = 0
const as = (token: string) => ({ authorization: `Bearer ${token}` })
const staffToken = async (username: string) =>
  (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token

beforeAll(async () => {
  server = await startTestServer()
  clerk = await staffToken('clerk')
  reviewer = await staffToken('reviewer')
})
afterAll(async () => { await server?.close() })

/** 最低生活保障 needs no files: a whole application in one request. */
async function submitted(): Promise<{ token: string; caseNo: string; phone: string }> {
  const phone = `139${String(60_000_000 + ++n).slice(-8)}`
  const { token } = await signInCitizen(server.app, phone, `10.9.0.${n}`)
  const body = { ...minimumLivingApplication('13900000000', { idNumber: residentIdFor(phone) }) }
  const res = await server.app.inject({ method: 'POST', url: '/api/cases', payload: body, headers: { ...as(token), 'idempotency-key': `staff-test-key-${n}`.padEnd(20, '0') } })
  expect(res.statusCode, res.body).toBe(201)
  return { token, caseNo: res.json<CaseDetail>().caseNo, phone }
}

const act = (token: string, caseNo: string, payload: object) =>
  server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload, headers: as(token) })
const open = async (token: string, caseNo: string) => (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: as(token) })).json<StaffCaseDetail>()

describe('the workbench', () => {
  it('lists the new case for the clerk with its light, and only the actions the machine allows', async () => {
    const { caseNo } = await submitted()
    const list = (await server.app.inject({ url: '/api/staff/cases', headers: as(clerk) })).json<StaffCaseSummary[]>()
    const mine = list.find((c) => c.caseNo === caseNo)
    expect(mine).toMatchObject({ status: 'submitted', light: 'green', deadline: addWorkingDays(today(), 2), version: 1 })
    expect((await open(clerk, caseNo)).actions).toEqual(['start_pre_review'])
    // Not the reviewer's yet: no branch of theirs.
    const theirs = (await server.app.inject({ url: '/api/staff/cases', headers: as(reviewer) })).json<StaffCaseSummary[]>()
    expect(theirs.some((c) => c.caseNo === caseNo)).toBe(false)
  })

  it('asks for a supplement all at once; the citizen sees each reason and the clock stops', async () => {
    const { token, caseNo } = await submitted()
    expect((await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })).statusCode).toBe(200)
    const res = await act(clerk, caseNo, { type: 'request_supplement', version: 2, items: [{ path: 'members.0.idNumber', reason: '请提供户口簿首页和本人页' }, { path: 'savings', reason: '请补充近6个月银行流水' }] })
    expect(res.statusCode, res.body).toBe(200)
    const seen = (await server.app.inject({ url: `/api/cases/${caseNo}`, headers: as(token) })).json<CaseDetail>()
    expect(seen).toMatchObject({ status: 'supplement_required', statusLabel: '需要补正材料', deadline: null, light: null })
    expect(seen.supplement?.map((s) => s.path)).toEqual(['members.0.idNumber', 'savings'])
    expect(seen.timeline.map((t) => `${t.by}${t.text}`)).toEqual(['申请人提交了申请', '窗口开始预审', '窗口请补正材料（一次性告知）'])
  })

  it('asks only about what the case’s form has: a field left empty may be named, one the form lacks is a 400 and changes nothing', async () => {
    const { caseNo } = await submitted()
    expect((await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })).statusCode).toBe(200)
    const offered = (await open(clerk, caseNo))
    const empty = supplementChoices(offered.form, offered.values, offered.answers).find((c) => c.text === '')
    expect(empty, 'the demo application leaves some field empty').toBeDefined()
    const wrong = await act(clerk, caseNo, { type: 'request_supplement', version: 2, items: [{ path: 'savings', reason: '请补充银行流水' }, { path: 'noSuchField', reason: '随便写的' }] })
    expect([wrong.statusCode, wrong.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8'])
    expect(wrong.json<Problem>().errors).toEqual([{ path: 'items.1.path', code: 'unknown_field', message: '申请表中没有这一项，请重新勾选' }])
    expect((await open(clerk, caseNo)).status).toBe('pre_review')
    const ok = await act(clerk, caseNo, { type: 'request_supplement', version: 2, items: [{ path: empty!.path, reason: `请补充${empty!.label}` }] })
    expect(ok.statusCode, ok.body).toBe(200)
  })

  it('refuses without a legal basis, then accepts: the department’s branch opens with the item’s promise', async () => {
    const { caseNo } = await submitted()
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    const noBasis = await act(clerk, caseNo, { type: 'refuse', version: 2, reason: '不符合条件', basis: '' })
    expect(noBasis.statusCode).toBe(400)
    expect(noBasis.json<Problem>().errors?.[0]?.message).toMatch(/法律依据/)
    const accepted = await act(clerk, caseNo, { type: 'accept', version: 2 })
    expect(accepted.statusCode, accepted.body).toBe(200)
    const d = accepted.json<StaffCaseDetail>()
    expect(d.status).toBe('accepted')
    expect(d.branches).toEqual([expect.objectContaining({ department: '示例市民政局', statusLabel: '待承办', light: expect.any(String) })])
  })

  it('refuses the wrong role, the wrong department and the wrong state with problem+json, and changes nothing', async () => {
    const { caseNo } = await submitted()
    const byReviewer = await act(reviewer, caseNo, { type: 'start_pre_review', version: 1 })
    expect(byReviewer.statusCode).toBe(403)
    expect(byReviewer.headers['content-type']).toContain('application/problem+json')
    const early = await act(clerk, caseNo, { type: 'accept', version: 1 })
    expect(early.json<Problem>()).toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION', detail: expect.stringContaining('不能进行这项操作'), reason: 'status_not_allowed' })
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    await act(clerk, caseNo, { type: 'accept', version: 2 })
    // The reviewer is 市公安局's; this branch is 民政局's.
    const otherDept = await act(reviewer, caseNo, { type: 'advance_branch', version: 3, department: 'mzj' })
    expect(otherDept.json<Problem>()).toMatchObject({ status: 403, code: 'FORBIDDEN', detail: '这个办件没有交给本部门办理，不能查看或办理' })
    expect((await open(clerk, caseNo)).version).toBe(3)
  })

  it('tells another department\'s reviewer nothing about a case: the same 403 whatever its version or state, and nothing changes', async () => {
    const { caseNo } = await submitted()
    const outsider = async (version: number) => {
      const res = await act(reviewer, caseNo, { type: 'advance_branch', version, department: 'mzj' })
      expect(res.statusCode).toBe(403)
      return res.json<Problem>()
    }
    const fresh = [await outsider(1), await outsider(99)]
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    await act(clerk, caseNo, { type: 'refuse', version: 2, reason: '不属于本机关职权范围', basis: '《中华人民共和国行政许可法》第三十二条' })
    expect((await open(clerk, caseNo)).status).toBe('not_accepted')
    const closed = [await outsider(3), await outsider(1)]
    for (const p of [...fresh, ...closed]) expect(p).toEqual(fresh[0])
    expect(JSON.stringify(closed)).not.toMatch(/办结|不予受理|CASE_CHANGED|ILLEGAL/)
    expect((await open(clerk, caseNo)).version).toBe(3)
  })

  it('a supervisor watches but never acts (not even as a clerk); a body missing what a step needs is a 400 in words, not a 500', async () => {
    const { caseNo } = await submitted()
    const supervisor = await staffToken('supervisor')
    const asSupervisor = await act(supervisor, caseNo, { type: 'start_pre_review', version: 1 })
    expect(asSupervisor.statusCode).toBe(403)
    expect(asSupervisor.headers['content-type']).toContain('application/problem+json')
    expect(asSupervisor.json<Problem>()).toMatchObject({ code: 'FORBIDDEN', detail: '督查人员只能查看办件，不能办理' })

    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    for (const [payload, message] of [
      [{ type: 'request_supplement', version: 2 }, '请逐项写明需要补正的内容和原因'],
      [{ type: 'refuse', version: 2, basis: '《行政许可法》第三十二条' }, '不予受理须写明理由和法律依据'],
    ] as const) {
      const res = await act(clerk, caseNo, payload)
      expect(res.statusCode, res.body).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json<Problem>().errors?.[0]?.message).toBe(message)
    }
    expect(await open(clerk, caseNo)).toMatchObject({ version: 2, status: 'pre_review' })
  })

  it('a department reviewer’s list shows their own branch’s clock, not the case’s', async () => {
    const { caseNo } = await submitted()
    const mz = await staffToken('reviewer_mz')
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    await act(clerk, caseNo, { type: 'accept', departments: ['mzj', 'rsj'], version: 2 })
    await act(mz, caseNo, { type: 'advance_branch', department: 'mzj', version: 3 })
    await act(mz, caseNo, { type: 'pause_branch', department: 'mzj', procedure: '入户调查', reason: '核实家庭收入', expectedEnd: addWorkingDays(today(), 5), version: 4 })
    const row = (await server.app.inject({ url: '/api/staff/cases', headers: as(mz) })).json<StaffCaseSummary[]>().find((c) => c.caseNo === caseNo)
    // The case as a whole still runs on 人社局's clock; 民政局's own is stopped.
    expect((await open(clerk, caseNo)).deadline).not.toBeNull()
    expect(row).toMatchObject({ deadline: null, light: null, daysLeft: null, clockStop: 'special_procedure' })
    await act(mz, caseNo, { type: 'resume_branch', department: 'mzj', version: 5 })
    const resumed = (await server.app.inject({ url: '/api/staff/cases', headers: as(mz) })).json<StaffCaseSummary[]>().find((c) => c.caseNo === caseNo)
    expect(resumed).toMatchObject({ light: 'green', clockStop: null })
    expect(resumed?.deadline).toBe((await open(mz, caseNo)).branches.find((b) => b.department === '示例市民政局')?.deadline)
  })

  it('opens a case’s form only for the window, the departments it was given to and supervision, and logs each look for the citizen', async () => {
    const { token, caseNo } = await submitted()
    const [mz, sc, supervisor] = [await staffToken('reviewer_mz'), await staffToken('reviewer_sc'), await staffToken('supervisor')]
    const look = (t: string, url = `/api/staff/cases/${caseNo}`) => server.app.inject({ url, headers: as(t) })
    const refused = async (t: string, url?: string) => {
      const res = await look(t, url)
      expect(res.statusCode, res.body).toBe(403)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json<Problem>()).toMatchObject({ code: 'FORBIDDEN', detail: '这个办件没有交给本部门办理，不能查看或办理' })
    }
    // Before acceptance no department has it.
    await refused(mz)
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    await act(clerk, caseNo, { type: 'accept', departments: ['mzj'], version: 2 })
    expect((await look(mz)).statusCode).toBe(200)
    // Supervision opens it (to watch: no actions).
    expect((await look(supervisor)).json<StaffCaseDetail>()).toMatchObject({ caseNo, actions: [] })
    // Another department's reviewer: not the form, nor the notices that name the applicant.
    await refused(sc)
    await refused(sc, `/api/staff/cases/${caseNo}/notices/acceptance`)
    await refused(sc, `/api/staff/cases/${caseNo}/notices`)
    expect((await look(mz, `/api/staff/cases/${caseNo}/notices`)).statusCode).toBe(200)
    const log = (await server.app.inject({ url: '/api/me/access-log', headers: as(token) })).json<{ staffName: string; purpose: string }[]>()
    expect(log.map((e) => e.purpose).sort()).toEqual(['assist', 'supervision'])
    expect(log.some((e) => /市场/.test(e.staffName))).toBe(false)
  })

  it('accepts for the departments the clerk picks (joint handling), and refuses a department that does not exist or leaving out the lead', async () => {
    const { caseNo } = await submitted()
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    const opened = await open(clerk, caseNo)
    expect(opened).toMatchObject({ leadDepartment: 'mzj', legalDeadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
    const wrong = await act(clerk, caseNo, { type: 'accept', departments: ['mzj', 'nope'], version: 2 })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.headers['content-type']).toContain('application/problem+json')
    expect(wrong.json<Problem>().errors).toEqual([{ path: 'departments.1', code: 'unknown_department', message: '没有这个办理部门，请重新选择' }])
    const leaderless = await act(clerk, caseNo, { type: 'accept', departments: ['rsj'], version: 2 })
    expect([leaderless.statusCode, leaderless.json<Problem>().errors]).toEqual([400, [{ path: 'departments', code: 'lead_required', message: '示例市民政局是这个事项的牵头部门，必须参与办理' }]])
    expect((await open(clerk, caseNo)).status).toBe('pre_review')
    const joint = await act(clerk, caseNo, { type: 'accept', departments: ['mzj', 'rsj'], version: 2 })
    expect(joint.json<StaffCaseDetail>().branches.map((b) => b.department)).toEqual(['示例市民政局', '示例市人力资源和社会保障局'])
  })

  it('lets one of two clerks acting at once win; the other is told the case changed', async () => {
    const { caseNo } = await submitted()
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    const [a, b] = await Promise.all([
      act(clerk, caseNo, { type: 'accept', version: 2 }),
      act(clerk, caseNo, { type: 'refuse', version: 2, reason: '不属于本机关职权范围', basis: '《行政许可法》第三十二条' }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const loser = a.statusCode === 409 ? a : b
    expect(loser.json<Problem>().code).toBe('CASE_CHANGED')
    const d = await open(clerk, caseNo)
    expect(d.version).toBe(3)
    expect(['accepted', 'not_accepted']).toContain(d.status)
  })

  it('keeps citizens and agents out', async () => {
    const { token, caseNo } = await submitted()
    expect((await server.app.inject({ url: '/api/staff/cases', headers: as(token) })).statusCode).toBe(401)
    expect((await act(token, caseNo, { type: 'start_pre_review', version: 1 })).statusCode).toBe(401)
  })

  it('takes the corrected form back from the citizen (same validator, on the version they saw) and restarts pre-review', async () => {
    const { token, caseNo } = await submitted()
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    await act(clerk, caseNo, { type: 'request_supplement', version: 2, items: [{ path: 'savings', reason: '请按银行流水填写存款' }] })
    const mine = (await server.app.inject({ url: `/api/cases/${caseNo}`, headers: as(token) })).json<CaseDetail>()
    expect(mine.version).toBe(3)
    const resubmit = (payload: object) => server.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/resubmit`, payload, headers: as(token) })
    const stale = await resubmit({ values: { ...mine.values, savings: 2600 }, version: 2 })
    expect(stale.json<Problem>().code).toBe('CASE_CHANGED')
    const bad = await resubmit({ values: { ...mine.values, savings: -1 }, version: 3 })
    expect(bad.json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'savings' }] })
    const ok = await resubmit({ values: { ...mine.values, savings: 2600 }, version: 3 })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json<CaseDetail>()).toMatchObject({ status: 'submitted', values: { savings: 2600 }, light: 'green', version: 4 })
    expect(ok.json<CaseDetail>().supplement).toBeUndefined()
    expect(ok.json<CaseDetail>().timeline.at(-1)).toMatchObject({ text: '补正后重新提交', by: '申请人' })
  })

  it('asks a second time only about what was told before or what the citizen changed (一次性告知, Art. 32)', async () => {
    const { token, caseNo } = await submitted()
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    expect((await open(clerk, caseNo)).supplementScope).toBeNull()
    await act(clerk, caseNo, { type: 'request_supplement', version: 2, items: [{ path: 'savings', reason: '请按银行流水填写存款' }] })
    const mine = (await server.app.inject({ url: `/api/cases/${caseNo}`, headers: as(token) })).json<CaseDetail>()
    // Corrects the savings and, while at it, rewrites the reason.
    const resubmitted = await server.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/resubmit`, payload: { values: { ...mine.values, savings: 2600, reason: '老伴去世后独自生活，没有固定收入。' }, version: 3 }, headers: as(token) })
    expect(resubmitted.statusCode, resubmitted.body).toBe(200)
    await act(clerk, caseNo, { type: 'start_pre_review', version: 4 })
    expect((await open(clerk, caseNo)).supplementScope?.sort()).toEqual(['reason', 'savings'])
    // The address was there the first time and did not change: it should have been told then.
    const late = await act(clerk, caseNo, { type: 'request_supplement', version: 5, items: [{ path: 'address', reason: '请写明门牌号' }] })
    expect(late.statusCode).toBe(400)
    expect(late.json<Problem>().errors?.[0]?.message).toContain('一次性告知')
    expect((await open(clerk, caseNo)).status).toBe('pre_review')
    const again = await act(clerk, caseNo, { type: 'request_supplement', version: 5, items: [{ path: 'reason', reason: '请说明老伴去世的时间' }, { path: 'savings', reason: '流水与填写金额不符' }] })
    expect(again.statusCode, again.body).toBe(200)
  })

  it('lets the citizen withdraw before acceptance, never after', async () => {
    const first = await submitted()
    const w = await server.app.inject({ method: 'POST', url: `/api/cases/${first.caseNo}/withdraw`, payload: { version: 1, reason: '材料没带齐，下次再办' }, headers: as(first.token) })
    expect(w.json<CaseDetail>()).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', deadline: null })
    const second = await submitted()
    await act(clerk, second.caseNo, { type: 'start_pre_review', version: 1 })
    await act(clerk, second.caseNo, { type: 'accept', version: 2 })
    const late = await server.app.inject({ method: 'POST', url: `/api/cases/${second.caseNo}/withdraw`, payload: { version: 3 }, headers: as(second.token) })
    expect(late.json<Problem>()).toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION' })
    const other = await submitted()
    const notMine = await server.app.inject({ method: 'POST', url: `/api/cases/${second.caseNo}/withdraw`, payload: { version: 3 }, headers: as(other.token) })
    expect(notMine.json<Problem>().code).toBe('CASE_NOT_FOUND')
  })

  it('answers the public query with the number and the last 4 digits, shows no personal data, and is rate-limited', async () => {
    const { caseNo, phone } = await submitted()
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    const q = (no: string, digits: string, ip = '10.98.0.1') => server.app.inject({ url: `/api/query?caseNo=${encodeURIComponent(no)}&phone4=${digits}`, remoteAddress: ip })
    const ok = await q(caseNo, phone.slice(-4))
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json<PublicCaseView>()).toMatchObject({ caseNo, itemName: '最低生活保障申请', department: '示例市民政局', statusLabel: '窗口预审中', light: 'green' })
    expect(ok.json<PublicCaseView>().steps.map((x) => x.text)).toEqual(['提交了申请', '开始预审'])
    for (const secret of ['王芳', residentIdFor(phone), phone, '杏花村', '2000']) expect(ok.body).not.toContain(secret)
    const wrong = await q(caseNo, phone.slice(-4) === '0000' ? '1111' : '0000')
    const unknown = await q('MZ-0001-20000101-0001', phone.slice(-4))
    expect(wrong.statusCode).toBe(404)
    expect(wrong.json<Problem>()).toEqual({ ...unknown.json<Problem>() })
    expect(wrong.json<Problem>().code).toBe('QUERY_NOT_FOUND')
    const badDigits = await q(caseNo, '12a4')
    expect(badDigits.json<Problem>().errors?.[0]?.message).toBe('请输入申请时手机号的后4位数字')
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await q(caseNo, '0000', '10.99.0.1')).statusCode)
    expect(statuses.at(-1)).toBe(429)
  })

  it('tells the public query each department’s step and clock, a pause with its procedure and expected end, and each closed step against its deadline — no staff free text', async () => {
    const { caseNo, phone } = await submitted()
    const mz = await staffToken('reviewer_mz')
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    await act(clerk, caseNo, { type: 'accept', version: 2 })
    const end = addWorkingDays(today(), 5)
    await act(mz, caseNo, { type: 'pause_branch', department: 'mzj', procedure: '入户调查', reason: '核实王芳家庭收入', expectedEnd: end, version: 3 })
    const res = await server.app.inject({ url: `/api/query?caseNo=${encodeURIComponent(caseNo)}&phone4=${phone.slice(-4)}`, remoteAddress: '10.98.1.1' })
    expect(res.statusCode, res.body).toBe(200)
    const view = res.json<PublicCaseView>()
    expect(view).toMatchObject({
      clockStop: 'special_procedure', deadline: null,
      branches: [{ department: '示例市民政局', statusLabel: '特别程序（暂停计时）', deadline: null, light: null, paused: { procedure: '入户调查', expectedEnd: end } }],
    })
    expect(view.steps.find((x) => x.text.startsWith('受理'))?.due).toEqual({ day: addWorkingDays(today(), 2), met: true, step: 'pre_review' })
    expect(res.body).not.toContain('核实')
    expect(res.body).not.toContain('王芳')
  })
})

describe('承办人 / 审核人 / 批准人: three people sign a department’s steps (the department rule, on by default)', () => {
  /** 最低生活保障, accepted for 民政局: its branch pending, version 3. */
  async function acceptedForMz(): Promise<string> {
    const { caseNo } = await submitted()
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    expect((await act(clerk, caseNo, { type: 'accept', version: 2 })).statusCode).toBe(200)
    return caseNo
  }
  const advance = (version: number) => ({ type: 'advance_branch', department: 'mzj', opinion: '家庭收入低于当地低保标准，拟同意', version })
  const approve = (version: number) => ({ type: 'decide_branch', department: 'mzj', outcome: 'approved', opinion: '符合低保条件', version })
  const refusedWith = async (res: Awaited<ReturnType<typeof act>>, words: RegExp) => {
    expect(res.statusCode, res.body).toBe(403)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json<Problem>()).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringMatching(words) })
  }

  it('offers each person only the step they may sign, refuses the rest in words, and takes 承办 → 审核 → 审批 from three', async () => {
    const [undertaker, checker, approver] = [await staffToken('reviewer_mz'), await staffToken('checker_mz'), await staffToken('approver_mz')]
    const caseNo = await acceptedForMz()
    expect((await open(approver, caseNo)).actions).not.toContain('advance_branch')
    // 承办: taken and handed on by 赵敏.
    expect((await act(undertaker, caseNo, advance(3))).statusCode).toBe(200)
    expect((await act(undertaker, caseNo, advance(4))).statusCode).toBe(200)
    // 审核: not by the 承办人 — not offered, and refused when sent anyway.
    expect((await open(undertaker, caseNo)).actions).not.toContain('advance_branch')
    expect((await open(checker, caseNo)).actions).toContain('advance_branch')
    await refusedWith(await act(undertaker, caseNo, advance(5)), /承办人不能审核/)
    expect((await act(checker, caseNo, advance(5))).statusCode).toBe(200)
    // 审批: only an approver; neither reviewer, the 审核人 included.
    for (const who of [undertaker, checker]) {
      expect((await open(who, caseNo)).actions).not.toContain('decide_branch')
      await refusedWith(await act(who, caseNo, approve(6)), /审批须由本部门的批准人作出/)
    }
    expect((await open(approver, caseNo)).actions).toContain('decide_branch')
    const decided = await act(approver, caseNo, approve(6))
    expect(decided.statusCode, decided.body).toBe(200)
    expect(decided.json<StaffCaseDetail>()).toMatchObject({ status: 'decided', version: 7 })
  })

  it('refuses 审批 by an approver who reviewed the case themselves (a section chief holding both roles)', async () => {
    const { staffRepo } = await import('../../store/staff')
    const { hashPassword } = await import('../../auth/passwords')
    await staffRepo(server.app.db).insert({ username: 'chief_mz', displayName: '市民政局社会救助科 科长', passwordHash: await hashPassword(DEMO_STAFF_PASSWORD), roles: ['reviewer', 'approver'], departmentCode: 'mzj' })
    const [undertaker, chief, approver] = [await staffToken('reviewer_mz'), await staffToken('chief_mz'), await staffToken('approver_mz')]
    const caseNo = await acceptedForMz()
    await act(undertaker, caseNo, advance(3))
    await act(undertaker, caseNo, advance(4))
    expect((await act(chief, caseNo, advance(5))).statusCode).toBe(200)
    expect((await open(chief, caseNo)).actions).not.toContain('decide_branch')
    await refusedWith(await act(chief, caseNo, approve(6)), /批准人不能审批自己承办或审核过的办件/)
    expect((await act(approver, caseNo, approve(6))).statusCode).toBe(200)
  })

  it('lets one reviewer sign every step where the department has switched the rule off', async () => {
    await server.app.db.query("update departments set separate_duties = false where code = 'mzj'")
    try {
      const mz = await staffToken('reviewer_mz')
      const caseNo = await acceptedForMz()
      for (const v of [3, 4, 5]) expect((await act(mz, caseNo, advance(v))).statusCode).toBe(200)
      expect((await open(mz, caseNo)).actions).toContain('decide_branch')
      expect((await act(mz, caseNo, approve(6))).json<StaffCaseDetail>().status).toBe('decided')
    } finally {
      await server.app.db.query("update departments set separate_duties = true where code = 'mzj'")
    }
  })
})

describe('staff write for two audiences: the opinions stay inside, 告知申请人 reaches the applicant', () => {
  const INTERNAL = '材料齐全，经营场所符合要求，拟同意。'
  const TOLD = '您的材料已审查完毕，进入审核。'

  it('refuses to hand 承办 or 审核 on, or approve, without its opinion: problem+json at the field, and nothing changes', async () => {
    const [undertaker, checker, approver] = [await staffToken('reviewer_mz'), await staffToken('checker_mz'), await staffToken('approver_mz')]
    const { caseNo } = await submitted()
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    await act(clerk, caseNo, { type: 'accept', version: 2 })
    expect((await open(undertaker, caseNo)).myStep).toBe('pending')
    // Taking the case (承办 begins) signs nothing yet.
    expect((await act(undertaker, caseNo, { type: 'advance_branch', department: 'mzj', version: 3 })).statusCode).toBe(200)
    expect((await open(undertaker, caseNo)).myStep).toBe('undertaking')
    const cases: [string, object, string][] = [
      [undertaker, { type: 'advance_branch', department: 'mzj', version: 4, opinion: ' ' }, '请填写承办意见'],
      [checker, { type: 'advance_branch', department: 'mzj', version: 5 }, '请填写审核意见'],
      [approver, { type: 'decide_branch', department: 'mzj', outcome: 'approved', version: 6 }, '请填写审批意见'],
    ]
    for (const [who, payload, message] of cases) {
      const res = await act(who, caseNo, payload)
      expect([res.statusCode, res.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8'])
      expect(res.json<Problem>()).toMatchObject({ code: 'VALIDATION', reason: 'opinion_missing', errors: [{ path: 'opinion', code: 'invalid_event', message }] })
      const version = (payload as { version: number }).version
      expect((await open(clerk, caseNo)).version).toBe(version)
      const signed = await act(who, caseNo, { ...payload, opinion: '同意' })
      expect(signed.statusCode, signed.body).toBe(200)
    }
    expect((await open(clerk, caseNo)).status).toBe('decided')
  })

  it('never shows the applicant an opinion — not on their case, not on 办件查询 — and shows staff each one under its step', async () => {
    const [undertaker, checker, approver] = [await staffToken('reviewer_mz'), await staffToken('checker_mz'), await staffToken('approver_mz')]
    const { token, caseNo, phone } = await submitted()
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    await act(clerk, caseNo, { type: 'accept', version: 2 })
    await act(undertaker, caseNo, { type: 'advance_branch', department: 'mzj', version: 3 })
    expect((await act(undertaker, caseNo, { type: 'advance_branch', department: 'mzj', version: 4, opinion: INTERNAL, toApplicant: TOLD })).statusCode).toBe(200)
    expect((await act(checker, caseNo, { type: 'advance_branch', department: 'mzj', version: 5, opinion: '同意承办意见', note: '已电话核实' })).statusCode).toBe(200)
    expect((await act(approver, caseNo, { type: 'decide_branch', department: 'mzj', outcome: 'approved', version: 6, opinion: '同意，准予保障' })).statusCode).toBe(200)

    const mine = await server.app.inject({ url: `/api/cases/${caseNo}`, headers: as(token) })
    const query = await server.app.inject({ url: `/api/query?caseNo=${encodeURIComponent(caseNo)}&phone4=${phone.slice(-4)}`, remoteAddress: '10.98.2.1' })
    for (const body of [mine.body, query.body]) {
      for (const inside of [INTERNAL, '同意承办意见', '已电话核实', '同意，准予保障', '承办意见', 'internal']) expect(body).not.toContain(inside)
    }
    expect(mine.json<CaseDetail>().timeline.slice(-4).map((t) => [t.text, t.detail ?? null])).toEqual([['开始承办', null], ['开始审核', TOLD], ['开始审批', null], ['同意', null]])

    const staffView = await open(clerk, caseNo)
    expect(staffView.timeline.slice(-3).map((t) => t.internal)).toEqual([
      [{ label: '承办意见', text: INTERNAL }],
      [{ label: '审核意见', text: '同意承办意见' }, { label: '备注', text: '已电话核实' }],
      [{ label: '审批意见', text: '同意，准予保障' }],
    ])
  })

  it('tells the case\'s status time apart from its submission time', async () => {
    const { token, caseNo } = await submitted()
    await act(clerk, caseNo, { type: 'start_pre_review', version: 1 })
    const d = (await server.app.inject({ url: `/api/cases/${caseNo}`, headers: as(token) })).json<CaseDetail>()
    expect(d.statusAt).toBe(d.timeline.at(-1)!.at)
    expect(Date.parse(d.statusAt)).toBeGreaterThanOrEqual(Date.parse(d.submittedAt))
  })
})
