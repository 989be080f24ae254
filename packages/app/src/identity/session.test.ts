import { describe, expect, it } from 'vitest'
import { ApiError, makeProblem, type SessionResult } from '@tongban/core'
import { testPlatform } from '../testing'
import { TOKEN_KEY, useSessionStore } from './session'

const result: SessionResult = { account: { id: 'a1', phone: '13800138000', name: null, idNumber: null, idNumberMasked: null, company: null }, token: 't'.repeat(43), expiresAt: '2026-12-23T00:00:00Z' }

describe('session store', () => {
  it('checks the phone with the core validator before asking the BFF', async () => {
    let calls = 0
    const store = testPlatform({ 'identity.sendSmsCode': async () => { calls++; return { resendAfter: 60 } } }).within(() => useSessionStore())
    const bad = await store.sendCode('1380013800')
    expect(bad).toMatchObject({ ok: false, problem: { errors: [{ path: 'phone', message: '请输入11位中国大陆手机号码' }] } })
    expect(calls).toBe(0)
    expect(await store.sendCode('+86 138 0013 8000')).toEqual({ ok: true, value: 60 })
  })

  it('signs in, keeping the token only where the platform keeps tokens', async () => {
    const web = testPlatform({ 'identity.verifySmsCode': async () => result })
    const store = web.within(() => useSessionStore())
    expect(await store.verify('13800138000', '12345')).toMatchObject({ ok: false, problem: { errors: [{ path: 'code' }] } })
    expect(await store.verify('13800138000', '123456')).toEqual({ ok: true, value: undefined })
    expect(store.signedIn).toBe(true)
    expect(web.storage.data.has(TOKEN_KEY)).toBe(false)

    const mini = testPlatform({ 'identity.verifySmsCode': async () => result, logout: async () => {} })
    mini.platform.keepsToken = true
    const s2 = mini.within(() => useSessionStore())
    await s2.verify('13800138000', '123456')
    expect(mini.storage.data.get(TOKEN_KEY)).toBe(result.token)
    await s2.logout()
    expect(mini.storage.data.has(TOKEN_KEY)).toBe(false)
    expect(s2.signedIn).toBe(false)
  })

  it('passes the BFF problem through for a wrong code', async () => {
    const store = testPlatform({ 'identity.verifySmsCode': async () => { throw new ApiError(makeProblem('OTP_WRONG', { detail: '验证码不正确，还可以再试4次' })) } }).within(() => useSessionStore())
    expect(await store.verify('13800138000', '000000')).toMatchObject({ ok: false, problem: { code: 'OTP_WRONG', detail: '验证码不正确，还可以再试4次' } })
  })
})
