import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Consent, Problem } from '@tongban/core'
import { startTestServer, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { staffRepo } from '../../store/staff'
import { hashPassword } from '../../auth/passwords'

let server: TestServer
let agent: string
beforeAll(async () => {
  server = await startTestServer()
  agent = await staffToken('agent', DEMO_STAFF_PASSWORD)
})
afterAll(async () => { await server?.close() })

async function staffToken(username: string, password: string): Promise<string> {
  return (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } })).json<{ token: string }>().token
}
const asAgent = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  server.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } })
const consentSms = async (phone: string) => {
  const inbox = (await server.app.inject('/dev/inbox.json')).json<{ phone: string; text: string }[]>()
  return inbox.find((m) => m.phone === phone && m.text.includes('代办'))?.text ?? ''
}

describe('代办 with the resident\'s consent', () => {
  it('texts the resident the agent and the item, records the consent once the code is told', async () => {
    const phone = '13755550001'
    const res = await asAgent(agent, 'POST', '/api/agent/consents', { residentPhone: phone, itemCode: 'MZ-0001' })
    expect(res.statusCode).toBe(201)
    const pending = res.json<Consent>()
    expect(pending).toMatchObject({ status: 'pending', residentPhoneMasked: '137****0001', itemCode: 'MZ-0001', agentName: expect.stringContaining('刘梅') })
    const text = await consentSms(phone)
    expect(text).toContain('刘梅')
    expect(text).toContain(pending.itemName)
    const code = /验证码(\d{6})/.exec(text)![1]!

    const wrong = await asAgent(agent, 'POST', `/api/agent/consents/${pending.id}/confirm`, { code: code === '111111' ? '222222' : '111111' })
    expect(wrong.json<Problem>()).toMatchObject({ code: 'OTP_WRONG', detail: '验证码不正确，还可以再试4次' })
    const granted = await asAgent(agent, 'POST', `/api/agent/consents/${pending.id}/confirm`, { code })
    expect(granted.json<Consent>()).toMatchObject({ status: 'granted', grantedAt: expect.any(String) })
    expect((await asAgent(agent, 'GET', '/api/agent/consents')).json<Consent[]>()[0]!.id).toBe(pending.id)

    // The resident sees whom they allowed, for what, when. (A session of their own: signing in by
    // SMS now would wait out the one-text-a-minute limit the consent text just used.)
    const [account] = await server.app.db.query<{ id: string }>('select id from accounts where phone = $1', [phone])
    const resident = await server.app.sessions.create(account!.id)
    const mine = (await server.app.inject({ url: '/api/me/consents', headers: { authorization: `Bearer ${resident.token}` } })).json<Consent[]>()
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ itemCode: 'MZ-0001', agentName: expect.stringContaining('刘梅'), status: 'granted' })
  })

  it('keeps one agent out of another agent\'s requests', async () => {
    await staffRepo(server.app.db).insert({ username: 'agent2', displayName: '石桥村代办员 赵亮', passwordHash: await hashPassword('Other@2026'), roles: ['agent'] })
    const other = await staffToken('agent2', 'Other@2026')
    const pending = (await asAgent(agent, 'POST', '/api/agent/consents', { residentPhone: '13755550002', itemCode: 'GA-0001' })).json<Consent>()
    const res = await asAgent(other, 'POST', `/api/agent/consents/${pending.id}/confirm`, { code: '123456' })
    expect(res.statusCode).toBe(404)
    expect(res.json<Problem>().code).toBe('CONSENT_NOT_FOUND')
    expect((await asAgent(other, 'GET', '/api/agent/consents')).json<Consent[]>()).toEqual([])
    expect((await asAgent(agent, 'POST', '/api/agent/consents/not-a-uuid/confirm', { code: '123456' })).json<Problem>().code).toBe('CONSENT_NOT_FOUND')
  })

  it.each([
    [{ residentPhone: '1375555', itemCode: 'GA-0001' }, 'residentPhone', '请输入群众本人的11位手机号码'],
    [{ residentPhone: '13755550003', itemCode: 'NOPE-1' }, 'itemCode', '请选择要代办的事项'],
    [{ residentPhone: '13755550003', itemCode: '../etc' }, 'itemCode', '请选择要代办的事项'],
  ])('says what is wrong: %j', async (payload, path, message) => {
    const res = await asAgent(agent, 'POST', '/api/agent/consents', payload)
    expect(res.statusCode).toBe(400)
    expect(res.json<Problem>().errors).toContainEqual(expect.objectContaining({ path, message }))
  })
})
