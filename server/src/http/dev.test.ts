/**
 * /dev/* answers this computer only (the inbox shows every sign-in code;
 * the embedded default listens on all interfaces), and /dev/clock moves the
 * product's one clock: a case applied for after it moved is dated that day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shanghaiDate, type CaseDetail } from '@tongban/core'
import { minimumLivingApplication, signInCitizen, startTestServer, submitApplication, type TestServer, today } from '../testing'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => server?.close())

describe('/dev/* from another computer', () => {
  const paths = ['/dev/inbox', '/dev/inbox.json', '/dev/wechat/login-code?openid=x', '/dev/wechat/phone-code?phone=13800000000', '/dev/wechat/messages.json', '/dev/clock']
  it.each(paths)('%s is not there for a phone on the LAN, nor through a proxy', async (url) => {
    const lan = await server.app.inject({ url, remoteAddress: '192.168.1.23' })
    expect(lan.statusCode).toBe(404)
    expect(lan.headers['content-type']).toContain('application/problem+json')
    expect(lan.body).not.toContain('验证码')
    const forwarded = await server.app.inject({ url, headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(forwarded.statusCode).toBe(404)
    expect((await server.app.inject({ url, remoteAddress: '::ffff:10.0.0.7' })).statusCode).toBe(404)
  })
  it.each(paths)('%s answers this computer', async (url) => {
    expect((await server.app.inject({ url })).statusCode).toBe(200)
    expect((await server.app.inject({ url, remoteAddress: '::1' })).statusCode).toBe(200)
  })
  it('a bad phone for a WeChat phone code is a problem, not a bare JSON error', async () => {
    const res = await server.app.inject({ url: '/dev/wechat/phone-code?phone=123' })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().errors[0].path).toBe('phone')
  })
})

describe('/dev/clock', () => {
  it('moves the product to another day and back to real time', async () => {
    const { token } = await signInCitizen(server.app, '13900001111')
    const moved = await server.app.inject({ method: 'POST', url: '/dev/clock', payload: { at: '2026-03-02T10:00:00+08:00' } })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json().moved).toBe(true)
    const read = Date.parse((await server.app.inject('/dev/clock')).json<{ now: string }>().now)
    expect(read - Date.parse('2026-03-02T02:00:00Z')).toBeGreaterThanOrEqual(0)
    expect(read - Date.parse('2026-03-02T02:00:00Z')).toBeLessThan(60_000)
    const c: CaseDetail = await submitApplication(server.app, token, minimumLivingApplication('13900001111'), 'dev-clock-case-0001')
    expect(c.caseNo).toMatch(/^MZ-0001-20260302-\d+$/)
    expect(c.deadline).toBe('2026-03-04')
    const back = await server.app.inject({ method: 'POST', url: '/dev/clock', payload: { at: null } })
    expect(back.json().moved).toBe(false)
    expect(shanghaiDate(Date.parse(back.json().now))).toBe(today())
  })
  it('refuses a moment without a zone, in words', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/dev/clock', payload: { at: '2026-03-02 10:00' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'at', message: expect.stringContaining('带时区') })
  })
  it('is not there when a test injects its clock', async () => {
    const injected = await startTestServer({ now: () => Date.parse('2026-03-02T02:00:00Z') })
    try {
      expect((await injected.app.inject('/dev/clock')).statusCode).toBe(404)
    } finally {
      await injected.close()
    }
  })
})
