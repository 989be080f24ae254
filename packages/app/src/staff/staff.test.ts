import { describe, expect, it } from 'vitest'
import type { StaffSessionResult } from '@tongban/core'
import { testPlatform } from '../testing'
import { useStaffStore } from './staff'

const signedIn: StaffSessionResult = {
  staff: {
    id: 's1', username: 'clerk', displayName: '王芳', roles: ['clerk'], hallId: 'h1', departmentCode: null,
    signInFailures: { count: 2, lastAt: '2026-03-02T01:01:00.000Z' },
  },
  token: 't'.repeat(43), expiresAt: '2026-03-02T13:00:00.000Z',
}

describe('staff store', () => {
  it('keeps the failed sign-ins the BFF tells of until the staff member dismisses them', async () => {
    let dismissed = 0
    const store = testPlatform({ 'staff.login': async () => signedIn, 'staff.dismissSignInFailures': async () => { dismissed++ } }).within(() => useStaffStore())
    expect(await store.login('clerk', 'Tongban@2026')).toEqual({ ok: true, value: undefined })
    expect(store.staff?.signInFailures).toEqual({ count: 2, lastAt: '2026-03-02T01:01:00.000Z' })
    await store.dismissSignInFailures()
    expect(store.staff?.signInFailures).toBeNull()
    await store.dismissSignInFailures()
    expect(dismissed).toBe(1)
  })

  it('hides the notice even when telling the BFF fails (it comes back on the next load)', async () => {
    const store = testPlatform({ 'staff.login': async () => signedIn, 'staff.dismissSignInFailures': async () => { throw new Error('offline') } }).within(() => useStaffStore())
    await store.login('clerk', 'Tongban@2026')
    await store.dismissSignInFailures()
    expect(store.staff?.signInFailures).toBeNull()
  })
})
