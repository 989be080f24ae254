/**
 * The `http` approval backend against the reference fake: the handover
 * (bearer token, idempotency, what is sent), retries with back-off and the
 * dead letter staff can see and revive, and the webhook's guards — forged,
 * unsigned, stale, repeated, unknown case, bad body — each answered with
 * problem+json and nothing changed. On PostgreSQL, two BFF instances
 * dispatching at once hand each case over once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addWorkingDays, type ApprovalHandover, type CaseDetail, type StaffCaseDetail, type WebhookReceipt } from '@tongban/core'
import { loadConfig } from '../../config'
import { foodLicenceApplication, minimumLivingApplication, postgresAvailable, realNameFor, uploadAs, postgresDb, signInCitizen, startTestServer, submitApplication, type TestServer, today } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { startFakeApprovalServer, type FakeApprovalServer } from './fake'
import { backoffMs, MAX_ATTEMPTS } from '../index'
import { downloadSignature, sign } from './contract'
import { pngBytes } from '../../uploads/fixtures/files'
import { handoverCaseSchema } from './openapi'

const APPROVAL = { ...loadConfig({}).approval, backend: 'http' as const, dispatchMs: 0 }

let phoneSeq = 0
async function submitted(server: TestServer): Promise<{ caseNo: string; citizen: string }> {
  const phone = `1396666${String(++phoneSeq).padStart(4, '0')}`
  const citizen = (await signInCitizen(server.app, phone, `10.66.0.${phoneSeq}`, { realName: realNameFor(phone, '赵大山') })).token
  const { caseNo } = await submitApplication(server.app, citizen, minimumLivingApplication(phone, { name: '赵大山', address: '西岭村2组1号', reason: '因病丧失劳动能力，家中无其他收入来源。' }), `http-backend-${phone}`)
  return { caseNo, citizen }
}

async function clerkToken(server: TestServer): Promise<string> {
  return (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
}

async function accept(server: TestServer, token: string, caseNo: string): Promise<void> {
  const as = { authorization: `Bearer ${token}` }
  for (const payload of [{ type: 'start_pre_review' }, { type: 'accept' }]) {
    const { version } = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: as })).json<StaffCaseDetail>()
    const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...payload, version }, headers: as })
    expect(res.statusCode, res.body).toBe(200)
  }
}

describe('http approval backend', () => {
  let server: TestServer
  let fake: FakeApprovalServer
  let clerk: string
  let clock = Date.now()
  beforeAll(async () => {
    fake = await startFakeApprovalServer({ token: APPROVAL.apiToken, webhookSecret: APPROVAL.webhookSecret })
    server = await startTestServer({ config: { approval: { ...APPROVAL, baseUrl: fake.url } } })
    fake.setWebhookUrl(`${server.url}/api/backend/webhook`)
    clerk = await clerkToken(server)
  })
  afterAll(async () => {
    await server?.close()
    await fake?.close()
  })

  it('hands an accepted case over once, with what the system needs, and keeps branch steps off our workbench', async () => {
    const { caseNo } = await submitted(server)
    await accept(server, clerk, caseNo)
    expect(await server.app.approval.dispatch()).toEqual({ sent: 1, retried: 0, dead: 0 })
    expect(await server.app.approval.dispatch()).toEqual({ sent: 0, retried: 0, dead: 0 })
    const held = fake.cases().get(caseNo)!
    expect(held.deliveries).toBe(1)
    expect(held.body).toMatchObject({
      caseNo, itemCode: 'MZ-0001', departments: [{ code: 'mzj', name: '示例市民政局' }],
      form: { version: 1, values: { applicantName: '赵大山' } },
    })
    expect(held.body.decisionDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // Exactly the fields the OpenAPI contract lists.
    expect(Object.keys(held.body).sort()).toEqual([...handoverCaseSchema.required].sort())

    // The window keeps its own steps; the departments' are the system's.
    const reviewer = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'reviewer', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    const leader = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'leader', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    const seen = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: { authorization: `Bearer ${leader}` } })).json<StaffCaseDetail>()
    expect(seen.actions).toEqual([])
    const refused = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { type: 'extend', days: 5, reason: '会商', version: seen.version }, headers: { authorization: `Bearer ${leader}` } })
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({ code: 'HANDLED_EXTERNALLY' })
    expect(reviewer).toBeTruthy()
  })

  it('gives the system a signed, expiring link to each uploaded material, and nothing to a forged or expired one', async () => {
    const { token, realName } = await signInCitizen(server.app, '13966669901', '10.66.9.1')
    const png = pngBytes(32, 24)
    const file = await uploadAs(server.app, token, '营业执照.png', png, 'image/png')
    const { caseNo } = await submitApplication(server.app, token, foodLicenceApplication(file.id, realName!), 'http-backend-download-01')
    await accept(server, clerk, caseNo)
    expect(await server.app.approval.dispatch()).toMatchObject({ sent: 1 })
    const material = fake.cases().get(caseNo)!.body.materials.find((m) => m.field === 'businessLicenceFile')!
    expect(material).toMatchObject({ kind: 'upload', title: '营业执照.png', download: { url: expect.stringContaining(`/api/backend/files/${caseNo}/${file.id}?expires=`) } })
    const days = (Date.parse(material.download!.expiresAt) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.9)
    expect(days).toBeLessThanOrEqual(7)

    // The system fetches it over HTTP with nothing but the link.
    const got = await fetch(material.download!.url)
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true)

    const url = new URL(material.download!.url)
    const refused = async (href: string) => {
      const res = await fetch(href)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      return [res.status, (await res.json() as { code: string }).code]
    }
    // Another file id under the same signature, a changed signature: forged.
    expect(await refused(material.download!.url.replace(file.id, '00000000-0000-4000-8000-000000000000'))).toEqual([403, 'DOWNLOAD_FORGED'])
    const sig = url.searchParams.get('signature')!
    expect(await refused(material.download!.url.replace(sig, `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`))).toEqual([403, 'DOWNLOAD_FORGED'])
    // Signed right but past its time.
    const past = Math.floor(Date.now() / 1000) - 60
    expect(await refused(`${url.origin}${url.pathname}?expires=${past}&signature=${downloadSignature(APPROVAL.webhookSecret, caseNo, file.id, past)}`)).toEqual([403, 'DOWNLOAD_EXPIRED'])
  })

  it('tries again with back-off when the system is down, then dead-letters; staff see it and can send it again', async () => {
    const { caseNo } = await submitted(server)
    await accept(server, clerk, caseNo)
    fake.failNext(2, 503)
    clock = Date.now()
    expect(await server.app.approval.dispatch(clock)).toMatchObject({ retried: 1 })
    expect(await server.app.approval.dispatch(clock + 1000)).toMatchObject({ sent: 0, retried: 0 }) // not due yet
    expect(await server.app.approval.dispatch(clock + backoffMs(0) + 1000)).toMatchObject({ retried: 1 })
    const as = { authorization: `Bearer ${clerk}` }
    // The list holds every kind: the accepted case's message to its applicant is a job of its own.
    let listed = (await server.app.inject({ url: '/api/staff/outbox', headers: as })).json<ApprovalHandover[]>()
    expect(listed.find((x) => x.caseNo === caseNo && x.kind === 'approval.handover')).toMatchObject({ state: 'retrying', attempts: 2, lastError: expect.stringContaining('503') })
    expect(await server.app.approval.dispatch(clock + backoffMs(0) + backoffMs(1) + 60_000)).toMatchObject({ sent: 1 })
    expect(fake.cases().get(caseNo)?.deliveries).toBe(1)

    // A refusal (wrong token → 401) is final at once; a lost connection is tried again.
    const second = await submitted(server)
    await accept(server, clerk, second.caseNo)
    fake.failNext(1, 'drop')
    expect(await server.app.approval.dispatch()).toMatchObject({ retried: 1 })
    fake.failNext(1, 401)
    expect(await server.app.approval.dispatch(Date.now() + 3_600_000)).toMatchObject({ dead: 1 })
    listed = (await server.app.inject({ url: '/api/staff/outbox', headers: as })).json<ApprovalHandover[]>()
    const dead = listed.find((x) => x.caseNo === second.caseNo && x.kind === 'approval.handover')!
    expect(dead).toMatchObject({ state: 'dead', attempts: 2, nextAt: null })
    const retried = await server.app.inject({ method: 'POST', url: `/api/staff/outbox/${dead.id}/resend`, headers: as })
    expect(retried.statusCode).toBe(202)
    expect(await server.app.approval.dispatch(Date.now() + 3_600_000)).toMatchObject({ sent: 1 })
    listed = (await server.app.inject({ url: '/api/staff/outbox', headers: as })).json<ApprovalHandover[]>()
    expect(listed.find((x) => x.caseNo === second.caseNo && x.kind === 'approval.handover')).toBeUndefined()
    const missing = await server.app.inject({ method: 'POST', url: '/api/staff/outbox/999999/resend', headers: as })
    expect(missing.statusCode).toBe(404)
    expect(missing.headers['content-type']).toContain('application/problem+json')
    // Citizens cannot see the list.
    const citizen = await server.app.inject({ url: '/api/staff/outbox', headers: { authorization: `Bearer ${second.citizen}` } })
    expect(citizen.statusCode).toBe(401)
    expect(MAX_ATTEMPTS).toBeGreaterThan(2)
  })

  it('sends outside any transaction: while a slow system keeps a handover waiting, the BFF on the embedded database still answers', async () => {
    const { caseNo } = await submitted(server)
    await accept(server, clerk, caseNo)
    const release = fake.holdNext()
    const before = fake.calls()
    const sending = server.app.approval.dispatch()
    await expect.poll(() => fake.calls()).toBe(before + 1)
    // PGlite has one connection: a transaction held open across the call would make this wait for the system.
    const answered = await Promise.race([
      server.app.inject({ url: '/api/staff/outbox', headers: { authorization: `Bearer ${clerk}` } }).then((r) => r.statusCode),
      new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3_000)),
    ])
    release()
    expect(answered).toBe(200)
    expect(await sending).toMatchObject({ sent: 1 })
    // A second sender meanwhile would not have taken it: leased to the first until it answered.
    expect(fake.cases().get(caseNo)?.deliveries).toBe(1)
  })

  it('guards the webhook: forged, unsigned, stale, repeated, unknown case and bad bodies change nothing', async () => {
    const { caseNo, citizen } = await submitted(server)
    await accept(server, clerk, caseNo)
    await server.app.approval.dispatch()
    const view = async () => (await server.app.inject({ url: `/api/cases/${caseNo}`, headers: { authorization: `Bearer ${citizen}` } })).json<CaseDetail>()
    const before = await view()
    const now = Math.floor(Date.now() / 1000)
    const body = JSON.stringify({ id: 'evt-guard-0001', caseNo, occurredAt: new Date().toISOString(), type: 'branch.status', department: 'mzj', status: 'undertaking' })

    const answers = [
      // Signed with another secret.
      await fake.deliver(body, { 'content-type': 'application/json', 'x-tongban-timestamp': String(now), 'x-tongban-signature': sign('another-secret-another-secret-0000', String(now), body) }),
      // The right signature over a different body (one byte changed).
      await fake.deliver(body.replace('undertaking', 'reviewing'), fake.signatureFor(body, now)),
      // No signature at all.
      await fake.deliver(body, { 'content-type': 'application/json' }),
      // Signed properly, ten minutes ago (a replay).
      await fake.deliver(body, fake.signatureFor(body, now - 600)),
    ]
    expect(answers.map((a) => [a.status, (a.body as { code: string }).code])).toEqual([
      [401, 'WEBHOOK_FORGED'], [401, 'WEBHOOK_FORGED'], [401, 'WEBHOOK_UNSIGNED'], [401, 'WEBHOOK_STALE'],
    ])
    expect((await view()).version).toBe(before.version)

    const first = await fake.deliver(body, fake.signatureFor(body, now))
    expect(first.status).toBe(200)
    expect(first.body as WebhookReceipt).toEqual({ id: 'evt-guard-0001', duplicate: false, applied: ['advance_branch'], status: 'in_progress' })
    const again = await fake.deliver(body, fake.signatureFor(body, now + 1))
    expect(again.body as WebhookReceipt).toMatchObject({ duplicate: true, applied: [] })
    expect((await view()).version).toBe(before.version + 1)

    // A status we have already passed: acknowledged, nothing added.
    const stale = await fake.report(caseNo, { type: 'branch.status', department: 'mzj', status: 'undertaking' })
    expect(stale.body as WebhookReceipt).toMatchObject({ duplicate: false, applied: [] })

    const unknown = JSON.stringify({ id: 'evt-guard-0002', caseNo: 'MZ-0001-20260101-9999', occurredAt: new Date().toISOString(), type: 'branch.status', department: 'mzj', status: 'reviewing' })
    const lost = await fake.deliver(unknown, fake.signatureFor(unknown, now))
    expect([lost.status, (lost.body as { code: string }).code]).toEqual([404, 'CASE_NOT_FOUND'])

    const wrongDept = await fake.report(caseNo, { type: 'branch.status', department: 'gaj', status: 'reviewing' })
    expect(wrongDept.status).toBe(400)
    const badBodies = ['{"id":"evt-guard-0003"', JSON.stringify({ id: 'evt-guard-0004', caseNo, occurredAt: new Date().toISOString(), type: 'branch.status', department: 'mzj', status: 'suspended' })]
    for (const b of badBodies) {
      const res = await fake.deliver(b, fake.signatureFor(b, now))
      expect(res.status, JSON.stringify(res.body)).toBe(400)
    }
    // A step with no status says which field is missing, and does not use up its id.
    const noStatus = { id: 'evt-guard-0005', caseNo, occurredAt: new Date().toISOString(), type: 'branch.status', department: 'mzj' }
    const missing = await fake.deliver(JSON.stringify(noStatus), fake.signatureFor(JSON.stringify(noStatus), now))
    expect([missing.status, (missing.body as { errors: { path: string }[] }).errors.map((e) => e.path)]).toEqual([400, ['status']])
    const retried = JSON.stringify({ ...noStatus, status: 'undertaking' })
    expect((await fake.deliver(retried, fake.signatureFor(retried, now))).body as WebhookReceipt).toMatchObject({ id: 'evt-guard-0005', duplicate: false })
    const after = await view()
    expect(after.version).toBe(before.version + 1)
    expect(after.branches[0]).toMatchObject({ statusLabel: '承办中' })
  })

  it('a status several steps ahead, and one sent while paused, land where the system says', async () => {
    const { caseNo, citizen } = await submitted(server)
    await accept(server, clerk, caseNo)
    await server.app.approval.dispatch()
    expect((await fake.report(caseNo, { type: 'branch.status', department: 'mzj', status: 'undertaking' })).status).toBe(200)
    const paused = await fake.report(caseNo, { type: 'branch.status', department: 'mzj', status: 'suspended', procedure: '听证', reason: '申请人要求听证', expectedEnd: addWorkingDays(today(), 20) })
    expect(paused.body as WebhookReceipt).toMatchObject({ applied: ['pause_branch'] })
    const r = await fake.report(caseNo, { type: 'branch.status', department: 'mzj', status: 'approved', opinion: '同意，符合低保条件', toApplicant: '您的申请已批准，保障金自下月起发放。' })
    expect(r.body as WebhookReceipt).toMatchObject({ applied: ['resume_branch', 'advance_branch', 'advance_branch', 'decide_branch'], status: 'decided' })
    const seen = (await server.app.inject({ url: `/api/cases/${caseNo}`, headers: { authorization: `Bearer ${citizen}` } })).json<CaseDetail>()
    expect(seen.timeline.slice(-6).map((t) => t.text)).toEqual(['开始承办', '进入听证，暂停计时', '恢复办理，继续计时', '开始审核', '开始审批', '同意'])
    // The system's 审批意见 stays with staff; what it tells the applicant is on the applicant's timeline.
    expect(seen.timeline.at(-1)?.detail).toBe('您的申请已批准，保障金自下月起发放。')
    expect(JSON.stringify(seen)).not.toContain('符合低保条件')
    const staffSeen = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: { authorization: `Bearer ${clerk}` } })).json<StaffCaseDetail>()
    expect(staffSeen.timeline.at(-1)?.internal).toEqual([{ label: '审批意见', text: '同意，符合低保条件' }])
  })

  it('dates a reported step when it happened, within the case’s last event and the time it arrived; stores from and to', async () => {
    const { caseNo, citizen } = await submitted(server)
    await accept(server, clerk, caseNo)
    await server.app.approval.dispatch()
    const timeline = async () => (await server.app.inject({ url: `/api/cases/${caseNo}`, headers: { authorization: `Bearer ${citizen}` } })).json<CaseDetail>().timeline
    const acceptedAt = Date.parse((await timeline()).at(-1)!.at)
    await new Promise((r) => setTimeout(r, 30))
    // Told late (its retries took a while): dated when it happened, not on arrival.
    const happened = new Date(acceptedAt + 10).toISOString()
    expect((await fake.report(caseNo, { type: 'branch.status', department: 'mzj', status: 'undertaking' }, { occurredAt: happened })).status).toBe(200)
    expect((await timeline()).at(-1)!.at).toBe(happened)
    // Before the step it follows: not put before it.
    expect((await fake.report(caseNo, { type: 'branch.status', department: 'mzj', status: 'reviewing' }, { occurredAt: new Date(acceptedAt - 86_400_000).toISOString() })).status).toBe(200)
    expect((await timeline()).at(-1)!.at).toBe(happened)
    // In the future (the system's clock runs fast): dated on arrival.
    const sent = Date.now()
    expect((await fake.report(caseNo, { type: 'branch.status', department: 'mzj', status: 'approving' }, { occurredAt: new Date(sent + 86_400_000).toISOString() })).status).toBe(200)
    const last = Date.parse((await timeline()).at(-1)!.at)
    expect(last).toBeGreaterThanOrEqual(sent)
    expect(last).toBeLessThanOrEqual(Date.now())
    // Each stored event says what it changed.
    const rows = await server.app.db.query<{ type: string; data: Record<string, unknown> }>('select e.type, e.data from case_events e join cases c on c.id = e.case_id where c.case_no = $1 order by e.id', [caseNo])
    expect(rows.map((r) => [r.type, r.data.from, r.data.to, r.data.branchFrom ?? null, r.data.branchTo ?? null])).toEqual([
      ['submit', 'draft', 'submitted', null, null],
      ['start_pre_review', 'submitted', 'pre_review', null, null],
      ['accept', 'pre_review', 'accepted', null, null],
      ['advance_branch', 'accepted', 'in_progress', 'pending', 'undertaking'],
      ['advance_branch', 'in_progress', 'in_progress', 'undertaking', 'reviewing'],
      ['advance_branch', 'in_progress', 'in_progress', 'reviewing', 'approving'],
    ])
  })
})

describe('with the builtin backend', () => {
  it('answers the webhook 404, signed or not', async () => {
    const server = await startTestServer()
    try {
      const body = JSON.stringify({ id: 'evt-builtin-01', caseNo: 'X', occurredAt: new Date().toISOString(), type: 'branch.status', department: 'mzj', status: 'reviewing' })
      const ts = String(Math.floor(Date.now() / 1000))
      const res = await server.app.inject({ method: 'POST', url: '/api/backend/webhook', payload: body, headers: { 'content-type': 'application/json', 'x-tongban-timestamp': ts, 'x-tongban-signature': sign(APPROVAL.webhookSecret, ts, body) } })
      expect(res.statusCode).toBe(404)
      expect(res.json()).toMatchObject({ code: 'WEBHOOK_NOT_ENABLED' })
    } finally {
      await server.close()
    }
  })
})

const pgUrl = await postgresAvailable()
describe.runIf(pgUrl)('two BFF instances on PostgreSQL', () => {
  it('hand each accepted case over exactly once when both dispatch at the same time', async () => {
    const pg = await postgresDb(pgUrl!)
    const fake = await startFakeApprovalServer({ token: APPROVAL.apiToken, webhookSecret: APPROVAL.webhookSecret })
    const config = { seed: true, approval: { ...APPROVAL, baseUrl: fake.url } }
    const a = await startTestServer({ db: pg.db, config })
    // The second instance: its own pool on the same schema.
    const { openDb } = await import('../../store/db')
    const dbB = await openDb({ ...loadConfig({}), databaseUrl: pgUrl!, databaseSchema: pg.schema })
    const b = await startTestServer({ db: dbB, config })
    try {
      const token = await clerkToken(a)
      const cases = []
      for (let i = 0; i < 12; i++) {
        const { caseNo } = await submitted(a)
        await accept(a, token, caseNo)
        cases.push(caseNo)
      }
      const [x, y] = await Promise.all([a.app.approval.dispatch(), b.app.approval.dispatch()])
      expect(x.sent + y.sent).toBe(12)
      expect(fake.calls()).toBe(12)
      for (const c of cases) expect(fake.cases().get(c)?.deliveries).toBe(1)
    } finally {
      await b.close()
      await dbB.close()
      await a.close()
      await fake.close()
      await pg.drop()
    }
  })
})
