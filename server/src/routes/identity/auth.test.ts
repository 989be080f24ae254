import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Fastify from 'fastify'
import { S, type AccountView, type Problem, type SessionResult } from '@tongban/core'
import { smsCodeFor, startTestServer, type TestServer } from '../../testing'
import { installAccessControl } from '../../auth/access'
import type { SessionService } from '../../auth/sessions'
import { implement } from '../define'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

let n = 0
const newPhone = () => `136${String(20_000_000 + ++n).slice(-8)}`
const post = (url: string, payload?: object, headers: Record<string, string> = {}, ip = `10.1.0.${n}`) =>
  server.app.inject({ method: 'POST', url, payload, headers, remoteAddress: ip })
const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers })

const codeFor = (phone: string) => smsCodeFor(server.app, phone)

async function signIn(phone = newPhone()): Promise<SessionResult & { cookie: string }> {
  expect((await post('/api/auth/sms/send', { phone })).statusCode).toBe(202)
  const res = await post('/api/auth/sms/verify', { phone, code: await codeFor(phone) })
  expect(res.statusCode).toBe(200)
  const cookie = String(res.headers['set-cookie'])
  return { ...res.json<SessionResult>(), cookie: cookie.split(';')[0]! }
}

describe('sign in with phone + SMS code', () => {
  it('sends a code that arrives in the dev inbox and signs in, first time registering the phone', async () => {
    const phone = newPhone()
    const sent = await post('/api/auth/sms/send', { phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` })
    expect(sent.statusCode).toBe(202)
    expect(sent.json()).toEqual({ resendAfter: 60 })
    const res = await post('/api/auth/sms/verify', { phone, code: await codeFor(phone) })
    expect(res.statusCode).toBe(200)
    const body = res.json<SessionResult>()
    expect(body.account.phone).toBe(phone)
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toMatch(/^tb_session=/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/Secure/)
    expect(cookie).toMatch(/SameSite=Lax/)
    // Its lifetime counted by the phone's own clock (a phone with a wrong date keeps it), never an absolute Expires.
    expect(cookie).toMatch(/Max-Age=2592000/)
    expect(cookie).not.toMatch(/Expires=/)
  })

  it('answers the same whether or not the phone has an account', async () => {
    const known = await signIn()
    const unknown = newPhone()
    await new Promise((r) => setTimeout(r, 5))
    const a = await post('/api/auth/sms/send', { phone: known.account.phone! }, {}, '10.7.0.1')
    const b = await post('/api/auth/sms/send', { phone: unknown }, {}, '10.7.0.2')
    // The known phone asked again within a minute of signing in, so compare a fresh pair instead.
    expect(b.statusCode).toBe(202)
    expect(a.statusCode === 202 || a.statusCode === 429).toBe(true)
    // Neither phone holds a live code (the known one used its own): the same answer.
    const c = await post('/api/auth/sms/verify', { phone: newPhone(), code: '000000' })
    const d = await post('/api/auth/sms/verify', { phone: known.account.phone!, code: '000000' })
    expect([c.statusCode, c.json<Problem>().title]).toEqual([d.statusCode, d.json<Problem>().title])
  })

  it('refuses a second code within a minute with Retry-After', async () => {
    const phone = newPhone()
    await post('/api/auth/sms/send', { phone })
    console.log('DBG', JSON.stringify(await server.app.db.query('select attempts, voided_at, created_at, purpose from otp_codes where phone = $1', [phone])))
    const again = await post('/api/auth/sms/send', { phone })
    expect(again.statusCode).toBe(429)
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(again.json<Problem>()).toMatchObject({ code: 'OTP_TOO_FREQUENT', title: '获取验证码太频繁了，请稍后再试' })
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(50)
  })

  it.each([['12345'], ['1380013800a'], ['12800138000'], ['']])('rejects the phone %j with a Chinese message', async (phone) => {
    const res = await post('/api/auth/sms/send', { phone })
    expect(res.statusCode).toBe(400)
    const p = res.json<Problem>()
    expect(p.code).toBe('VALIDATION')
    expect(p.errors).toEqual([{ path: 'phone', code: expect.any(String), message: '请输入11位中国大陆手机号码' }])
  })

  it('says how many tries a wrong code leaves, and that a replayed or spent code needs a new one', async () => {
    const phone = newPhone()
    await post('/api/auth/sms/send', { phone })
    const code = await codeFor(phone)
    const other = code === '123456' ? '654321' : '123456'
    const wrong = await post('/api/auth/sms/verify', { phone, code: other })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json<Problem>()).toMatchObject({
      code: 'OTP_WRONG', detail: '验证码不正确，还可以再试4次', errors: [{ path: 'code', message: '验证码不正确，还可以再试4次' }],
    })
    expect((await post('/api/auth/sms/verify', { phone, code: 'abc' })).json<Problem>()).toMatchObject({ code: 'OTP_WRONG', detail: '验证码不正确，还可以再试4次' })
    expect((await post('/api/auth/sms/verify', { phone, code })).statusCode).toBe(200)
    expect((await post('/api/auth/sms/verify', { phone, code })).json<Problem>()).toMatchObject({
      code: 'OTP_DEAD', errors: [{ path: 'code', message: '验证码已失效，请点“获取验证码”重新获取' }],
    })
    expect((await post('/api/auth/sms/verify', { phone })).json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'code', message: '请输入6位数字验证码' }] })
  })

  it('after the fifth wrong code, says a new one is needed and when it can come', async () => {
    const phone = newPhone()
    await post('/api/auth/sms/send', { phone })
    const first = await codeFor(phone)
    const other = first === '123456' ? '654321' : '123456'
    for (let i = 0; i < 4; i++) await post('/api/auth/sms/verify', { phone, code: other })
    expect((await post('/api/auth/sms/verify', { phone, code: other })).json<Problem>().code).toBe('OTP_DEAD')
    expect((await post('/api/auth/sms/verify', { phone, code: first })).json<Problem>().code).toBe('OTP_DEAD')
    // The SMS provider sends one text a minute to a phone: the new code comes when the wait is over.
    const wait = await post('/api/auth/sms/send', { phone })
    expect(wait.json<Problem>()).toMatchObject({ code: 'OTP_TOO_FREQUENT', detail: expect.stringMatching(/^请(\d+秒|1分钟)后再试$/), retryAfter: expect.any(Number) })
  })

  it('refuses bodies that are too large or not JSON', async () => {
    const big = await post('/api/auth/sms/send', { phone: '1'.repeat(2 * 1024 * 1024) })
    expect(big.statusCode).toBe(413)
    expect(big.json<Problem>().title).toBe('提交的内容太大了')
    const text = await server.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: 'phone=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(text.statusCode).toBe(415)
    expect(text.json<Problem>().title).toBe('提交的内容格式不正确')
    const broken = await server.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: '{"phone":', headers: { 'content-type': 'application/json' } })
    expect(broken.statusCode).toBe(400)
    expect(broken.headers['content-type']).toMatch(/^application\/problem\+json/)
  })
})

describe('sessions over HTTP', () => {
  it('recognises the cookie (PWA) and the bearer token (mini-program)', async () => {
    const s = await signIn()
    const byCookie = await get('/api/me', { cookie: s.cookie })
    expect(byCookie.statusCode).toBe(200)
    expect(byCookie.json<AccountView>().phone).toBe(s.account.phone)
    expect(byCookie.headers['cache-control']).toBe('no-store')
    expect((await get('/api/me', { authorization: `Bearer ${s.token}` })).json<AccountView>().id).toBe(s.account.id)
  })

  it.each([[{}], [{ authorization: 'Bearer forged-token' }], [{ authorization: `Bearer ${'A'.repeat(43)}` }], [{ cookie: 'tb_session=nope' }]])(
    'answers 401 problem+json without a valid session: %j', async (headers) => {
      const res = await get('/api/me', headers)
      expect(res.statusCode).toBe(401)
      expect(res.json<Problem>()).toMatchObject({ code: 'UNAUTHENTICATED', title: '请先登录' })
    })

  it('logs out this device, and can log out all other devices', async () => {
    const phone = newPhone()
    const a = await signIn(phone)
    // A second device (its own session; signing in again would wait out the one-a-minute limit).
    const second = await server.app.sessions.create(a.account.id, 'second phone')
    const b = { cookie: `tb_session=${second.token}` }
    const others = await post('/api/auth/logout-others', undefined, { cookie: b.cookie })
    expect(others.json()).toEqual({ revoked: 1 })
    expect((await get('/api/me', { cookie: a.cookie })).statusCode).toBe(401)
    const out = await post('/api/auth/logout', undefined, { cookie: b.cookie })
    expect(out.statusCode).toBe(204)
    expect(String(out.headers['set-cookie'])).toMatch(/tb_session=;/)
    expect((await get('/api/me', { cookie: b.cookie })).statusCode).toBe(401)
  })

  it("tells the citizen to wait when the SMS provider's own flow control refuses", async () => {
    const s = await startTestServer({ sms: { send: async () => ({ ok: false as const, code: 'rate_limited' as const, retryable: false, message: 'isv.BUSINESS_LIMIT_CONTROL' }) } })
    try {
      const res = await s.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone: newPhone() } })
      expect(res.statusCode).toBe(429)
      expect(res.json<Problem>().code).toBe('OTP_TOO_FREQUENT')
    } finally {
      await s.close()
    }
  })

  it('tells the citizen when SMS cannot be sent, and lets them try again', async () => {
    let fail = true
    const s = await startTestServer({ sms: { send: async () => (fail ? { ok: false as const, code: 'provider_busy' as const, retryable: true, message: 'busy' } : { ok: true as const, providerId: '1' }) } })
    try {
      const phone = newPhone()
      const res = await s.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone } })
      expect(res.statusCode).toBe(503)
      expect(res.json<Problem>().title).toBe('短信暂时发不出去，请稍后再试')
      fail = false
      expect((await s.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone } })).statusCode).toBe(202)
    } finally {
      await s.close()
    }
  })
})

describe('authorisation rules', () => {
  it('refuses to start when an /api route declares no access rule, or is not declared by a contract', async () => {
    const app = Fastify()
    installAccessControl(app, {} as SessionService)
    expect(() => app.get('/api/forgotten', async () => 'x')).toThrow(/GET \/api\/forgotten declares no access rule/)
    expect(() => app.get('/api/by-hand', { config: { access: 'public' } }, async () => 'x')).toThrow(/GET \/api\/by-hand is not declared by a contract/)
    const fine = { method: 'GET', path: '/api/fine', access: 'public', summary: '示例', response: S.Obj({ ok: S.Bool() }), cache: 'none' } as const
    expect(() => implement(app, fine, async () => ({ ok: true }))).not.toThrow()
  })

  it('every citizen route answers 401 without a session', async () => {
    const citizenRoutes: { method: string; url: string }[] = []
    for (const [method, url] of [['GET', '/api/me'], ['POST', '/api/auth/logout'], ['POST', '/api/auth/logout-others']] as const) {
      citizenRoutes.push({ method, url })
      const res = await server.app.inject({ method, url })
      expect(res.statusCode, `${method} ${url}`).toBe(401)
    }
    expect(citizenRoutes).toHaveLength(3)
  })
})
