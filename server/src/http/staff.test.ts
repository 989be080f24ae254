import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Problem, StaffSessionResult, StaffView } from '@tongban/core'
import { signInCitizen, startTestServer, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'
import { hashPassword, verifyPassword } from '../auth/passwords'

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
})

describe('staff sign-in', () => {
  it('signs a demo clerk in with a role and a strict cookie', async () => {
    const res = await login('clerk', DEMO_STAFF_PASSWORD)
    expect(res.statusCode).toBe(200)
    const body = res.json<StaffSessionResult>()
    expect(body.staff).toMatchObject({ username: 'clerk', roles: ['clerk'], hallId: expect.any(String) })
    expect(String(res.headers['set-cookie'])).toMatch(/^tb_staff=.*HttpOnly.*Secure.*SameSite=Strict/)
    const me = await server.app.inject({ url: '/api/staff/me', headers: { authorization: `Bearer ${body.token}` } })
    expect(me.json<StaffView>().displayName).toContain('王芳')
  })

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await login('reviewer', 'nope')
    const unknown = await login('nobody-here', 'nope')
    expect([wrong.statusCode, wrong.json<Problem>().title]).toEqual([401, '用户名或密码不正确'])
    expect([unknown.statusCode, unknown.json<Problem>().title]).toEqual([401, '用户名或密码不正确'])
  })

  it('locks after 5 wrong passwords, even against the right one, until the lock ends', async () => {
    for (let i = 0; i < 5; i++) expect((await login('hall_admin', `wrong-${i}`)).statusCode).toBe(401)
    const locked = await login('hall_admin', DEMO_STAFF_PASSWORD)
    expect(locked.statusCode).toBe(423)
    expect(locked.json<Problem>().title).toMatch(/临时锁定/)
    await server.app.db.query("update staff set locked_until = now() - interval '1 second' where username = 'hall_admin'")
    expect((await login('hall_admin', DEMO_STAFF_PASSWORD)).statusCode).toBe(200)
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
