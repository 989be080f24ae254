/**
 * Who may see what. The matrix walks every /api route as registered: a route
 * that returns citizen data refuses no session, a staff session and another
 * citizen's session (by design no citizen route takes another citizen's id);
 * a staff route refuses citizens and staff without its roles. Looking a
 * citizen up is recorded and shown to that citizen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccessLogEntry, CitizenCard, Problem, StaffRole } from '@tongban/core'
import { signInCitizen, startTestServer, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD, demoStaff } from '../../seed/staff'

let server: TestServer
const staffTokens: Record<string, string> = {}
let alice: { token: string; account: { id: string } }
let bob: { token: string; account: { id: string } }

beforeAll(async () => {
  server = await startTestServer()
  for (const s of demoStaff) {
    const res = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: s.username, password: DEMO_STAFF_PASSWORD } })
    staffTokens[s.username] = res.json<{ token: string }>().token
  }
  alice = await signInCitizen(server.app, '13800000001', '10.60.0.1', { realName: { name: '爱丽丝', idNumber: '11010519491231002X' } })
  bob = await signInCitizen(server.app, '13800000002', '10.60.0.2', { realName: false })
})
afterAll(async () => { await server?.close() })

/**
 * A session per staff member, new after a sign-out route has ended it. (A sign-in per call, as before, hashed the
 * password ~500 times: the matrix took 60 s on a loaded machine.)
 */
const staffSessions = new Map<string, string>()
async function staffToken(username: string): Promise<string> {
  const kept = staffSessions.get(username)
  if (kept) return kept
  const res = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password: DEMO_STAFF_PASSWORD } })
  const token = res.json<{ token: string }>().token
  staffSessions.set(username, token)
  return token
}
const endsSession = (url: string) => /\/logout(-others)?$/.test(url)

const call = (method: string, url: string, token?: string) =>
  server.app.inject({ method: method as 'GET', url: url.replace(/:(\w+)/g, 'x'), headers: token ? { authorization: `Bearer ${token}` } : {}, ...(method === 'GET' ? {} : { payload: {} }) })

describe('authorisation matrix', () => {
  it('every /api route has a rule, and the rules hold', async () => {
    const rules = server.app.accessRules
    expect(rules.length).toBeGreaterThan(10)
    for (const rule of rules) {
      const label = `${rule.method} ${rule.url}`
      if (rule.access === 'public') continue
      if (rule.access === 'citizen') {
        expect((await call(rule.method, rule.url)).statusCode, `${label} without a session`).toBe(401)
        expect((await call(rule.method, rule.url, staffTokens.leader)).statusCode, `${label} with a staff session`).toBe(401)
        continue
      }
      const allowed = rule.access.staff
      expect((await call(rule.method, rule.url, alice.token)).statusCode, `${label} with a citizen session`).toBe(401)
      for (const s of demoStaff) {
        const may = allowed.length === 0 || s.roles.some((r: StaffRole) => allowed.includes(r))
        const status = (await call(rule.method, rule.url, await staffToken(s.username))).statusCode
        if (endsSession(rule.url)) staffSessions.delete(s.username)
        if (may) expect([401, 403], `${label} as ${s.username}`).not.toContain(status)
        else expect(status, `${label} as ${s.username}`).toBe(403)
      }
    }
  })

  it('a citizen route answers with the caller\'s own data only', async () => {
    const a = (await call('GET', '/api/me', alice.token)).json<{ id: string }>()
    const b = (await call('GET', '/api/me', bob.token)).json<{ id: string; idNumber: string | null }>()
    expect(a.id).toBe(alice.account.id)
    expect(b.id).toBe(bob.account.id)
    expect(b.idNumber).toBeNull()
  })
})

describe('looking a citizen up, and the citizen seeing it (数据访问记录)', () => {
  it('shows the clerk a masked card and records the look for the citizen', async () => {
    const res = await call('GET', '/api/staff/citizens?phone=13800000001&purpose=identity_check', staffTokens.clerk)
    expect(res.statusCode).toBe(200)
    const card = res.json<CitizenCard>()
    expect(card).toEqual({ id: alice.account.id, phoneMasked: '138****0001', name: '爱丽丝', idNumberMasked: '1101**********002X' })
    expect(res.body).not.toContain('11010519491231002X')

    const log = (await call('GET', '/api/me/access-log', alice.token)).json<AccessLogEntry[]>()
    expect(log[0]).toMatchObject({ staffName: expect.stringContaining('王芳'), roles: ['clerk'], purpose: 'identity_check', fields: ['phone', 'name', 'idNumber'] })
    expect((await call('GET', '/api/me/access-log', bob.token)).json<AccessLogEntry[]>()).toEqual([])
  })

  it('refuses a reviewer, an unknown phone and a missing purpose', async () => {
    const reviewer = await call('GET', '/api/staff/citizens?phone=13800000001&purpose=assist', staffTokens.reviewer)
    expect(reviewer.statusCode).toBe(403)
    expect(reviewer.json<Problem>().title).toBe('您没有权限进行这项操作')
    expect((await call('GET', '/api/staff/citizens?phone=13899999999&purpose=assist', staffTokens.clerk)).json<Problem>().code).toBe('CITIZEN_NOT_FOUND')
    const noPurpose = await call('GET', '/api/staff/citizens?phone=13800000001', staffTokens.clerk)
    expect(noPurpose.json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'purpose', message: '请选择查询事由' }] })
  })
})
