import { describe, expect, it } from 'vitest'
import { AGREEMENT_CONSENT } from '@tongban/core'
import { useAgreementConsent } from './agreement'

describe('useAgreementConsent', () => {
  it('refuses until ticked, with the core words, and clears the refusal once ticked', () => {
    const c = useAgreementConsent()
    expect(c.check()).toBe(false)
    expect(c.error.value).toBe(AGREEMENT_CONSENT.required)
    c.setAgreed(true)
    expect(c.error.value).toBe('')
    expect(c.check()).toBe(true)
    c.setAgreed(false)
    expect(c.check()).toBe(false)
  })
})
