/**
 * Staff sign-in: passwords, sessions, and the limits on guessing — every
 * attempt counted before its password is checked (also at once, also for
 * names that do not exist), locks per address before the whole name, a few
 * password checks at a time, and the staff member told of failed sign-ins.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { PROBLEM_CONTENT_TYPE, type Problem, type StaffSessionResult, type StaffView } from '@tongban/core'
import { databaseVariants, signInCitizen, startTestServer, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { HashingBusy, hashingLimiter, hashPassword, verifyPassword } from '../../auth/passwords'
import { loadConfig, type StaffLoginConfig } from '../../config'
import type { Db } from '../../store/db'
import { STAFF_SIGN_IN_LIMITS } from './session'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

const login = (username: string, password: string) =>
  server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } })

describe('staff passwords', () => {
  it('hashes with scrypt and a salt, and verifies', async () => {
    const a = await hashPassword('s3cret!')
    const b = await hashPassword('s3cret!')
    expect(a).toMatch(/^scrypt\$15\$8\$1\$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('s3cret!', a)).toBe(true)
    expect(await verifyPassword('s3cret?', a)).toBe(false)
    expect(await verifyPassword('s3cret!', null)).toBe(false)
  })

  it('checks a few at a time, lets a few wait in turn, and turns the rest away at once', async () => {
    const limiter = hashingLimiter({ concurrency: 2, queue: 1 })
    const started: number[] = []
    const finish: (() => void)[] = []
    const job = (n: number) => limiter.run(() => new Promise<number>((resolve) => { started.push(n); finish[n] = () => resolve(n) }))
    const [one, two, three] = [job(0), job(1), job(2)]
    await expect(job(3)).rejects.toBeInstanceOf(HashingBusy)
    await Promise.resolve()
    expect(started).toEqual([0, 1])
    finish[0]!()
    expect(await one).toBe(0)
    await Promise.resolve()
    expect(started).toEqual([0, 1, 2])
    finish[1]!()
    finish[2]!()
    expect([await two, await three]).toEqual([1, 2])
    const again = job(4)
    await Promise.resolve()
    expect(started).toEqual([0, 1, 2, 4])
    finish[4]!()
    expect(await again).toBe(4)
  })
})

describe('staff sign-in', () => {
  it('signs a demo clerk in with a role and a strict cookie', async () => {
    const res = await login('clerk', DEMO_STAFF_PASSWORD)
    expect(res.statusCode).toBe(200)
    const body = res.json<StaffSessionResult>()
    expect(body.staff).toMatchObject({ username: 'clerk', roles: ['clerk'], hallId: expect.any(String) })
    expect(String(res.headers['set-cookie'])).toMatch(/^tb_staff=.*HttpOnly.*Secure.*SameSite=Strict/)
    expect(String(res.headers['set-cookie'])).toMatch(/Max-Age=43200/)
    expect(String(res.headers['set-cookie'])).not.toMatch(/Expires=/)
    const me = await server.app.inject({ url: '/api/staff/me', headers: { authorization: `Bearer ${body.token}` } })
    expect(me.json<StaffView>().displayName).toContain('王芳')
  })

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await login('reviewer', 'nope')
    const unknown = await login('nobody-here', 'nope')
    expect([wrong.statusCode, wrong.json<Problem>().title]).toEqual([401, '用户名或密码不正确'])
    expect([unknown.statusCode, unknown.json<Problem>().title]).toEqual([401, '用户名或密码不正确'])
  })

  it('keeps citizen and staff sessions apart', async () => {
    const staff = (await login('supervisor', DEMO_STAFF_PASSWORD)).json<StaffSessionResult>()
    expect((await server.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${staff.token}` } })).statusCode).toBe(401)
    const citizen = await signInCitizen(server.app, '13787654321')
    const res = await server.app.inject({ url: '/api/staff/me', headers: { authorization: `Bearer ${citizen.token}` } })
    expect(res.statusCode).toBe(401)
    expect(res.json<Problem>().code).toBe('UNAUTHENTICATED')
  })

  it('signs out', async () => {
    const staff = (await login('leader', DEMO_STAFF_PASSWORD)).json<StaffSessionResult>()
    const h = { authorization: `Bearer ${staff.token}` }
    expect((await server.app.inject({ method: 'POST', url: '/api/staff/logout', headers: h })).statusCode).toBe(204)
    expect((await server.app.inject({ url: '/api/staff/me', headers: h })).statusCode).toBe(401)
  })
})

const variants = await databaseVariants()

describe.each(variants)('limits on guessing staff passwords, on $label', (variant) => {
  let database: { db: Db; close(): Promise<void> }
  let open: TestServer[] = []
  /** The BFF's time: 09:00 in Shanghai on a Monday, moved on by the tests. */
  let clock = Date.parse('2026-03-02T01:00:00Z')
  const DEFAULTS: StaffLoginConfig = loadConfig({}).staffLogin
  beforeAll(async () => { database = await variant.open() })
  afterEach(async () => {
    await Promise.all(open.map((s) => s.close()))
    open = []
  })
  afterAll(async () => { await database?.close() })

  async function bff(login: Partial<StaffLoginConfig> = {}): Promise<TestServer> {
    const s = await startTestServer({ db: database.db, config: { staffLogin: { ...DEFAULTS, ratePerMinute: 100_000, ...login } }, now: () => clock })
    open.push(s)
    return s
  }
  const signIn = (s: TestServer, username: string, password: string, remoteAddress: string) =>
    s.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password }, remoteAddress })
  const statuses = (rs: LightMyRequestResponse[]) => rs.map((r) => r.statusCode)

  /** What a test needs of an answer, whether it came by inject or over HTTP. */
  interface Answer { status: number; retryAfter: string | undefined; contentType: string | undefined; problem: Problem }
  const injected = (r: LightMyRequestResponse): Answer => ({
    status: r.statusCode, retryAfter: r.headers['retry-after'] as string | undefined, contentType: r.headers['content-type'] as string | undefined, problem: r.json<Problem>(),
  })
  /** Over a real connection: the rate limiter's in-memory count is only right for requests that arrive apart, as sockets do (inject starts them all in one tick). */
  const overHttp = async (s: TestServer, username: string, password: string): Promise<Answer> => {
    const r = await fetch(`${s.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
    return { status: r.status, retryAfter: r.headers.get('retry-after') ?? undefined, contentType: r.headers.get('content-type') ?? undefined, problem: await r.json() as Problem }
  }
  const tallied = (as: Answer[]) => as.reduce<Record<number, number>>((t, a) => ({ ...t, [a.status]: (t[a.status] ?? 0) + 1 }), {})

  /** `n` sign-ins and, once they are all under way, GET /api/catalogue (gzip, like a browser): every answer, and the order they came in. */
  async function flood(s: TestServer, n: number, attempt: (i: number) => Promise<Answer>) {
    const order: string[] = []
    const logins = Array.from({ length: n }, (_, i) => attempt(i).then((a) => { order.push('login'); return a }))
    const catalogue = fetch(`${s.url}/api/catalogue`, { headers: { 'accept-encoding': 'gzip' } }).then(async (r) => { await r.arrayBuffer(); order.push('catalogue'); return r.status })
    const [answers, other] = await Promise.all([Promise.all(logins), catalogue])
    return { answers, other, order }
  }

  it('counts attempts before checking passwords: of 40 at once, only 5 are checked, and the right password sent last gets no session', async () => {
    // Every check at once, as before there was a limiter: the count alone must hold.
    const s = await bff({ hashConcurrency: 40, hashQueue: 0 })
    const burst = await Promise.all([
      ...Array.from({ length: 39 }, (_, i) => signIn(s, 'hall_admin', `wrong-${i}`, '10.1.0.1')),
      signIn(s, 'hall_admin', DEMO_STAFF_PASSWORD, '10.1.0.1'),
    ])
    expect(tallied(burst.map(injected))).toEqual({ 401: 5, 423: 35 })
    expect(burst.at(-1)!.statusCode).toBe(423)
    expect(burst.at(-1)!.json<Problem>().title).toMatch(/临时锁定/)
    expect((await signIn(s, 'hall_admin', DEMO_STAFF_PASSWORD, '10.1.0.1')).statusCode).toBe(423)
  })

  it('counts and locks a name that does not exist exactly like one that does, with the same answers', async () => {
    const s = await bff()
    const known: LightMyRequestResponse[] = []
    const unknown: LightMyRequestResponse[] = []
    for (let i = 0; i < 6; i++) {
      known.push(await signIn(s, 'reviewer', `wrong-${i}`, '10.2.0.1'))
      unknown.push(await signIn(s, 'no-such-clerk', `wrong-${i}`, '10.2.0.1'))
    }
    expect(statuses(known)).toEqual([401, 401, 401, 401, 401, 423])
    expect(statuses(unknown)).toEqual(statuses(known))
    expect(unknown.map(injected)).toEqual(known.map(injected))
  })

  it('turns a flood of sign-ins from one address away at the login limit, answering other requests meanwhile', async () => {
    const s = await bff({ ...DEFAULTS, ratePerMinute: 30 })
    const { answers, other, order } = await flood(s, 120, (i) => overHttp(s, `ghost-${i}`, 'guess'))
    const limited = answers.filter((a) => a.status === 429)
    expect(limited).toHaveLength(90)
    expect(limited.every((a) => a.retryAfter !== undefined && a.problem.code === 'RATE_LIMITED')).toBe(true)
    expect(answers.filter((a) => a.status !== 429).every((a) => a.status === 401 || a.status === 503)).toBe(true)
    expect(other).toBe(200)
    expect(order.indexOf('catalogue')).toBeLessThan(order.lastIndexOf('login'))
  })

  it('checks a few passwords at a time: past a short queue a flood from many addresses gets 503 at once, and other requests are answered meanwhile', async () => {
    const s = await bff({ hashConcurrency: DEFAULTS.hashConcurrency, hashQueue: DEFAULTS.hashQueue })
    const { answers, other, order } = await flood(s, 120, async (i) => injected(await signIn(s, `ghost-${i}`, 'guess', `10.4.0.${i + 1}`)))
    const counts = tallied(answers)
    expect(Object.keys(counts).sort()).toEqual(['401', '503'])
    // The first arrivals fill the slots and the queue: those are all checked.
    expect(counts[401]).toBeGreaterThanOrEqual(DEFAULTS.hashConcurrency + DEFAULTS.hashQueue)
    const busy = answers.find((a) => a.status === 503)!
    expect(busy.contentType).toContain(PROBLEM_CONTENT_TYPE)
    expect(busy.retryAfter).toBe('2')
    expect(busy.problem).toMatchObject({ code: 'STAFF_LOGIN_BUSY', title: '登录的人较多，请稍等几秒再试' })
    expect(other).toBe(200)
    expect(order.indexOf('catalogue')).toBeLessThan(order.lastIndexOf('login'))
  })

  it('locks out the address the wrong passwords come from, not the staff member at their own desk', async () => {
    const s = await bff()
    for (let i = 0; i < 5; i++) expect((await signIn(s, 'supervisor', `wrong-${i}`, '10.5.0.66')).statusCode).toBe(401)
    const locked = await signIn(s, 'supervisor', DEMO_STAFF_PASSWORD, '10.5.0.66')
    expect(locked.statusCode).toBe(423)
    expect((await signIn(s, 'supervisor', DEMO_STAFF_PASSWORD, '10.5.0.7')).statusCode).toBe(200)
    expect(locked.headers['retry-after']).toBe(String(STAFF_SIGN_IN_LIMITS.lockMs / 1000))
  })

  it('ends a lock after 15 minutes with the count started again, so one more typo does not lock again', async () => {
    const s = await bff()
    const start = clock
    for (let i = 0; i < 5; i++) expect((await signIn(s, 'leader', `wrong-${i}`, '10.6.0.1')).statusCode).toBe(401)
    clock = start + STAFF_SIGN_IN_LIMITS.lockMs - 1000
    expect((await signIn(s, 'leader', DEMO_STAFF_PASSWORD, '10.6.0.1')).statusCode).toBe(423)
    clock = start + STAFF_SIGN_IN_LIMITS.lockMs
    for (let i = 0; i < 4; i++) expect((await signIn(s, 'leader', `typo-${i}`, '10.6.0.1')).statusCode).toBe(401)
    expect((await signIn(s, 'leader', DEMO_STAFF_PASSWORD, '10.6.0.1')).statusCode).toBe(200)
  })

  it('locks a name for everyone after 50 failures from many addresses, but not for one address that keeps on guessing', async () => {
    const s = await bff()
    const start = clock
    const hammer: number[] = []
    for (let i = 0; i < 60; i++) hammer.push((await signIn(s, 'reviewer_mz', `wrong-${i}`, '10.7.0.1')).statusCode)
    expect(hammer.filter((c) => c === 401)).toHaveLength(5)
    expect(hammer.filter((c) => c === 423)).toHaveLength(55)
    expect((await signIn(s, 'reviewer_mz', DEMO_STAFF_PASSWORD, '10.7.0.2')).statusCode).toBe(200)

    const perAddress = STAFF_SIGN_IN_LIMITS.perAddress
    const addresses = Array.from({ length: STAFF_SIGN_IN_LIMITS.perUsername / perAddress }, (_, a) => `10.7.1.${a + 1}`)
    const spread = await Promise.all(addresses.map(async (address) => {
      const got: number[] = []
      for (let i = 0; i < perAddress; i++) got.push((await signIn(s, 'reviewer_sc', `wrong-${i}`, address)).statusCode)
      return got
    }))
    expect(spread.flat().every((c) => c === 401)).toBe(true)
    expect((await signIn(s, 'reviewer_sc', DEMO_STAFF_PASSWORD, '10.7.2.1')).statusCode).toBe(423)
    clock = start + STAFF_SIGN_IN_LIMITS.lockMs
    expect((await signIn(s, 'reviewer_sc', DEMO_STAFF_PASSWORD, '10.7.2.1')).statusCode).toBe(200)
  })

  it('tells the staff member at the next sign-in how many sign-ins failed and when the last was, until they dismiss it', async () => {
    const s = await bff()
    const start = clock
    expect((await signIn(s, 'agent', 'wrong-1', '10.8.0.9')).statusCode).toBe(401)
    expect((await signIn(s, 'agent', 'wrong-2', '10.8.0.9')).statusCode).toBe(401)
    clock = start + 60_000
    expect((await signIn(s, 'agent', 'wrong-3', '10.8.0.10')).statusCode).toBe(401)
    clock = start + 5 * 60_000
    const res = await signIn(s, 'agent', DEMO_STAFF_PASSWORD, '10.8.0.1')
    const told = { count: 3, lastAt: new Date(start + 60_000).toISOString() }
    expect(res.json<StaffSessionResult>().staff.signInFailures).toEqual(told)
    const h = { authorization: `Bearer ${res.json<StaffSessionResult>().token}` }
    const me = () => s.app.inject({ url: '/api/staff/me', headers: h }).then((r) => r.json<StaffView>().signInFailures)
    expect(await me()).toEqual(told)
    expect((await s.app.inject({ method: 'DELETE', url: '/api/staff/me/sign-in-failures', headers: h })).statusCode).toBe(204)
    expect(await me()).toBeNull()

    // Told once: the sign-in after next says nothing unless more failed in between.
    expect((await signIn(s, 'agent', 'wrong-4', '10.8.0.9')).statusCode).toBe(401)
    expect((await signIn(s, 'agent', DEMO_STAFF_PASSWORD, '10.8.0.1')).json<StaffSessionResult>().staff.signInFailures?.count).toBe(1)
    expect((await signIn(s, 'agent', DEMO_STAFF_PASSWORD, '10.8.0.1')).json<StaffSessionResult>().staff.signInFailures).toBeNull()
  })
})
