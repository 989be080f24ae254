import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Problem, SessionResult } from '@tongban/core'
import { signInCitizen, startTestServer, type TestServer } from '../../testing'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server?.close() })

async function wechatSession(openid: string): Promise<string> {
  const { code } = (await server.app.inject(`/dev/wechat/login-code?openid=${openid}`)).json<{ code: string }>()
  return (await server.app.inject({ method: 'POST', url: '/api/auth/wechat/login', payload: { code } })).json<SessionResult>().token
}
const report = (token: string, results: Record<string, string>) =>
  server.app.inject({ method: 'POST', url: '/api/me/wechat/subscriptions', payload: { results }, headers: { authorization: `Bearer ${token}` } })

describe('GET /api/wechat/templates', () => {
  it('lists the configured templates with the kinds each carries (the demo ones here)', async () => {
    const res = await server.app.inject('/api/wechat/templates')
    expect(res.statusCode).toBe(200)
    const { templates } = res.json<{ templates: { id: string; title: string; kinds: string[] }[] }>()
    expect(templates.map((t) => t.id)).toEqual(['DEMO_progress', 'DEMO_supplement', 'DEMO_result', 'DEMO_delivery', 'DEMO_queue'])
    expect(templates[1]).toEqual({ id: 'DEMO_supplement', title: '补正材料提醒', kinds: ['supplement_requested'] })
    // The keywords and their fields are the BFF's business, not the app's.
    expect(res.body).not.toContain('character_string1')
  })
})

describe('POST /api/me/wechat/subscriptions', () => {
  it('counts one message per accept, keeps earlier accepts on reject, clears on ban, ignores unknown templates', async () => {
    const token = await wechatSession('sub-openid-1')
    let res = await report(token, { DEMO_progress: 'accept', DEMO_supplement: 'accept', DEMO_result: 'reject' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ remaining: { DEMO_progress: 1, DEMO_supplement: 1, DEMO_result: 0, DEMO_delivery: 0, DEMO_queue: 0 } })
    res = await report(token, { DEMO_progress: 'acceptWithAudio', DEMO_supplement: 'reject', DEMO_delivery: 'filter', notConfigured: 'accept' })
    expect(res.json<{ remaining: Record<string, number> }>().remaining).toMatchObject({ DEMO_progress: 2, DEMO_supplement: 1, DEMO_delivery: 0 })
    expect(res.json<{ remaining: Record<string, number> }>().remaining).not.toHaveProperty('notConfigured')
    res = await report(token, { DEMO_progress: 'ban' })
    expect(res.json<{ remaining: Record<string, number> }>().remaining).toMatchObject({ DEMO_progress: 0, DEMO_supplement: 1 })
  })

  it('tells the local fake WeChat API of each accept, so demo messages arrive', async () => {
    const token = await wechatSession('sub-openid-2')
    await report(token, { DEMO_result: 'accept' })
    await report(token, { DEMO_result: 'accept', DEMO_queue: 'reject' })
    const fake = server.app.connectors.fakeWechat!
    expect(fake.subscriptionsLeft('sub-openid-2', 'DEMO_result')).toBe(2)
    expect(fake.subscriptionsLeft('sub-openid-2', 'DEMO_queue')).toBe(0)
  })

  it('refuses an account that never signed in through the mini-program, a wrong body, and no session', async () => {
    const web = await signInCitizen(server.app, '13755556666')
    const res = await report(web.token, { DEMO_progress: 'accept' })
    expect(res.statusCode).toBe(409)
    expect(res.json<Problem>()).toMatchObject({ code: 'WECHAT_NOT_SIGNED_IN', title: '请在微信小程序里登录后再订阅消息提醒' })
    const token = await wechatSession('sub-openid-3')
    for (const results of [{ DEMO_progress: 'maybe' }, {}, { 'bad id!': 'accept' }] as Record<string, string>[]) {
      const bad = await report(token, results)
      expect(bad.statusCode, JSON.stringify(results)).toBe(400)
      expect(bad.json<Problem>().code).toBe('VALIDATION')
    }
    expect((await server.app.inject({ method: 'POST', url: '/api/me/wechat/subscriptions', payload: { results: { DEMO_progress: 'accept' } } })).statusCode).toBe(401)
  })
})
