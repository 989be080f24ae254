import { describe, expect, it } from 'vitest'
import { makeProblem, problemText } from './problems'

describe('problemText', () => {
  it('says how long to wait where the BFF said it', () => {
    expect(problemText(makeProblem('RATE_LIMITED', { detail: '请42秒后再试' }))).toBe('操作太频繁了，请42秒后再试')
    expect(problemText(makeProblem('OTP_TOO_FREQUENT', { detail: '请3小时后再试' }))).toBe('获取验证码太频繁了，请3小时后再试')
  })

  it('is the title otherwise', () => {
    expect(problemText(makeProblem('RATE_LIMITED'))).toBe('操作太频繁了，请稍等一会儿再试')
    expect(problemText(makeProblem('QUERY_NOT_FOUND', { detail: '请1秒后再试' }))).toBe('没有找到这个办件，请核对办件编号和手机号后4位')
  })
})
