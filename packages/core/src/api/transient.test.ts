import { describe, expect, it } from 'vitest'
import { makeProblem, PROBLEMS, type ProblemCode } from './problems'
import { failedText, isTransient, retryAfterText, waitText } from './transient'

describe('isTransient', () => {
  it.each(['NETWORK', 'REQUEST_TIMEOUT', 'RATE_LIMITED', 'SUBMIT_IN_PROGRESS', 'INTERNAL', 'UNAVAILABLE', 'FILE_STORE_UNAVAILABLE'] as const)('tries %s again', (code) => {
    expect(isTransient(makeProblem(code))).toBe(true)
  })

  it.each(['VALIDATION', 'FILE_TOO_LARGE', 'FILE_TYPE_NOT_ALLOWED', 'CASE_CHANGED', 'FORM_OUTDATED', 'IDEMPOTENCY_KEY_REUSED', 'UNAUTHENTICATED', 'FORBIDDEN'] as const)('does not send %s again unchanged', (code) => {
    expect(isTransient(makeProblem(code))).toBe(false)
  })

  it('decides by status for codes it has never heard of (a newer BFF)', () => {
    expect(isTransient({ code: 'SOMETHING_NEW', status: 502 })).toBe(true)
    expect(isTransient({ code: 'SOMETHING_NEW', status: 400 })).toBe(false)
  })

  it('calls every 409 final except the submission still in progress', () => {
    const conflicts = (Object.keys(PROBLEMS) as ProblemCode[]).filter((c) => PROBLEMS[c].status === 409 && isTransient(makeProblem(c)))
    expect(conflicts).toEqual(['SUBMIT_IN_PROGRESS'])
  })
})

it('says a failure with no words of its own in one way', () => {
  expect(failedText('撤回')).toBe('撤回没有成功，请稍后再试')
})

describe('waitText', () => {
  it('says the wait in the unit a person reads, never shorter than asked', () => {
    expect([1, 42, 59.2, 60, 61, 3599, 3600, 3601, 86_000].map(waitText)).toEqual(['1秒', '42秒', '1分钟', '1分钟', '2分钟', '60分钟', '1小时', '2小时', '24小时'])
    expect(retryAfterText(42)).toBe('请42秒后再试')
  })
})
