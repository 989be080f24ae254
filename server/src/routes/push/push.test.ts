import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import webpush from 'web-push'
import { PUSH_MESSAGES, type Problem } from '@tongban/core'
import { signInCitizen, startTestServer, type TestServer } from '../../testing'
import { pushSubscriptionRepo } from '../../store/push-subscriptions'

// A browser's subscription keys, as PushSubscription.toJSON() gives them (web-push makes a valid P-256 point).
const keys = { p256dh: webpush.generateVAPIDKeys().publicKey, auth: 'k7uDCd1NdUWZq8ruKZ6Xuw' }
const local = (n: number) => `http://127.0.0.1:9/notify/browser-${n}`

let server: TestServer
let token: string
let other: string
beforeAll(async () => {
  server = await startTestServer()
  token = (await signInCitizen(server.app, '13700001801', '10.250.0.1', { realName: false })).token
  other = (await signInCitizen(server.app, '13700001802', '10.250.0.2', { realName: false })).token
})
afterAll(async () => { await server?.close() })

const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, as: string | null = token, app = server.app) =>
  app.inject({ method, url, payload, headers: as ? { authorization: `Bearer ${as}` } : {} })
const rows = async (endpoint: string) =>
  server.app.db.query<{ account_id: string; p256dh: string }>('select account_id, p256dh from push_subscriptions where endpoint = $1', [endpoint])

describe('Web Push subscriptions', () => {
  it('hands anyone the VAPID public key, the same every time', async () => {
    const a = await call('GET', '/api/push/vapid-public-key', undefined, null)
    expect(a.statusCode).toBe(200)
    const { publicKey } = a.json<{ publicKey: string }>()
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65)
    expect((await call('GET', '/api/push/vapid-public-key', undefined, null)).json()).toEqual({ publicKey })
    expect(publicKey).toBe(server.app.vapid.publicKey)
  })

  it('keeps a signed-in person\'s subscription once, whatever the browser sends again', async () => {
    expect((await call('POST', '/api/me/push-subscriptions', { endpoint: local(1), keys }, null)).statusCode).toBe(401)
    const res = await call('POST', '/api/me/push-subscriptions', { endpoint: local(1), expirationTime: null, keys })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ endpoint: local(1), createdAt: expect.any(String) })
    const fresh = { p256dh: webpush.generateVAPIDKeys().publicKey, auth: 'AAAAAAAAAAAAAAAAAAAAAA' }
    expect((await call('POST', '/api/me/push-subscriptions', { endpoint: local(1), keys: fresh })).statusCode).toBe(201)
    expect(await rows(local(1))).toEqual([expect.objectContaining({ p256dh: fresh.p256dh })])
  })

  it('keeps at most ten browsers a person, dropping the longest-kept', async () => {
    const many = (await signInCitizen(server.app, '13700001805', '10.250.0.5', { realName: false })).token
    for (let n = 0; n < 12; n++) expect((await call('POST', '/api/me/push-subscriptions', { endpoint: local(100 + n), keys }, many)).statusCode).toBe(201)
    const listed = (await call('GET', '/api/me/push-subscriptions', undefined, many)).json<{ endpoint: string }[]>()
    expect(listed.map((s) => s.endpoint).sort()).toEqual(Array.from({ length: 10 }, (_, i) => local(102 + i)).sort())
  })

  it('turns it off for its owner only, and twice is the same as once', async () => {
    await call('POST', '/api/me/push-subscriptions', { endpoint: local(2), keys })
    expect((await call('DELETE', '/api/me/push-subscriptions', { endpoint: local(2) }, other)).statusCode).toBe(204)
    expect(await rows(local(2))).toHaveLength(1)
    expect((await call('DELETE', '/api/me/push-subscriptions', { endpoint: local(2) })).statusCode).toBe(204)
    expect(await rows(local(2))).toHaveLength(0)
    expect((await call('DELETE', '/api/me/push-subscriptions', { endpoint: local(2) })).statusCode).toBe(204)
  })

  it('ties the subscription to the session: signed out, it is marked so (the channel sends nothing more there)', async () => {
    const leaving = (await signInCitizen(server.app, '13700001804', '10.250.0.4', { realName: false })).token
    await call('POST', '/api/me/push-subscriptions', { endpoint: local(4), keys }, leaving)
    const accountId = (await rows(local(4)))[0]!.account_id
    expect((await call('GET', '/api/me/push-subscriptions', undefined, leaving)).json()).toEqual([{ endpoint: local(4), createdAt: expect.any(String), lastSuccessAt: null }])
    expect((await call('POST', '/api/auth/logout', undefined, leaving)).statusCode).toBeLessThan(300)
    expect((await pushSubscriptionRepo(server.app.db).forAccount(accountId)).map((s) => s.signed_out)).toEqual([true])
    // Signed in again there: not listed (so the setting says 未开启) until turned on again, which ties it to the new session.
    const back = (await server.app.sessions.create(accountId)).token
    expect((await call('GET', '/api/me/push-subscriptions', undefined, back)).json()).toEqual([])
    await call('POST', '/api/me/push-subscriptions', { endpoint: local(4), keys }, back)
    expect((await call('GET', '/api/me/push-subscriptions', undefined, back)).json()).toHaveLength(1)
  })

  it.each([
    ['a host that is no push service', 'https://evil.example.com/push/1', 'unknown_service', PUSH_MESSAGES.endpointService],
    ['a push service on another port', 'https://fcm.googleapis.com:8443/fcm/send/x', 'unknown_service', PUSH_MESSAGES.endpointService],
    ['a look-alike host', 'https://fcm.googleapis.com.evil.example/fcm/send/x', 'unknown_service', PUSH_MESSAGES.endpointService],
    ['http to a push service', 'http://fcm.googleapis.com/fcm/send/x', 'not_https', PUSH_MESSAGES.endpoint],
    ['http to a private address', 'http://10.0.0.5/notify/x', 'not_https', PUSH_MESSAGES.endpoint],
    ['credentials in the address', 'https://user:pw@fcm.googleapis.com/fcm/send/x', 'malformed', PUSH_MESSAGES.endpoint],
    ['not an address', 'fcm.googleapis.com/fcm/send/x', 'malformed', PUSH_MESSAGES.endpoint],
  ])('refuses %s at the field, in Chinese', async (_, endpoint, code, message) => {
    const res = await call('POST', '/api/me/push-subscriptions', { endpoint, keys })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'endpoint', code, message }] })
    expect(await rows(endpoint)).toHaveLength(0)
  })

  it('takes the known push services over https', async () => {
    for (const endpoint of ['https://fcm.googleapis.com/fcm/send/abc:APA91b', 'https://web.push.apple.com/QGuQy', 'https://updates.push.services.mozilla.com/wpush/v2/gAAA']) {
      expect((await call('POST', '/api/me/push-subscriptions', { endpoint, keys })).statusCode).toBe(201)
    }
  })

  it.each([
    ['keys.p256dh', { ...keys, p256dh: 'short' }],
    ['keys.p256dh', { ...keys, p256dh: Buffer.alloc(65, 7).toString('base64url') }],
    ['keys.auth', { ...keys, auth: 'not base64url, not 16 bytes' }],
  ])('refuses keys that are not a browser\'s (%s)', async (path, bad) => {
    const res = await call('POST', '/api/me/push-subscriptions', { endpoint: local(3), keys: bad })
    expect(res.statusCode).toBe(400)
    expect(res.json<Problem>().errors).toEqual([expect.objectContaining({ path, message: PUSH_MESSAGES.keys })])
  })
})

describe('Web Push subscriptions in production', () => {
  const pair = webpush.generateVAPIDKeys()
  let prod: TestServer
  let citizen: string
  beforeAll(async () => {
    prod = await startTestServer({ db: server.app.db, config: { production: true, secretKey: 'ab'.repeat(32), webPush: { ...pair, subject: 'mailto:ops@tongban.example.gov.cn', serviceHosts: ['fcm.googleapis.com'] } } })
    citizen = (await prod.app.sessions.create((await signInCitizen(server.app, '13700001803', '10.250.0.3', { realName: false })).account.id)).token
  })
  afterAll(async () => { await prod?.close() })

  it('signs with the configured keys and takes only https endpoints on the configured hosts', async () => {
    expect((await call('GET', '/api/push/vapid-public-key', undefined, null, prod.app)).json()).toEqual({ publicKey: pair.publicKey })
    const refused = await call('POST', '/api/me/push-subscriptions', { endpoint: 'http://127.0.0.1:9/notify/x', keys }, citizen, prod.app)
    expect(refused.json<Problem>()).toMatchObject({ status: 400, errors: [{ path: 'endpoint', code: 'not_https' }] })
    const apple = await call('POST', '/api/me/push-subscriptions', { endpoint: 'https://web.push.apple.com/QGuQy', keys }, citizen, prod.app)
    expect(apple.json<Problem>()).toMatchObject({ errors: [{ path: 'endpoint', code: 'unknown_service' }] })
    expect((await call('POST', '/api/me/push-subscriptions', { endpoint: 'https://fcm.googleapis.com/fcm/send/prod-1', keys }, citizen, prod.app)).statusCode).toBe(201)
  })
})
