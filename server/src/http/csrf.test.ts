/**
 * Cross-site request forgery: a change the browser authenticates with our
 * cookie is refused unless it comes from one of our own pages (its Origin, or
 * without one its Referer). SameSite=Lax does not cover sibling subdomains.
 * Bearer requests (the mini-program) and requests naming no origin are not
 * concerned; reads never are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smsCodeFor, startTestServer, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'

let server: TestServer
const HOST = 'tongban.example.gov.cn'
const OWN = `http://${HOST}`
const TRUSTED = 'https://staff.example.gov.cn'

beforeAll(async () => {
  server = await startTestServer({ config: { trustedOrigins: [TRUSTED] } })
})
afterAll(async () => server?.close())

async function cookieSession(phone: string): Promise<{ cookie: string; token: string }> {
  await server.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress: '10.44.0.1' })
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone, code: await smsCodeFor(server.app, phone) }, headers: { host: HOST, origin: OWN } })
  expect(res.statusCode, res.body).toBe(200)
  const set = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('tb_session='))!
  return { cookie: set.split(';')[0]!, token: res.json<{ token: string }>().token }
}
const signedIn = async (cookie: string) => (await server.app.inject({ url: '/api/me', headers: { cookie, host: HOST } })).statusCode

describe('a cookie-authenticated change from another site', () => {
  it('signing out with a text/plain POST from evil.example.com is refused, and the session lives on', async () => {
    const { cookie } = await cookieSession('13944440001')
    const res = await server.app.inject({
      method: 'POST', url: '/api/auth/logout', payload: 'x', headers: { cookie, host: HOST, origin: 'https://evil.example.com', 'content-type': 'text/plain' },
    })
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ code: 'CROSS_SITE_REFUSED', title: expect.stringContaining('其他网站') })
    expect(await signedIn(cookie)).toBe(200)
  })

  it('a multipart upload from a sibling subdomain (Referer only) stores nothing', async () => {
    const { cookie } = await cookieSession('13944440002')
    const boundary = 'x-csrf-boundary'
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`
    const res = await server.app.inject({
      method: 'POST', url: '/api/uploads', payload: body,
      headers: { cookie, host: HOST, referer: 'https://forum.example.gov.cn/thread/1', 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('CROSS_SITE_REFUSED')
    const stored = await server.app.db.query('select 1 from uploads u join accounts a on a.id = u.account_id where a.phone = $1', ['13944440002'])
    expect(stored).toHaveLength(0)
  })

  it('a staff member\'s cookie cannot act on a case from another site; an opaque origin ("null") neither', async () => {
    const login = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD }, headers: { host: HOST, origin: OWN } })
    const cookie = [login.headers['set-cookie']].flat().find((c) => c?.startsWith('tb_staff='))!.split(';')[0]!
    for (const origin of ['https://evil.example.com', 'null']) {
      const res = await server.app.inject({ method: 'POST', url: '/api/staff/logout', headers: { cookie, host: HOST, origin } })
      expect(res.statusCode, origin).toBe(403)
    }
    expect((await server.app.inject({ url: '/api/staff/me', headers: { cookie, host: HOST } })).statusCode).toBe(200)
  })
})

describe('what is not concerned', () => {
  it('our own page, a trusted origin and a request naming no origin may change things with the cookie', async () => {
    for (const [i, headers] of [{ origin: OWN }, { referer: `${OWN}/me` }, { origin: TRUSTED }, {}].entries()) {
      const { cookie } = await cookieSession(`1394444001${i}`)
      const res = await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, host: HOST, ...headers } })
      expect(res.statusCode, JSON.stringify(headers)).toBe(204)
      expect(await signedIn(cookie)).toBe(401)
    }
  })
  it('a bearer request (the mini-program) is not judged by its origin, and reads never are', async () => {
    const { cookie, token } = await cookieSession('13944440004')
    expect((await server.app.inject({ url: '/api/me', headers: { cookie, host: HOST, origin: 'https://evil.example.com' } })).statusCode).toBe(200)
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}`, host: HOST, referer: 'https://servicewechat.com/wx123/1/page-frame.html' } })
    expect(res.statusCode).toBe(204)
  })
})
