import { describe, expect, it } from 'vitest'
import { makeProblem, PROBLEMS, type ProblemCode } from './problems'
import { failedText, isTransient } from './transient'

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
