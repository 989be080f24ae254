import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createWechatClient, readWechatAnswer, type WechatClientConfig } from './client'
import type { WechatFailure } from './errors'
import { startFakeWechatServer, type FakeWechatServer, type FakeWechatServerOptions } from './fake-server'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function fake(opts: FakeWechatServerOptions = {}): Promise<FakeWechatServer> {
  const server = await startFakeWechatServer(opts)
  cleanups.push(() => server.close())
  return server
}

function client(server: { url: string; appId: string; appSecret: string }, over: Partial<WechatClientConfig> = {}) {
  return createWechatClient({ baseUrl: server.url, appId: server.appId, appSecret: server.appSecret, ...over })
}

/** A fetch that records the path of every request it passes on. */
function recordingFetch() {
  const paths: string[] = []
  const f: typeof fetch = (input, init) => {
    paths.push(new URL(String(input)).pathname)
    return fetch(input, init)
  }
  return { paths, fetch: f }
}

const PHONE = '/wxa/business/getuserphonenumber'
const TOKEN = '/cgi-bin/stable_token'

function failure(r: { ok: true } | WechatFailure): WechatFailure {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r)}`)
  return r
}

describe('readWechatAnswer', () => {
  it('reads errcode refusals on HTTP 200, 5xx and unreadable bodies', () => {
    expect(readWechatAnswer(200, { openid: 'o', session_key: 'k' })).toEqual({ ok: true, body: { openid: 'o', session_key: 'k' } })
    expect(readWechatAnswer(200, { errcode: 0, errmsg: 'ok', phone_info: {} }).ok).toBe(true)
    expect(readWechatAnswer(200, { errcode: 40029, errmsg: 'invalid code, rid: x' })).toEqual({
      ok: false, code: 'invalid_code', errcode: 40029, retryable: false, message: '40029: invalid code, rid: x',
    })
    expect(readWechatAnswer(200, { errcode: 48001, errmsg: 'api unauthorized' })).toMatchObject({ code: 'unknown', errcode: 48001, retryable: false })
    expect(readWechatAnswer(502, undefined)).toEqual({ ok: false, code: 'busy', retryable: true, message: 'HTTP 502' })
    expect(readWechatAnswer(200, undefined)).toMatchObject({ code: 'unknown', message: 'HTTP 200, unreadable body' })
    expect(readWechatAnswer(404, { errcode: 404, errmsg: 'Not Found' })).toMatchObject({ code: 'unknown', errcode: 404 })
  })

  it('never hands the secret or a token back, even if an answer echoes them', async () => {
    const secret = '0123456789abcdef0123456789abcdef'
    const wx = createWechatClient({
      baseUrl: 'http://127.0.0.1:1', appId: 'wxapp', appSecret: secret,
      fetch: async () => new Response(JSON.stringify({ errcode: 40125, errmsg: `invalid appsecret ${secret} for access_token=abc` }), { status: 200 }),
    })
    const r = failure(await wx.code2Session('c'))
    expect(r).toMatchObject({ code: 'auth_failed', errcode: 40125 })
    expect(r.message).toBe('40125: invalid appsecret *** for access_token=***')
  })
})

describe('code2Session against the fake', () => {
  it('exchanges a js_code for openid, session_key and (when bound) unionid', async () => {
    const server = await fake()
    const wx = client(server)
    const r = await wx.code2Session(server.issueLoginCode('oUser1', 'uUnion1'))
    if (!r.ok) throw new Error(r.message)
    expect(r).toEqual({ ok: true, openid: 'oUser1', unionid: 'uUnion1', sessionKey: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/) })
    const noUnion = await wx.code2Session(server.issueLoginCode('oUser2'))
    expect(noUnion).toEqual({ ok: true, openid: 'oUser2', sessionKey: expect.any(String) })
    expect('unionid' in noUnion).toBe(false)
  })

  it('unknown code → invalid_code (40029); second use → code_used (40163); expired → invalid_code', async () => {
    let clock = Date.now()
    const server = await fake({ now: () => clock })
    const wx = client(server)
    expect(failure(await wx.code2Session('0a1b2c3d4e5f'))).toMatchObject({ code: 'invalid_code', errcode: 40029, retryable: false, message: expect.stringMatching(/^40029: invalid code, rid: /) })
    const code = server.issueLoginCode('oUser1')
    expect((await wx.code2Session(code)).ok).toBe(true)
    expect(failure(await wx.code2Session(code))).toMatchObject({ code: 'code_used', errcode: 40163, retryable: false, message: expect.stringMatching(/^40163: code been used/) })
    const late = server.issueLoginCode('oUser1')
    clock += 5 * 60_000 + 1
    expect(failure(await wx.code2Session(late))).toMatchObject({ code: 'invalid_code', errcode: 40029 })
    expect(failure(await wx.code2Session(''))).toEqual({ ok: false, code: 'invalid_code', retryable: false, message: 'empty js_code' })
  })

  it('wrong secret → auth_failed (40125); wrong appid → auth_failed (40013); neither leaks the secret', async () => {
    const server = await fake()
    const wrong = 'ffffffffffffffffffffffffffffffff'
    const bad = failure(await client(server, { appSecret: wrong }).code2Session(server.issueLoginCode('o1')))
    expect(bad).toMatchObject({ code: 'auth_failed', errcode: 40125, retryable: false, message: expect.stringMatching(/^40125: invalid appsecret/) })
    expect(bad.message).not.toContain(wrong)
    const otherApp = failure(await client(server, { appId: 'wx0000000000000000' }).code2Session(server.issueLoginCode('o1')))
    expect(otherApp).toMatchObject({ code: 'auth_failed', errcode: 40013, message: expect.stringMatching(/^40013: invalid appid/) })
  })

  it('more than the per-openid limit in a minute → rate_limited (45011, not retryable); fine after the minute', async () => {
    let clock = Date.now()
    const server = await fake({ now: () => clock, loginLimitPerMinute: 3 })
    const wx = client(server)
    for (let i = 0; i < 3; i++) expect((await wx.code2Session(server.issueLoginCode('oBusy'))).ok).toBe(true)
    const code = server.issueLoginCode('oBusy')
    expect(failure(await wx.code2Session(code))).toMatchObject({ code: 'rate_limited', errcode: 45011, retryable: false })
    expect((await wx.code2Session(server.issueLoginCode('oOther'))).ok).toBe(true)
    clock += 60_000
    // The refused call did not consume the code.
    expect(await wx.code2Session(code)).toMatchObject({ ok: true, openid: 'oBusy' })
  })

  it('the default limit is WeChat\'s documented 100 a minute', async () => {
    const server = await fake()
    const wx = client(server)
    const results = await Promise.all(Array.from({ length: 101 }, () => wx.code2Session(server.issueLoginCode('oMany'))))
    expect(results.filter((r) => r.ok)).toHaveLength(100)
    expect(results.filter((r) => !r.ok).map((r) => (r as WechatFailure).errcode)).toEqual([45011])
  })

  it('system busy (-1) → busy (retryable), then the retry with the same code goes through', async () => {
    const server = await fake()
    const wx = client(server)
    const code = server.issueLoginCode('oUser1')
    server.failNext(1)
    expect(failure(await wx.code2Session(code))).toEqual({ ok: false, code: 'busy', errcode: -1, retryable: true, message: expect.stringMatching(/^-1: system error, rid: /) })
    expect((await wx.code2Session(code)).ok).toBe(true)
  })

  it('a blocked high-risk user (40226) → user_blocked; an errcode we do not know → unknown', async () => {
    const server = await fake()
    const wx = client(server)
    server.failNext(1, 40226)
    expect(failure(await wx.code2Session(server.issueLoginCode('o1')))).toMatchObject({ code: 'user_blocked', errcode: 40226, retryable: false })
    server.failNext(1, 61451)
    expect(failure(await wx.code2Session(server.issueLoginCode('o1')))).toMatchObject({ code: 'unknown', errcode: 61451, retryable: false })
  })

  it('a closed server → network (retryable)', async () => {
    const server = await startFakeWechatServer()
    await server.close()
    const r = failure(await client(server).code2Session('abc'))
    expect(r).toMatchObject({ code: 'network', retryable: true })
    expect(r.errcode).toBeUndefined()
    expect(r.message).toContain('ECONNREFUSED')
  })

  it('a server that never answers → network after timeoutMs', async () => {
    const hanging = createServer(() => { /* never answers */ })
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => { hanging.close(() => resolve()); hanging.closeAllConnections() }))
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`
    const wx = client({ url, appId: 'wxapp', appSecret: 'secret' }, { timeoutMs: 200 })
    const started = Date.now()
    const r = failure(await wx.code2Session('abc'))
    const elapsed = Date.now() - started
    expect(r).toEqual({ ok: false, code: 'network', retryable: true, message: 'no answer within 200 ms' })
    expect(elapsed).toBeGreaterThanOrEqual(150)
    expect(elapsed).toBeLessThan(3_000)
    // The token endpoint too: phoneNumber fails the same way, nothing is cached.
    expect(failure(await wx.phoneNumber('p'))).toMatchObject({ code: 'network', retryable: true })
  })
})

describe('phoneNumber against the fake', () => {
  it('exchanges a phone code for the number and country code', async () => {
    const server = await fake()
    const wx = client(server)
    expect(await wx.phoneNumber(server.issuePhoneCode('13800138000'))).toEqual({ ok: true, phone: '13800138000', countryCode: '86' })
    expect(await wx.phoneNumber(server.issuePhoneCode('85291234', '852'))).toEqual({ ok: true, phone: '85291234', countryCode: '852' })
  })

  it('unknown, used or expired code → invalid_code (40029)', async () => {
    let clock = Date.now()
    const server = await fake({ now: () => clock })
    const wx = client(server, { now: () => clock })
    expect(failure(await wx.phoneNumber('e31968a7f94cc5ee'))).toMatchObject({ code: 'invalid_code', errcode: 40029, retryable: false })
    const code = server.issuePhoneCode('13800138000')
    expect((await wx.phoneNumber(code)).ok).toBe(true)
    expect(failure(await wx.phoneNumber(code))).toMatchObject({ code: 'invalid_code', errcode: 40029 })
    const late = server.issuePhoneCode('13800138000')
    clock += 5 * 60_000 + 1
    expect(failure(await wx.phoneNumber(late))).toMatchObject({ code: 'invalid_code', errcode: 40029 })
  })

  it('45011 → rate_limited; -1 → busy (retryable), then the retry goes through', async () => {
    const server = await fake()
    const wx = client(server)
    expect((await wx.accessToken()).ok).toBe(true)
    const code = server.issuePhoneCode('13800138000')
    server.failNext(1, 45011)
    expect(failure(await wx.phoneNumber(code))).toMatchObject({ code: 'rate_limited', errcode: 45011, retryable: false })
    server.failNext(1)
    expect(failure(await wx.phoneNumber(code))).toMatchObject({ code: 'busy', errcode: -1, retryable: true })
    expect(await wx.phoneNumber(code)).toMatchObject({ ok: true, phone: '13800138000' })
    expect(server.tokenRequests()).toBe(1)
  })

  it('the token endpoint refusing: wrong secret → auth_failed (40125), busy → busy; a failed token is not cached', async () => {
    const server = await fake()
    const wrong = 'ffffffffffffffffffffffffffffffff'
    const bad = failure(await client(server, { appSecret: wrong }).phoneNumber(server.issuePhoneCode('13800138000')))
    expect(bad).toMatchObject({ code: 'auth_failed', errcode: 40125, message: expect.stringMatching(/^40125: invalid appsecret/) })
    expect(bad.message).not.toContain(wrong)
    const wx = client(server)
    server.failNext(1)
    expect(failure(await wx.phoneNumber(server.issuePhoneCode('13800138000')))).toMatchObject({ code: 'busy', errcode: -1, retryable: true })
    expect((await wx.phoneNumber(server.issuePhoneCode('13800138000'))).ok).toBe(true)
    expect(server.tokenRequests()).toBe(3)
  })
})

describe('access_token cache', () => {
  it('10 concurrent calls share one token request; later calls reuse the cached token', async () => {
    const server = await fake()
    const rec = recordingFetch()
    const wx = client(server, { fetch: rec.fetch })
    const phones = Array.from({ length: 10 }, (_, i) => `1380013800${i}`)
    const results = await Promise.all(phones.map((p) => wx.phoneNumber(server.issuePhoneCode(p))))
    expect(results).toEqual(phones.map((phone) => ({ ok: true, phone, countryCode: '86' })))
    expect(server.tokenRequests()).toBe(1)
    await Promise.all(phones.map((p) => wx.phoneNumber(server.issuePhoneCode(p))))
    expect(server.tokenRequests()).toBe(1)
    expect(rec.paths.filter((p) => p === PHONE)).toHaveLength(20)
  })

  it('accessToken() itself is single-flight and cached', async () => {
    const server = await fake()
    const wx = client(server)
    const tokens = await Promise.all(Array.from({ length: 10 }, () => wx.accessToken()))
    const first = tokens[0]!
    if (!first.ok) throw new Error(first.message)
    expect(tokens.every((t) => t.ok && t.token === first.token)).toBe(true)
    expect(first.token.length).toBeGreaterThan(20)
    expect(await wx.accessToken()).toEqual(first)
    expect(server.tokenRequests()).toBe(1)
  })

  it('after expireTokens(): the refused call (42001) refreshes the token and is retried exactly once', async () => {
    const server = await fake()
    const rec = recordingFetch()
    const wx = client(server, { fetch: rec.fetch })
    const before = await wx.accessToken()
    expect((await wx.phoneNumber(server.issuePhoneCode('13800138000'))).ok).toBe(true)
    server.expireTokens()
    rec.paths.length = 0
    expect(await wx.phoneNumber(server.issuePhoneCode('13900139000'))).toEqual({ ok: true, phone: '13900139000', countryCode: '86' })
    expect(rec.paths).toEqual([PHONE, TOKEN, PHONE])
    expect(server.tokenRequests()).toBe(2)
    const after = await wx.accessToken()
    expect(after.ok && before.ok && after.token !== before.token).toBe(true)
  })

  it('10 concurrent calls refused with 42001 share one refresh', async () => {
    const server = await fake()
    const rec = recordingFetch()
    const wx = client(server, { fetch: rec.fetch })
    await wx.accessToken()
    server.expireTokens()
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => wx.phoneNumber(server.issuePhoneCode(`1370013700${i}`))))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(server.tokenRequests()).toBe(2)
    expect(rec.paths.filter((p) => p === PHONE)).toHaveLength(20)
  })

  it('a token revoked elsewhere (force_refresh → 40001) is replaced and the call retried', async () => {
    const server = await fake()
    const wx = client(server)
    await wx.accessToken()
    const res = await fetch(`${server.url}${TOKEN}`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: server.appId, secret: server.appSecret, force_refresh: true }),
    })
    const forced = (await res.json()) as { access_token: string }
    expect(await wx.phoneNumber(server.issuePhoneCode('13800138000'))).toMatchObject({ ok: true })
    // Normal mode hands the client the token the force refresh created.
    expect(await wx.accessToken()).toMatchObject({ ok: true, token: forced.access_token })
  })

  it('a token refused again after the refresh → auth_failed after exactly one retry', async () => {
    const server = await fake()
    const paths: string[] = []
    const wx = client(server, {
      fetch: async (input, init) => {
        const path = new URL(String(input)).pathname
        paths.push(path)
        if (path === PHONE) return new Response(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest, rid: x' }))
        return fetch(input, init)
      },
    })
    const r = failure(await wx.phoneNumber('code'))
    expect(r).toMatchObject({ code: 'auth_failed', errcode: 40001, retryable: false, message: expect.stringMatching(/^access_token refused again after a refresh/) })
    expect(paths).toEqual([TOKEN, PHONE, TOKEN, PHONE])
  })

  it('refreshes 5 minutes before expires_in; the fake expires tokens after 7200 s', async () => {
    let clock = Date.now()
    const server = await fake({ now: () => clock })
    const wx = client(server, { now: () => clock })
    const first = await wx.accessToken()
    if (!first.ok) throw new Error(first.message)
    expect(first.expiresAt).toBe(clock + 7200_000)
    clock += 6899_000
    expect(await wx.accessToken()).toEqual(first)
    expect(server.tokenRequests()).toBe(1)
    clock += 2_000 // 6901 s: inside the last 5 minutes
    const second = await wx.accessToken()
    if (!second.ok) throw new Error(second.message)
    expect(second.token).not.toBe(first.token)
    expect(server.tokenRequests()).toBe(2)
    expect((await wx.phoneNumber(server.issuePhoneCode('13800138000'))).ok).toBe(true)

    // A client whose clock lags (it thinks no time has passed) learns of expiry from 42001 and recovers.
    const frozen = clock
    const rec = recordingFetch()
    const lagging = client(server, { now: () => frozen, fetch: rec.fetch })
    await lagging.accessToken()
    clock += 7200_000
    rec.paths.length = 0
    expect((await lagging.phoneNumber(server.issuePhoneCode('13800138000'))).ok).toBe(true)
    expect(rec.paths).toEqual([PHONE, TOKEN, PHONE])
  })

  it('while a refresh fails, the old token is used until it really expires', async () => {
    let clock = Date.now()
    const server = await fake({ now: () => clock })
    const wx = client(server, { now: () => clock })
    expect((await wx.accessToken()).ok).toBe(true)
    clock += 6950_000 // past the refresh point, 250 s before expiry
    server.failNext(1)
    expect(await wx.phoneNumber(server.issuePhoneCode('13800138000'))).toMatchObject({ ok: true })
    expect(await wx.accessToken()).toMatchObject({ ok: true })
    expect(server.tokenRequests()).toBe(3)
  })
})

describe('小程序码 (getwxacodeunlimit)', () => {
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])
  it('answers the image on success and reads a JSON answer as the refusal it is', async () => {
    const server = await fake()
    const c = client(server)
    const ok = await c.unlimitedQrCode({ scene: 'h=sls-zwfwzx', page: 'packages/queue/pages/take/index', checkPath: false, envVersion: 'develop' })
    if (!ok.ok) throw new Error(ok.message)
    expect([ok.contentType, ok.image.subarray(0, 4)]).toEqual(['image/png', PNG])
    expect(server.miniCodes()).toEqual([{ scene: 'h=sls-zwfwzx', page: 'packages/queue/pages/take/index', width: 430, checkPath: false, envVersion: 'develop' }])
    server.failNext(1, 45009, '/wxa/getwxacodeunlimit')
    expect(failure(await c.unlimitedQrCode({ scene: 'h=x', page: 'p' }))).toMatchObject({ code: 'rate_limited', errcode: 45009 })
  })

  it('refreshes a token WeChat no longer takes, once', async () => {
    const server = await fake()
    const rec = recordingFetch()
    const c = client(server, { fetch: rec.fetch })
    expect((await c.unlimitedQrCode({ scene: 'a', page: 'p' })).ok).toBe(true)
    server.expireTokens()
    expect((await c.unlimitedQrCode({ scene: 'b', page: 'p' })).ok).toBe(true)
    expect(rec.paths.filter((p) => p === TOKEN)).toHaveLength(2)
  })

  it('refuses a scene or page WeChat would refuse, before asking', async () => {
    const server = await fake()
    const c = client(server)
    expect(failure(await c.unlimitedQrCode({ scene: 'x'.repeat(33), page: 'p' })).code).toBe('invalid_argument')
    expect(failure(await c.unlimitedQrCode({ scene: '大厅', page: 'p' })).code).toBe('invalid_argument')
    expect(failure(await c.unlimitedQrCode({ scene: 'a', page: '/pages/x' })).code).toBe('invalid_argument')
    expect(server.miniCodes()).toEqual([])
  })
})
