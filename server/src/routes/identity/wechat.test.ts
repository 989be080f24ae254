import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Problem, SessionResult } from '@tongban/core'
import { signInCitizen, startTestServer, type TestServer } from '../../testing'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

const loginCode = async (openid: string) => (await server.app.inject(`/dev/wechat/login-code?openid=${openid}`)).json<{ code: string }>().code
const phoneCode = async (phone: string) => (await server.app.inject(`/dev/wechat/phone-code?phone=${phone}`)).json<{ code: string }>().code
const wxLogin = (code: string) => server.app.inject({ method: 'POST', url: '/api/auth/wechat/login', payload: { code } })
const bindPhone = (token: string, code: string) =>
  server.app.inject({ method: 'POST', url: '/api/auth/wechat/phone', payload: { code }, headers: { authorization: `Bearer ${token}` } })
const me = (token: string) => server.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })

describe('WeChat sign-in (mini-program)', () => {
  it('signs in with a wx.login code; the same WeChat user gets the same account', async () => {
    const first = await wxLogin(await loginCode('openid-a'))
    expect(first.statusCode).toBe(200)
    const a = first.json<SessionResult>()
    expect(a.account.phone).toBeNull()
    const again = (await wxLogin(await loginCode('openid-a'))).json<SessionResult>()
    expect(again.account.id).toBe(a.account.id)
  })

  it('refuses a used or unknown code with a Chinese problem', async () => {
    const code = await loginCode('openid-b')
    expect((await wxLogin(code)).statusCode).toBe(200)
    const reused = await wxLogin(code)
    expect(reused.statusCode).toBe(400)
    expect(reused.json<Problem>()).toMatchObject({ code: 'WECHAT_CODE_INVALID', title: '微信登录已过期，请重新进入小程序再试' })
    expect((await wxLogin('made-up')).json<Problem>().code).toBe('WECHAT_CODE_INVALID')
  })

  it('binds the WeChat phone number', async () => {
    const s = (await wxLogin(await loginCode('openid-c'))).json<SessionResult>()
    const res = await bindPhone(s.token, await phoneCode('13611112222'))
    expect(res.statusCode).toBe(200)
    const bound = res.json<SessionResult>()
    expect(bound.account).toMatchObject({ id: s.account.id, phone: '13611112222' })
    expect((await me(s.token)).statusCode).toBe(401) // the old session gave way to the new one
    expect((await me(bound.token)).json()).toMatchObject({ phone: '13611112222' })
  })

  it('joins the web account of the same phone: one person, one account', async () => {
    const phone = '13633334444'
    const web = await signInCitizen(server.app, phone)

    const wx = (await wxLogin(await loginCode('openid-d'))).json<SessionResult>()
    expect(wx.account.id).not.toBe(web.account.id)
    const joined = (await bindPhone(wx.token, await phoneCode(phone))).json<SessionResult>()
    expect(joined.account.id).toBe(web.account.id)
    // Next time WeChat sign-in lands on the web account directly.
    expect((await wxLogin(await loginCode('openid-d'))).json<SessionResult>().account.id).toBe(web.account.id)
    expect((await me(web.token)).statusCode).toBe(200) // the web session keeps working
  })

  it('needs a session to bind a phone', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/wechat/phone', payload: { code: 'x' } })
    expect(res.statusCode).toBe(401)
  })
})
