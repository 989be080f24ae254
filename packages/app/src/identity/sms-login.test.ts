/**
 * The shared 登录 form: a wrong code says how many tries are left at the code
 * field and clears the green 已发送; a dead code clears the field and turns
 * the button into 重新获取验证码 once the wait is over.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, makeProblem } from '@tongban/core'
import { testPlatform } from '../testing'
import { useSmsLogin } from './sms-login'

function form(verify: () => Promise<never>) {
  let now = 1_700_000_000_000
  const t = testPlatform({
    'identity.clientConfig': async () => ({ devInbox: false }),
    'identity.sendSmsCode': async () => ({ resendAfter: 60 }),
    'identity.verifySmsCode': verify,
  }, { now: () => now })
  return { login: t.within(() => useSmsLogin()), later: (s: number) => { now += s * 1000 } }
}

const refused = (code: 'OTP_WRONG' | 'OTP_DEAD', message: string) => async () => {
  throw new ApiError(makeProblem(code, { detail: message, errors: [{ path: 'code', code: code.toLowerCase(), message }] }))
}

describe('useSmsLogin', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('says how many tries a wrong code leaves, at the code field, and drops 已发送', async () => {
    const { login } = form(refused('OTP_WRONG', '验证码不正确，还可以再试3次'))
    login.setField('phone', '13800138000')
    await login.sendCode()
    expect(login.notice.value).toContain('验证码已发送')
    login.setField('code', '123456')
    expect(await login.submit()).toBe(false)
    expect(login.errors.code).toBe('验证码不正确，还可以再试3次')
    expect(login.notice.value).toBe('')
    expect(login.formProblem.value).toBe('')
    expect(login.code.value).toBe('123456')
  })

  it('asks for a new code when the old one is dead, as soon as the wait allows', async () => {
    const { login, later } = form(refused('OTP_DEAD', '验证码已失效，请点“获取验证码”重新获取'))
    login.setField('phone', '13800138000')
    await login.sendCode()
    expect(login.sendLabel.value).toBe('60秒后重新获取')
    login.setField('code', '123456')
    await login.submit()
    expect(login.errors.code).toBe('验证码已失效，请点“获取验证码”重新获取')
    expect(login.code.value).toBe('')
    expect(login.codeDead.value).toBe(true)
    expect(login.sendLabel.value).toBe('60秒后重新获取')
    later(60)
    vi.advanceTimersByTime(1000)
    expect(login.sendLabel.value).toBe('重新获取验证码')
    await login.sendCode()
    expect(login.codeDead.value).toBe(false)
    expect(login.errors.code).toBeUndefined()
  })

  it('counts down and says the wait when codes were asked for too often', async () => {
    const t = testPlatform({
      'identity.clientConfig': async () => ({ devInbox: false }),
      'identity.sendSmsCode': async () => { throw new ApiError(makeProblem('OTP_TOO_FREQUENT', { detail: '请42秒后再试', retryAfter: 42 })) },
    })
    const login = t.within(() => useSmsLogin())
    login.setField('phone', '13800138000')
    await login.sendCode()
    expect(login.sendLabel.value).toBe('42秒后重新获取')
    expect(login.formProblem.value).toBe('获取验证码太频繁了，请42秒后再试')
  })

  it('says a problem no field carries once, above the button', async () => {
    const { login } = form(async () => { throw new ApiError(makeProblem('NETWORK')) })
    login.setField('phone', '13800138000')
    login.setField('code', '123456')
    await login.submit()
    expect(login.formProblem.value).toBe('网络连接失败，请检查网络后重试')
  })
})
