/**
 * One contract for both approval backends: whoever works the departments'
 * side — reviewers on our workbench (`builtin`) or an existing approval
 * system reporting by signed webhook (`http`, against the reference fake) —
 * the citizen sees the same steps, clocks and outcome, and a step the case
 * is not ready for is refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addWorkingDays, decisionDays, shanghaiDate,
  type CaseDetail, type Item, type StaffCaseDetail,
} from '@tongban/core'
import { loadConfig } from '../config'
import { minimumLivingApplication, realNameFor, seededPglite, signInCitizen, startTestServer, submitApplication, type TestServer, today } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'
import { staffRepo } from '../store/staff'
import { hashPassword } from '../auth/passwords'
import type { FakeApprovalServer } from './http/fake'
import { startFakeApprovalServer } from './http/fake'

type Step = 'undertaking' | 'reviewing' | 'approving'
/** A denial says why and on what law (Art. 38). */
type Decision = { outcome: 'approved'; opinion?: string } | { outcome: 'denied'; opinion: string; basis: string }

/** How the departments' side is worked in each backend. */
interface Departments {
  /** After the window accepts: the case reaches whoever works it. */
  handedOver(caseNo: string): Promise<void>
  advanceTo(caseNo: string, dept: string, step: Step): Promise<void>
  decide(caseNo: string, dept: string, decision: Decision): Promise<void>
  /** A denial with its reasons but no legal basis: the answer (status, problem code). */
  denyWithoutBasis(caseNo: string, dept: string): Promise<{ status: number; code: string }>
  pause(caseNo: string, dept: string, procedure: string, reason: string, expectedEnd: string): Promise<void>
  resume(caseNo: string, dept: string): Promise<void>
  extend(caseNo: string, days: number, reason: string): Promise<void>
  /** A step on a case not accepted yet: the answer (status, problem code). */
  tooEarly(caseNo: string, dept: string): Promise<{ status: number; code: string; type: string | undefined }>
}

const APPROVAL = { ...loadConfig({}).approval, dispatchMs: 0 }
const RANK: Record<string, number> = { 待承办: 0, 承办中: 1, 审核中: 2, 审批中: 3 }
const NAMES: Record<string, string> = { mzj: '示例市民政局', rsj: '示例市人力资源和社会保障局' }

interface Harness {
  server: TestServer
  fake: FakeApprovalServer | null
  tokens: Record<string, string>
  departments: Departments
}

async function staffToken(server: TestServer, username: string, password: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } })
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`)
  return res.json<{ token: string }>().token
}

async function harness(kind: 'builtin' | 'http'): Promise<Harness> {
  const db = await seededPglite()
  let fake: FakeApprovalServer | null = null
  if (kind === 'http') fake = await startFakeApprovalServer({ token: APPROVAL.apiToken, webhookSecret: APPROVAL.webhookSecret })
  const server = await startTestServer({ db, config: { approval: { ...APPROVAL, backend: kind, ...(fake ? { baseUrl: fake.url } : {}) } } })
  fake?.setWebhookUrl(`${server.url}/api/backend/webhook`)
  const hash = await hashPassword('Contract@2026')
  const tokens: Record<string, string> = {
    clerk: await staffToken(server, 'clerk', DEMO_STAFF_PASSWORD),
    leader: await staffToken(server, 'leader', DEMO_STAFF_PASSWORD),
  }
  // Each department's 承办人 (`mzj`), 审核人 (`mzj-check`) and 批准人 (`mzj-approve`): three people, the department rule.
  for (const [dept, name] of [['mzj', '民政局社会救助科'], ['rsj', '人社局就业科']] as const) {
    for (const [who, role] of [['', 'reviewer'], ['-check', 'reviewer'], ['-approve', 'approver']] as const) {
      await staffRepo(db).insert({ username: `c-${dept}${who}`, displayName: name, passwordHash: hash, roles: [role], departmentCode: dept })
      tokens[`${dept}${who}`] = await staffToken(server, `c-${dept}${who}`, 'Contract@2026')
    }
  }
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` })
  const view = async (caseNo: string, who = 'clerk') => (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: as(who) })).json<StaffCaseDetail>()
  const act = async (who: string, caseNo: string, payload: object) => {
    const { version } = await view(caseNo, who)
    return server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...payload, version }, headers: as(who) })
  }
  const ok = async (who: string, caseNo: string, payload: object) => {
    const res = await act(who, caseNo, payload)
    expect(res.statusCode, `${who} ${JSON.stringify(payload)}: ${res.body}`).toBe(200)
  }
  const report = async (...args: Parameters<FakeApprovalServer['report']>) => {
    const res = await fake!.report(...args)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const builtin: Departments = {
    handedOver: async () => {},
    async advanceTo(caseNo, dept, step) {
      const target = { undertaking: 1, reviewing: 2, approving: 3 }[step]
      for (;;) {
        const branch = (await view(caseNo, dept)).branches.find((b) => b.department === NAMES[dept])
        if (!branch || RANK[branch.statusLabel]! >= target) return
        // 审核 is handed on by someone other than the 承办人.
        // Each step handed on is signed with its opinion (承办意见, 审核意见).
        await ok(branch.statusLabel === '审核中' ? `${dept}-check` : dept, caseNo, { type: 'advance_branch', department: dept, ...(branch.statusLabel === '待承办' ? {} : { opinion: '符合条件，拟同意' }) })
      }
    },
    async decide(caseNo, dept, decision) {
      await builtin.advanceTo(caseNo, dept, 'approving')
      // The workbench's 审批 is signed with its opinion; an approval system keeps its own.
      await ok(`${dept}-approve`, caseNo, { type: 'decide_branch', department: dept, ...(decision.outcome === 'approved' ? { opinion: '同意' } : {}), ...decision })
    },
    async denyWithoutBasis(caseNo, dept) {
      await builtin.advanceTo(caseNo, dept, 'approving')
      const res = await act(`${dept}-approve`, caseNo, { type: 'decide_branch', department: dept, outcome: 'denied', opinion: '家庭收入超过当地低保标准' })
      return { status: res.statusCode, code: res.json<{ code: string }>().code }
    },
    pause: (caseNo, dept, procedure, reason, expectedEnd) => ok(dept, caseNo, { type: 'pause_branch', department: dept, procedure, reason, expectedEnd }),
    resume: (caseNo, dept) => ok(dept, caseNo, { type: 'resume_branch', department: dept }),
    extend: (caseNo, days, reason) => ok('leader', caseNo, { type: 'extend', days, reason }),
    async tooEarly(caseNo, dept) {
      // The department cannot open a case not given to it: it acts on the version the window sees.
      const { version } = await view(caseNo, 'clerk')
      const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { type: 'advance_branch', department: dept, version }, headers: as(dept) })
      return { status: res.statusCode, code: res.json<{ code: string }>().code, type: res.headers['content-type']?.toString() }
    },
  }
  const http: Departments = {
    async handedOver(caseNo) {
      expect(await server.app.approval.dispatch()).toMatchObject({ sent: 1 })
      expect(fake!.cases().get(caseNo)).toBeDefined()
    },
    advanceTo: (caseNo, department, status) => report(caseNo, { type: 'branch.status', department, status }),
    decide: (caseNo, department, { outcome, ...reasons }) => report(caseNo, { type: 'branch.status', department, status: outcome, ...reasons } as Parameters<FakeApprovalServer['report']>[1]),
    async denyWithoutBasis(caseNo, department) {
      const res = await fake!.report(caseNo, { type: 'branch.status', department, status: 'denied', opinion: '家庭收入超过当地低保标准' } as unknown as Parameters<FakeApprovalServer['report']>[1])
      return { status: res.status, code: (res.body as { code: string }).code }
    },
    pause: (caseNo, department, procedure, reason, expectedEnd) => report(caseNo, { type: 'branch.status', department, status: 'suspended', procedure, reason, expectedEnd }),
    resume: (caseNo, department) => report(caseNo, { type: 'branch.status', department, status: 'resumed' }),
    extend: (caseNo, days, reason) => report(caseNo, { type: 'case.extended', days, reason }),
    async tooEarly(caseNo, department) {
      // The system never held this case; a webhook about it anyway (signed) must change nothing.
      const body = JSON.stringify({ id: `evt-early-${caseNo}`, caseNo, occurredAt: new Date().toISOString(), type: 'branch.status', department, status: 'undertaking' })
      const res = await fake!.deliver(body, fake!.signatureFor(body, Math.floor(Date.now() / 1000)))
      return { status: res.status, code: (res.body as { code: string }).code, type: res.contentType ?? undefined }
    },
  }
  return { server, fake, tokens, departments: kind === 'builtin' ? builtin : http }
}

let phoneSeq = 0
async function acceptedCase(h: Harness, departments: string[]): Promise<{ caseNo: string; citizen: string }> {
  const phone = `1397888${String(++phoneSeq).padStart(4, '0')}`
  const citizen = (await signInCitizen(h.server.app, phone, `10.88.0.${phoneSeq}`, { realName: realNameFor(phone, '李桂兰') })).token
  const { caseNo } = await submitApplication(h.server.app, citizen, minimumLivingApplication(phone, { name: '李桂兰', address: '东山村5组8号', reason: '年老体弱，无固定收入，生活十分困难。' }), `contract-${phone}`)
  return { caseNo, citizen }
}

async function clerk(h: Harness, caseNo: string, payload: object) {
  const as = { authorization: `Bearer ${h.tokens.clerk}` }
  const { version } = (await h.server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: as })).json<StaffCaseDetail>()
  const res = await h.server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...payload, version }, headers: as })
  expect(res.statusCode, res.body).toBe(200)
}

const citizenView = async (h: Harness, caseNo: string, token: string) =>
  (await h.server.app.inject({ url: `/api/cases/${caseNo}`, headers: { authorization: `Bearer ${token}` } })).json<CaseDetail>()

describe.each(['builtin', 'http'] as const)('approval backend contract: %s', (kind) => {
  let h: Harness
  beforeAll(async () => {
    h = await harness(kind)
  })
  afterAll(async () => {
    await h?.server.close()
    await h?.fake?.close()
  })

  it('joint handling with a pause and an extension reads the same to the citizen', async () => {
    const day = today()
    const item = (await h.server.app.inject('/api/items/MZ-0001')).json<Item>()
    const rules = { promisedDays: item.promisedDays, statutoryDays: item.statutoryDays }
    const { caseNo, citizen } = await acceptedCase(h, ['mzj', 'rsj'])
    await clerk(h, caseNo, { type: 'start_pre_review' })
    await clerk(h, caseNo, { type: 'accept', departments: ['mzj', 'rsj'] })
    await h.departments.handedOver(caseNo)
    const decisionBy = addWorkingDays(day, decisionDays(rules, true, 0))
    expect((await citizenView(h, caseNo, citizen)).branches.map((b) => [b.statusLabel, b.deadline])).toEqual([['待承办', decisionBy], ['待承办', decisionBy]])

    await h.departments.advanceTo(caseNo, 'mzj', 'reviewing')
    await h.departments.pause(caseNo, 'rsj', '现场核查', '核实经营场所', addWorkingDays(day, 3))
    let seen = await citizenView(h, caseNo, citizen)
    expect(seen.status).toBe('in_progress')
    expect(seen.branches[0]).toMatchObject({ statusLabel: '审核中', deadline: decisionBy })
    expect(seen.branches[1]).toMatchObject({ statusLabel: '特别程序（暂停计时）', deadline: null, paused: { procedure: '现场核查', reason: '核实经营场所' } })
    await h.departments.resume(caseNo, 'rsj')
    await h.departments.extend(caseNo, 5, '需要部门间会商')
    seen = await citizenView(h, caseNo, citizen)
    expect(seen.branches.map((b) => b.deadline)).toEqual([addWorkingDays(day, decisionDays(rules, true, 5)), addWorkingDays(day, decisionDays(rules, true, 5))])

    await h.departments.decide(caseNo, 'mzj', { outcome: 'approved', opinion: '符合条件' })
    await h.departments.decide(caseNo, 'rsj', { outcome: 'approved' })
    seen = await citizenView(h, caseNo, citizen)
    expect(seen).toMatchObject({ status: 'decided', deadline: addWorkingDays(day, 10), light: 'green' })
    await clerk(h, caseNo, { type: 'complete' })

    const story = (await citizenView(h, caseNo, citizen)).timeline.map((t) => `${t.by}${t.text}${t.detail ? `：${t.detail}` : ''}`)
    expect(story).toEqual([
      '申请人提交了申请', '窗口开始预审', '窗口受理，交示例市民政局、示例市人力资源和社会保障局办理',
      '示例市民政局开始承办', '示例市民政局开始审核',
      '示例市人力资源和社会保障局进入现场核查，暂停计时：核实经营场所', '示例市人力资源和社会保障局恢复办理，继续计时',
      '分管领导办理期限延长5个工作日：需要部门间会商',
      // The 审批意见 (符合条件) is the department's own record: the citizen reads that it agreed.
      '示例市民政局开始审批', '示例市民政局同意',
      '示例市人力资源和社会保障局开始承办', '示例市人力资源和社会保障局开始审核', '示例市人力资源和社会保障局开始审批', '示例市人力资源和社会保障局同意',
      '窗口办结，结果已出具',
    ])
  })

  it('one department saying no denies the case', async () => {
    const { caseNo, citizen } = await acceptedCase(h, ['mzj'])
    await clerk(h, caseNo, { type: 'start_pre_review' })
    await clerk(h, caseNo, { type: 'accept', departments: ['mzj'] })
    await h.departments.handedOver(caseNo)
    // Art. 38: no without its reasons and the law is refused, and nothing changes.
    const bare = await h.departments.denyWithoutBasis(caseNo, 'mzj')
    expect(bare).toEqual({ status: 400, code: 'VALIDATION' })
    const undecided = await citizenView(h, caseNo, citizen)
    expect(undecided.outcome).toBeUndefined()
    expect(['accepted', 'in_progress']).toContain(undecided.status)
    await h.departments.decide(caseNo, 'mzj', { outcome: 'denied', opinion: '家庭收入超过当地低保标准', basis: '《社会救助暂行办法》第九条' })
    const seen = await citizenView(h, caseNo, citizen)
    expect(seen.status).toBe('decided')
    expect(seen.timeline.at(-1)).toMatchObject({ text: '不予批准', detail: '家庭收入超过当地低保标准（《社会救助暂行办法》第九条）', by: '示例市民政局' })
    expect(seen.denials).toEqual([{ department: '示例市民政局', reason: '家庭收入超过当地低保标准', basis: '《社会救助暂行办法》第九条' }])
    // Said plainly to the citizen: no, where the reasons are, what they may do — and no licence promised.
    expect(seen).toMatchObject({ outcome: 'denied', statusLabel: '未予批准' })
    expect(seen.nextSteps.join('')).toContain('理由和法律依据见“不予批准的理由”')
    expect(seen.nextSteps.join('')).toContain('行政复议')
    expect(seen.nextSteps.join('')).not.toMatch(/证照/)
    // Its 不予批准决定书 has its 文号 already, whoever took the decision (a webhook too), before anyone downloads it.
    const issued = await h.server.app.db.query<{ kind: string; number: string }>(
      'select d.kind, d.number from documents d join cases c on c.id = d.case_id where c.case_no = $1 order by d.event_index', [caseNo])
    expect(issued.map((d) => d.kind)).toEqual(['acceptance', 'denial'])
    // A denied case completes with its decision, never with a licence.
    const as = { authorization: `Bearer ${h.tokens.clerk}` }
    const certificate = await h.server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { type: 'complete', certificate: { number: 'X-1' }, version: seen.version }, headers: as })
    expect(certificate.statusCode).toBe(400)
    expect(certificate.json()).toMatchObject({ code: 'VALIDATION', errors: [{ message: '不予许可的办件不发放证照' }] })
    await clerk(h, caseNo, { type: 'complete' })
    expect((await citizenView(h, caseNo, citizen)).statusLabel).toBe('已办结，未予批准')
    const listed = (await h.server.app.inject({ url: '/api/me/cases', headers: { authorization: `Bearer ${citizen}` } })).json<{ caseNo: string; statusLabel: string }[]>()
    expect(listed.find((c) => c.caseNo === caseNo)?.statusLabel).toBe('已办结，未予批准')
  })

  it('refuses a department step on a case the window has not accepted, and changes nothing', async () => {
    const { caseNo, citizen } = await acceptedCase(h, ['mzj'])
    await clerk(h, caseNo, { type: 'start_pre_review' })
    const before = await citizenView(h, caseNo, citizen)
    const answer = await h.departments.tooEarly(caseNo, 'mzj')
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.status).toBeLessThan(500)
    expect(answer.type).toContain('application/problem+json')
    expect(['ILLEGAL_TRANSITION', 'FORBIDDEN', 'HANDLED_EXTERNALLY']).toContain(answer.code)
    const after = await citizenView(h, caseNo, citizen)
    expect(after.version).toBe(before.version)
    expect(after.status).toBe('pre_review')
  })
})
