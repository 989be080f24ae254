/**
 * One case all the way through on the BFF, on PGlite and on PostgreSQL, on
 * a clock the test moves day by day: submit → the pre-review goes yellow,
 * then red → supplement → resubmit → accept with two departments (joint
 * handling) → one branch paused for a special procedure, resumed, paused and
 * resumed again → extension → the other branch runs late (red) → both decide
 * → 办结. At every step the deadline, light and days left the citizen and
 * the staff see are the core clock's for that step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addWorkingDays, decisionDays, shanghaiDate,
  type CaseDetail, type Item, type StaffCaseDetail, type StaffCaseSummary, type SubmitCaseBody,
} from '@tongban/core'
import { databaseVariants, signInCitizen, startTestServer, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'
import { staffRepo } from '../store/staff'
import { hashPassword } from '../auth/passwords'
import type { Db } from '../store/db'
import { inspectPdf } from '../notices/pdf-inspect'

const variants = await databaseVariants()

describe.each(variants)('a whole case on $label', (variant) => {
  let database: { db: Db; close(): Promise<void> }
  let server: TestServer
  const tokens: Record<string, string> = {}
  /** The BFF's time: 10:00 in Shanghai on the day the test has reached. */
  let clock = Date.now()
  const goTo = (day: string) => { clock = Date.parse(`${day}T02:00:00Z`) }
  // A Monday in March, clear of holidays at the start.
  const D0 = '2026-03-02'
  const day = (n: number) => addWorkingDays(D0, n)
  const as = (t: string) => ({ authorization: `Bearer ${t}` })

  beforeAll(async () => {
    database = await variant.open()
    server = await startTestServer({ db: database.db, now: () => clock })
    const hash = await hashPassword('Journey@2026')
    // Each department signs 承办 / 审核 / 审批 as three people (the department rule).
    for (const [dept, name] of [['mz', '民政局社会救助科'], ['rs', '人社局就业科']] as const) {
      const departmentCode = `${dept}j`
      await staffRepo(database.db).insert({ username: `${dept}-reviewer`, displayName: `${name}承办人`, passwordHash: hash, roles: ['reviewer'], departmentCode })
      await staffRepo(database.db).insert({ username: `${dept}-checker`, displayName: `${name}审核人`, passwordHash: hash, roles: ['reviewer'], departmentCode })
      await staffRepo(database.db).insert({ username: `${dept}-approver`, displayName: `${name}批准人`, passwordHash: hash, roles: ['approver'], departmentCode })
    }
    const login = async (username: string, password: string) =>
      (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } })).json<{ token: string }>().token
    tokens.clerk = await login('clerk', DEMO_STAFF_PASSWORD)
    tokens.leader = await login('leader', DEMO_STAFF_PASSWORD)
    tokens.mzj = await login('mz-reviewer', 'Journey@2026')
    tokens.rsj = await login('rs-reviewer', 'Journey@2026')
    for (const d of ['mz', 'rs']) {
      tokens[`${d}jCheck`] = await login(`${d}-checker`, 'Journey@2026')
      tokens[`${d}jApprove`] = await login(`${d}-approver`, 'Journey@2026')
    }
    tokens.citizen = (await signInCitizen(server.app, '13977770001', '10.77.0.1', { realName: { name: '王芳', idNumber: '11010519491231002X' } })).token
  })
  afterAll(async () => {
    await server?.close()
    await database?.close()
  })

  it('keeps every party on the same clock from submission to 办结', async () => {
    goTo(D0)
    const item = (await server.app.inject('/api/items/MZ-0001')).json<Item>()
    const body: SubmitCaseBody = {
      itemCode: 'MZ-0001', formVersion: 1, answers: {}, delivery: 'pickup', personalDataConsent: true,
      values: {
        applicantName: '王芳', idNumber: '11010519491231002X', phone: '13977770001', region: { province: '330000', city: '330100', district: '330106' },
        address: '杏花村3组12号', members: [{ name: '王芳', relation: 'self', idNumber: '11010519491231002X', monthlyIncome: 800 }],
        savings: 2000, reason: '丈夫去世后独自抚养两个孩子，收入不足以维持基本生活。', checkAuth: true, pledge: true,
      },
    }
    const created = await server.app.inject({ method: 'POST', url: '/api/cases', payload: body, headers: { ...as(tokens.citizen!), 'idempotency-key': 'journey-key-000000000001' } })
    expect(created.statusCode, created.body).toBe(201)
    const caseNo = created.json<CaseDetail>().caseNo
    let version = 1
    const citizenView = async () => (await server.app.inject({ url: `/api/cases/${caseNo}`, headers: as(tokens.citizen!) })).json<CaseDetail>()
    const act = async (who: string, payload: object) => {
      const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...payload, version }, headers: as(tokens[who]!) })
      expect(res.statusCode, `${who} ${JSON.stringify(payload)}: ${res.body}`).toBe(200)
      version++
      return res.json<StaffCaseDetail>()
    }

    const clerkRow = async () => (await server.app.inject({ url: '/api/staff/cases', headers: as(tokens.clerk!) })).json<StaffCaseSummary[]>().find((c) => c.caseNo === caseNo)
    expect(await citizenView()).toMatchObject({ status: 'submitted', deadline: day(2), light: 'green', daysLeft: 2 })
    // The window's view: the promise (2 working days) and the law's limit to tell what to supplement (5).
    const opened = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: as(tokens.clerk!) })).json<StaffCaseDetail>()
    expect(opened).toMatchObject({ deadline: day(2), legalDeadline: day(5), leadDepartment: 'mzj' })
    expect([opened.deadline, opened.legalDeadline]).toEqual(['2026-03-04', '2026-03-09']) // counted by hand, not by the code under test
    // A day later the pre-review is due tomorrow: yellow, for the citizen and on the clerk's list alike.
    goTo(day(1))
    expect(await citizenView()).toMatchObject({ deadline: day(2), light: 'yellow', daysLeft: 1 })
    expect(await clerkRow()).toMatchObject({ light: 'yellow', daysLeft: 1 })
    // Past it: red, and the list puts it first.
    goTo(day(3))
    expect(await citizenView()).toMatchObject({ deadline: day(2), light: 'red', daysLeft: -1, phones: { consult: item.consultPhone, complaint: item.complaintPhone } })
    expect(await clerkRow()).toMatchObject({ light: 'red', daysLeft: -1 })
    const reds = (await server.app.inject({ url: '/api/staff/cases', headers: as(tokens.clerk!) })).json<StaffCaseSummary[]>()
    expect(reds[0]?.light).toBe('red')

    await act('clerk', { type: 'start_pre_review' })
    await act('clerk', { type: 'request_supplement', items: [{ path: 'savings', reason: '请按近6个月银行流水填写' }] })
    expect(await citizenView()).toMatchObject({ status: 'supplement_required', deadline: null, light: null, clockStop: 'supplement' })
    const listed = (await server.app.inject({ url: '/api/me/cases', headers: as(tokens.citizen!) })).json<{ caseNo: string; clockStop: string | null }[]>()
    expect(listed.find((c) => c.caseNo === caseNo)?.clockStop).toBe('supplement')
    // Five working days later the citizen resubmits, at 01:00 in Shanghai (17:00 UTC the evening before):
    // a new pre-review clock from that Shanghai day, whatever the server's own zone.
    clock = Date.parse(`${day(7)}T17:00:00Z`)
    const resubmitted = await server.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/resubmit`, payload: { values: { ...body.values, savings: 2600 }, version }, headers: as(tokens.citizen!) })
    expect(resubmitted.statusCode, resubmitted.body).toBe(200)
    version++
    expect(await citizenView()).toMatchObject({ status: 'submitted', deadline: day(10), light: 'green', clockStop: null })
    expect(day(10)).toBe('2026-03-16')
    goTo(day(8))

    await act('clerk', { type: 'start_pre_review' })
    const accepted = await act('clerk', { type: 'accept', departments: ['mzj', 'rsj'] })
    const rules = { promisedDays: item.promisedDays, statutoryDays: item.statutoryDays }
    const A = day(8) // accepted
    const by = (days: number) => addWorkingDays(A, days)
    const promised = decisionDays(rules, true, 0)
    expect(accepted.branches.map((b) => [b.department, b.deadline, b.light])).toEqual([['示例市民政局', by(promised), 'green'], ['示例市人力资源和社会保障局', by(promised), 'green']])
    // Joint handling: 45 working days (Art. 26), though the item's own law gives one department 30.
    expect(item.statutoryDays).toBe(30)
    const law = 45
    expect(accepted.legalDeadline).toBe('2026-05-19') // by hand: Qingming 4-4…4-6 and 5-1…5-5 off, Saturday 5-9 worked

    for (const [i, who] of ['mzj', 'mzj', 'mzjCheck'].entries()) await act(who, { type: 'advance_branch', department: 'mzj', ...(i ? { opinion: '符合条件' } : {}) })
    const paused = await act('mzj', { type: 'pause_branch', department: 'mzj', procedure: '入户调查', reason: '核实家庭收入', expectedEnd: by(5) })
    expect(paused.branches[0]).toMatchObject({ statusLabel: '特别程序（暂停计时）', deadline: null, light: null, daysLeft: null, paused: { procedure: '入户调查' } })
    expect(await citizenView()).toMatchObject({ deadline: by(promised), clockStop: null })
    // Two working days of home visits: 民政局's clock moves on by two.
    goTo(by(2))
    await act('mzj', { type: 'resume_branch', department: 'mzj' })
    expect(await citizenView()).toMatchObject({ deadline: by(promised + 2) })
    // Paused again: the case stays due when 民政局 stopped, not on 人社局's earlier day.
    await act('mzj', { type: 'pause_branch', department: 'mzj', procedure: '专家评审', reason: '评审收入核定', expectedEnd: by(3) })
    expect(await citizenView()).toMatchObject({ deadline: by(promised + 2), clockStop: null })
    goTo(by(3))
    await act('mzj', { type: 'resume_branch', department: 'mzj' })
    const extended = await act('leader', { type: 'extend', days: 10, reason: '需要部门间核对' })
    expect(extended.branches.map((b) => b.deadline)).toEqual([by(decisionDays(rules, true, 10) + 3), by(decisionDays(rules, true, 10))])
    expect(extended.legalDeadline).toBe(by(law + 10 + 3))

    // 人社局 runs a day past its deadline: red on its own line, for the citizen too.
    const rsjBy = by(decisionDays(rules, true, 10))
    goTo(addWorkingDays(rsjBy, 1))
    const late = (await citizenView()).branches.find((b) => b.department === '示例市人力资源和社会保障局')
    expect(late).toMatchObject({ deadline: rsjBy, light: 'red', daysLeft: -1 })
    const rsjRow = (await server.app.inject({ url: '/api/staff/cases', headers: as(tokens.rsj!) })).json<StaffCaseSummary[]>().find((c) => c.caseNo === caseNo)
    expect(rsjRow).toMatchObject({ deadline: rsjBy, light: 'red' })
    // The case is due when 民政局 is (3 days later, not yet), yet the lists show the late department's red:
    // a row never looks greener than its case page.
    expect(await citizenView()).toMatchObject({ deadline: by(decisionDays(rules, true, 10) + 3), light: 'green' })
    const myRow = (await server.app.inject({ url: '/api/me/cases', headers: as(tokens.citizen!) })).json<StaffCaseSummary[]>().find((c) => c.caseNo === caseNo)
    expect(myRow).toMatchObject({ deadline: rsjBy, light: 'red', daysLeft: -1 })
    const leaderRow = (await server.app.inject({ url: '/api/staff/cases', headers: as(tokens.leader!) })).json<StaffCaseSummary[]>().find((c) => c.caseNo === caseNo)
    expect(leaderRow).toMatchObject({ deadline: rsjBy, light: 'red', daysLeft: -1 })
    const D = shanghaiDate(clock) // decided

    for (const [i, who] of ['rsj', 'rsj', 'rsjCheck'].entries()) await act(who, { type: 'advance_branch', department: 'rsj', ...(i ? { opinion: '符合条件' } : {}) })
    await act('mzjApprove', { type: 'decide_branch', department: 'mzj', outcome: 'approved', opinion: '符合低保条件' })
    const decided = await act('rsjApprove', { type: 'decide_branch', department: 'rsj', outcome: 'approved', opinion: '同意' })
    expect(decided).toMatchObject({ status: 'decided', deadline: addWorkingDays(D, 10), light: 'green' })
    const done = await act('clerk', { type: 'complete', certificate: { number: '示民低保〔2026〕0001号', validUntil: null } })
    expect(done).toMatchObject({ status: 'completed', deadline: null, actions: [] })
    // The licence is in the applicant's wallet, once, in the applicant's name, issued by the lead department (民政局; 人社局 only joined).
    const wallet = (await server.app.inject({ url: '/api/me/licences', headers: as(tokens.citizen!) })).json<{ type: string; title: string; number: string; holder: string; issuer: string; issuedOn: string; validUntil: string | null }[]>()
    expect(wallet.filter((l) => l.number === '示民低保〔2026〕0001号')).toEqual([expect.objectContaining({
      type: item.result.name, holder: '王芳', issuer: '示例市民政局', issuedOn: D, validUntil: null,
    })])

    const story = (await citizenView()).timeline.map((t) => `${t.by}${t.text}`)
    expect(story).toEqual([
      '申请人提交了申请', '窗口开始预审', '窗口请补正材料（一次性告知）', '申请人补正后重新提交', '窗口开始预审',
      '窗口受理，交示例市民政局、示例市人力资源和社会保障局办理',
      '示例市民政局开始承办', '示例市民政局开始审核', '示例市民政局开始审批',
      '示例市民政局进入入户调查，暂停计时', '示例市民政局恢复办理，继续计时',
      '示例市民政局进入专家评审，暂停计时', '示例市民政局恢复办理，继续计时', '分管领导办理期限延长10个工作日',
      '示例市人力资源和社会保障局开始承办', '示例市人力资源和社会保障局开始审核', '示例市人力资源和社会保障局开始审批',
      '示例市民政局同意', '示例市人力资源和社会保障局同意', '窗口办结，结果已出具',
    ])
    // The certificate PDF from the wallet: the licence's own face, verifiable by its QR code.
    const mine = (await server.app.inject({ url: '/api/me/licences', headers: as(tokens.citizen!) })).json<{ number: string; caseNo?: string; certificateUrl?: string }[]>()
      .find((l) => l.number === '示民低保〔2026〕0001号')!
    expect(mine).toMatchObject({ caseNo, certificateUrl: expect.stringMatching(/^\/api\/me\/licences\/[0-9a-f-]+\/certificate$/) })
    const pdf = await server.app.inject({ url: mine.certificateUrl!, headers: as(tokens.citizen!) })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const facts = await inspectPdf(pdf.rawPayload)
    expect(facts.text).toContain('示民低保〔2026〕0001号')
    expect(facts.text).toContain('王芳')
    const verifyId = /\/verify\/([A-Za-z0-9_-]{22})/.exec(facts.links.join(' '))?.[1]
    expect((await server.app.inject(`/api/verify/${verifyId}`)).json()).toMatchObject({ kind: 'certificate', status: 'valid', issuer: '示例市民政局' })
    expect((await server.app.inject({ url: mine.certificateUrl!, headers: as(tokens.citizen!) })).rawPayload.equals(pdf.rawPayload)).toBe(true)
    // Someone else cannot fetch it.
    const other = (await signInCitizen(server.app, '13977770009', '10.77.0.9')).token
    expect((await server.app.inject({ url: mine.certificateUrl!, headers: as(other) })).statusCode).toBe(404)

    expect((await citizenView()).timeline.at(-1)?.detail).toBe('电子证照已发放到“我的证照”，编号示民低保〔2026〕0001号')
  })
})
