/**
 * Hostile input, generated. Every route of the OpenAPI document gets its
 * share of at least 5,000 requests built from its own schemas
 * (fuzz-requests.ts): mostly plausible values, with the real ids, bodies and
 * form values set up here (an item, cases, an accepted case with its notice
 * and handover, an upload, a consent, licences) so the handlers are reached,
 * mixed with hostile strings, wrong types, missing and extra fields, broken
 * JSON and multipart, raw path segments. Signed in as a citizen, as the staff
 * a route is for, and with webhooks signed, so the checks past
 * authentication are reached too. Nothing may answer 5xx, and every error is
 * application/problem+json with a title.
 *
 * Seeded: a failure prints its seed; FUZZ_SEED=<seed> replays it, FUZZ_RUNS
 * sets the number of requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { PROBLEM_CONTENT_TYPE, type CaseDetail, type Consent, type Licence, type StaffRole } from '@tongban/core'
import { loadConfig } from '../config'
import { minimumLivingApplication, signInCitizen, startTestServer, submitApplication, uploadAs, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD, demoStaff } from '../../seed/staff'
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../backend/http/contract'
import { pngBytes } from '../uploads/fixtures/files'
import type { Access } from '../auth/access'
import { fuzzRequests, operationsOf, pct, type Known, type Operation } from './fuzz-requests'

// A fixed seed by default: every run of npm test sends the same requests (a test never depends on chance);
// FUZZ_SEED=<n> explores others or replays a failure.
const SEED = Number(process.env.FUZZ_SEED ?? 1_297_010_460)
const RUNS = Number(process.env.FUZZ_RUNS ?? 5000)
const APPROVAL = { ...loadConfig({}).approval, backend: 'http' as const, dispatchMs: 0 }

let server: TestServer
let operations: Operation[] = []
const known: Known = { values: {}, freeForm: [], bodies: {} }
const tokens: { citizen: string; staff: Partial<Record<string, string>> } = { citizen: '', staff: {} }
/** Sign-out routes end the session they are called with: they get fresh ones, of these. */
const signOutAs = { account: '', staff: [] as string[] }
const accessOf = new Map<string, Access>()
const tally = { requests: 0, byClass: {} as Record<string, number> }

/** A session for the caller the route is for; sign-out routes get one of their own (they end it). */
async function authFor(op: Operation): Promise<string | undefined> {
  const access = accessOf.get(`${op.method} ${op.path}`) ?? 'public'
  if (access === 'public') return undefined
  const signOut = op.path.includes('logout')
  if (access === 'citizen') return signOut ? (await server.app.sessions.create(signOutAs.account)).token : tokens.citizen
  const roles: readonly StaffRole[] = access.staff
  const who = demoStaff.find((s) => !roles.length || s.roles.some((r) => roles.includes(r)))!
  if (!signOut) return tokens.staff[who.username]
  return (await server.app.sessions.create({ staffId: signOutAs.staff[demoStaff.indexOf(who)]! })).token
}

function describeRequest(opts: InjectOptions): string {
  const payload = opts.payload === undefined ? '' : String(opts.payload).slice(0, 300)
  return `${opts.method} ${opts.url}\n  headers: ${JSON.stringify(opts.headers)}\n  body: ${JSON.stringify(payload)}`
}

function checkAnswer(opts: InjectOptions, res: LightMyRequestResponse): void {
  const where = `${describeRequest(opts)}\n  → ${res.statusCode} ${res.headers['content-type']} ${res.body.slice(0, 300)}\n  (replay with FUZZ_SEED=${SEED})`
  if (res.statusCode >= 500) throw new Error(`answered ${res.statusCode}:\n${where}`)
  if (res.statusCode < 400) return
  if (!String(res.headers['content-type'] ?? '').startsWith(PROBLEM_CONTENT_TYPE)) throw new Error(`an error that is not problem+json:\n${where}`)
  const problem = res.json<{ title?: unknown; errors?: { message?: unknown }[] }>()
  if (typeof problem.title !== 'string' || !problem.title) throw new Error(`a problem without a title:\n${where}`)
  if (problem.errors?.some((e) => typeof e.message !== 'string')) throw new Error(`a field error without a message:\n${where}`)
}

beforeAll(async () => {
  server = await startTestServer({ config: { approval: APPROVAL } })
  const app = server.app
  operations = operationsOf(app.swagger())
  for (const rule of app.accessRules) accessOf.set(`${rule.method} ${rule.url}`, rule.access)

  // Someone to be, and something of theirs to ask about.
  const phone = '13712340001'
  const citizen = await signInCitizen(app, phone, '10.77.0.1', { realName: { name: '王芳', idNumber: '11010519491231002X' } })
  tokens.citizen = citizen.token
  const as = { authorization: `Bearer ${citizen.token}` }
  const application = minimumLivingApplication(phone, { idNumber: '11010519491231002X' })
  const cases: CaseDetail[] = []
  for (const n of [1, 2, 3]) cases.push(await submitApplication(app, citizen.token, application, `fuzz-case-${n}`))
  const upload = await uploadAs(app, citizen.token, 'licence.png', pngBytes(), 'image/png')
  const licences = (await app.inject({ url: '/api/me/licences', headers: as })).json<Licence[]>()
  const staffRows = await app.db.query<{ id: string; username: string }>('select id, username from staff')
  signOutAs.staff = demoStaff.map((s) => staffRows.find((r) => r.username === s.username)!.id)
  for (const [i, s] of demoStaff.entries()) tokens.staff[s.username] = (await app.sessions.create({ staffId: signOutAs.staff[i]! })).token
  const consent = (await app.inject({ method: 'POST', url: '/api/agent/consents', headers: { authorization: `Bearer ${tokens.staff.agent}` }, payload: { residentPhone: phone, itemCode: 'MZ-0001' } })).json<Consent>()
  signOutAs.account = (await signInCitizen(app, '13712340002', '10.77.0.2')).account.id
  // One case accepted: it has a notice to verify and a handover to the approval system.
  const clerk = { authorization: `Bearer ${tokens.staff.clerk}` }
  const accepted = cases[1]!.caseNo
  for (const [i, type] of ['start_pre_review', 'accept'].entries()) {
    const res = await app.inject({ method: 'POST', url: `/api/staff/cases/${accepted}/events`, headers: clerk, payload: { type, version: i + 1 } })
    if (res.statusCode !== 200) throw new Error(`${type} answered ${res.statusCode}: ${res.body}`)
  }
  const documents = await app.db.query<{ id: string }>('select id from documents')
  const handovers = await app.db.query<{ id: string }>("select id from outbox where kind = 'approval.handover'")
  const messages = await app.db.query<{ id: string }>('select id from messages')

  const values = known.values
  values.code = ['MZ-0001', 'SJ-0001', 'GA-0001']
  values.itemCode = values.code
  values.caseNo = [...cases.map((c) => c.caseNo), `${accepted.slice(0, -4)}9999`]
  values.id = [upload.id, consent.id, ...licences.map((l) => l.id), ...documents.map((d) => d.id), ...handovers.map((h) => String(h.id)), ...messages.map((m) => m.id), '1', '00000000-0000-0000-0000-000000000000', 'urn:uuid:00000000-0000-0000-0000-000000000000']
  values.kind = ['acceptance']
  values.fileId = [upload.id]
  values.phone = [phone, '13800000001', '+8613712340001']
  values.residentPhone = values.phone
  values.version = [0, 1, 2, 3]
  values.formVersion = [1]
  values.idNumber = ['11010519491231002X']
  values.creditCode = ['91350100M000100Y43']
  values.name = ['王芳', '示例市杏花村小吃店']
  values.username = demoStaff.map((s) => s.username)
  values.password = [DEMO_STAFF_PASSWORD]
  values.department = ['mzj', 'gaj']
  known.freeForm.push(application.values as Record<string, unknown>, { category: 'prepack' }, {})

  const formValues = application.values
  const at = () => new Date().toISOString()
  Object.assign(known.bodies, {
    'POST /api/cases': [application],
    'POST /api/agent/cases': [{ ...application, agentConsentId: consent.id }],
    'PUT /api/me/drafts/:code': [{ itemName: '最低生活保障', formVersion: 1, values: formValues, answers: {}, updatedAt: Date.now() }],
    'POST /api/items/:code/form/check': [{ values: formValues, answers: {} }],
    'PUT /api/me/company': [{ name: '示例市杏花村小吃店', creditCode: '91350100M000100Y43' }],
    'PUT /api/me/profile': [{ name: '王芳', idNumber: '11010519491231002X' }],
    'POST /api/staff/login': [{ username: 'clerk', password: DEMO_STAFF_PASSWORD }],
    'POST /api/auth/sms/send': [{ phone: '13712340009' }],
    'POST /api/auth/sms/verify': [{ phone, code: '123456' }],
    'POST /api/auth/wechat/login': [{ code: 'fake-login-code' }],
    'POST /api/auth/wechat/phone': [{ code: 'fake-phone-code' }],
    'POST /api/agent/consents': [{ residentPhone: phone, itemCode: 'MZ-0001' }],
    'POST /api/agent/consents/:id/confirm': [{ code: '123456' }],
    'POST /api/cases/:caseNo/resubmit': [{ values: formValues, version: 3 }],
    'POST /api/cases/:caseNo/withdraw': [{ version: 1, reason: '不需要了' }],
    'PUT /api/me/message-settings': [{ kinds: [{ kind: 'paused', enabled: false }, { kind: 'accepted', enabled: true }] }],
    'POST /api/staff/cases/:caseNo/events': [
      { type: 'start_pre_review', version: 1 }, { type: 'request_supplement', version: 2, items: [{ path: 'address', reason: '地址不清楚' }] },
      { type: 'accept', version: 2, departments: ['mzj'] }, { type: 'extend', version: 3, days: 5, reason: '需要会商' },
      { type: 'complete', version: 5, certificate: { number: 'MZ2026001', validUntil: null } },
    ],
    'POST /api/backend/webhook': [
      { id: 'evt-fuzz-0001', caseNo: accepted, occurredAt: at(), type: 'branch.status', department: 'mzj', status: 'undertaking' },
      { id: 'evt-fuzz-0002', caseNo: accepted, occurredAt: at(), type: 'branch.status', department: 'mzj', status: 'suspended', procedure: '听证', reason: '申请人要求听证', expectedEnd: '2030-01-01' },
      { id: 'evt-fuzz-0003', caseNo: accepted, occurredAt: at(), type: 'case.extended', days: 5, reason: '需要会商' },
    ],
  })
}, 120_000)

afterAll(async () => {
  await server?.close()
})

/** Routes slow on purpose (a password hash per try) get a quarter of the share; the others make up for it. */
const SLOW = new Set(['POST /api/staff/login'])

describe('hostile requests on every route (fuzz)', () => {
  it(`no 5xx and only problem+json errors, ${RUNS} generated requests (seed ${SEED})`, async () => {
    const started = Date.now()
    expect(operations.length).toBeGreaterThan(40)
    // Every /api route is in the document, so every one is fuzzed.
    const documented = new Set(operations.map((op) => `${op.method} ${op.path}`))
    expect(server.app.accessRules.map((r) => `${r.method} ${r.url}`).filter((r) => !documented.has(r))).toEqual([])

    const weight = (op: Operation) => (SLOW.has(`${op.method} ${op.path}`) ? 0.25 : 1)
    const share = RUNS / operations.reduce((sum, op) => sum + weight(op), 0)
    const requests = fuzzRequests(known)
    for (const [i, op] of operations.entries()) {
      const auth = await authFor(op)
      await fc.assert(fc.asyncProperty(requests.request(op), async (r) => {
        const headers: Record<string, string> = {}
        if (r.auth === 'right' && auth) headers.authorization = `Bearer ${auth}`
        if (r.auth === 'garbage') headers.authorization = `Bearer ${pct('\u0000x')}`
        if (r.body.contentType !== undefined) headers['content-type'] = r.body.contentType
        if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey
        if (r.userAgent !== null) headers['user-agent'] = r.userAgent
        if (op.path === '/api/backend/webhook' && r.signed) {
          const ts = String(Math.floor(Date.now() / 1000))
          headers[TIMESTAMP_HEADER] = ts
          headers[SIGNATURE_HEADER] = sign(APPROVAL.webhookSecret, ts, r.body.payload ?? '')
        }
        const opts: InjectOptions = { method: op.method as 'GET', url: r.path + r.query, headers, remoteAddress: r.ip, ...(r.body.payload !== undefined ? { payload: r.body.payload } : {}) }
        const res = await server.app.inject(opts)
        tally.requests++
        const kind = `${Math.floor(res.statusCode / 100)}xx`
        tally.byClass[kind] = (tally.byClass[kind] ?? 0) + 1
        checkAnswer(opts, res)
      }), { seed: SEED + i, numRuns: Math.ceil(share * weight(op)), endOnFailure: true })
    }
    console.log(`fuzz: ${tally.requests} requests on ${operations.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED}, answers ${JSON.stringify(tally.byClass)}`)
    expect(tally.requests).toBeGreaterThanOrEqual(RUNS)
  }, 180_000)
})
