import { describe, expect, it, vi } from 'vitest'
import { API, ApiError, makeProblem, type AccountView, type Licence } from '@tongban/core'
import { offline, testPlatform } from '../testing'
import { claimCopies, forgetCopies, keepCopy, MAX_CASE_COPIES, readCopy } from './offline-copies'
import { usePersonalList } from './personal-list'
import { useSessionStore } from './session'

const account = (id: string) => ({ id, phone: '13761230001', name: null, idNumber: null, idNumberMasked: null, company: null }) as AccountView

describe('offline copies', () => {
  it('keeps a copy with the time it was saved, and reads it back', async () => {
    const { platform } = testPlatform({})
    expect(await readCopy(platform, 'licences')).toBeNull()
    expect(await keepCopy(platform, 'licences', [{ id: 'L1' }])).toBe(1_700_000_000_000)
    expect(await readCopy(platform, 'licences')).toEqual({ value: [{ id: 'L1' }], savedAt: 1_700_000_000_000 })
  })

  it(`keeps the ${MAX_CASE_COPIES} cases opened last, the oldest going first`, async () => {
    let now = 0
    const { platform, storage } = testPlatform({}, { now: () => ++now })
    await keepCopy(platform, 'cases', [])
    await Promise.all(Array.from({ length: MAX_CASE_COPIES + 2 }, (_, i) => keepCopy(platform, `case.C-${i}`, { i })))
    expect(await readCopy(platform, 'case.C-0')).toBeNull()
    expect(await readCopy(platform, 'case.C-1')).toBeNull()
    expect(await readCopy(platform, 'case.C-2')).not.toBeNull()
    expect(await readCopy(platform, `case.C-${MAX_CASE_COPIES + 1}`)).not.toBeNull()
    expect(await readCopy(platform, 'cases')).not.toBeNull()
    expect([...storage.data.keys()].filter((k) => k.startsWith('tb.copy.case.'))).toHaveLength(MAX_CASE_COPIES)
  })

  it('wipes every copy when nobody is signed in, and another account’s when someone else signs in', async () => {
    const { platform, storage } = testPlatform({})
    await claimCopies(storage, 'a1')
    await keepCopy(platform, 'cases', ['a1’s'])
    await claimCopies(storage, 'a1')
    expect(await readCopy(platform, 'cases')).not.toBeNull()
    await claimCopies(storage, 'b2')
    expect(await readCopy(platform, 'cases')).toBeNull()
    await keepCopy(platform, 'case.X', {})
    await forgetCopies(storage)
    expect([...storage.data.keys()].filter((k) => k.startsWith('tb.cop'))).toEqual([])
  })

  it('the session store claims them for the account it learns and wipes them at 退出登录 or when the session has ended', async () => {
    const me = vi.fn<() => Promise<AccountView | null>>().mockResolvedValueOnce(account('a1')).mockResolvedValueOnce(account('b2')).mockResolvedValueOnce(null)
    const t = testPlatform({ me, logout: async () => undefined })
    const session = t.within(() => useSessionStore())
    await session.load()
    await keepCopy(t.platform, 'cases', ['a1’s'])
    await session.load()
    expect(await readCopy(t.platform, 'cases')).toBeNull()
    await keepCopy(t.platform, 'cases', ['b2’s'])
    await session.load()
    expect(await readCopy(t.platform, 'cases')).toBeNull()
    await keepCopy(t.platform, 'licences', [])
    await session.logout()
    expect(await readCopy(t.platform, 'licences')).toBeNull()
  })
})

describe('usePersonalList', () => {
  const licence = { id: 'L1', title: '营业执照' } as unknown as Licence

  it('shows the saved copy with its time when there is no network, and the BFF’s list again once it answers', async () => {
    const mine = vi.fn().mockResolvedValueOnce([licence]).mockImplementationOnce(offline).mockResolvedValueOnce([])
    const t = testPlatform({ 'licences.mine': mine })
    const { platform } = t
    const list = () => t.within(() => usePersonalList(() => platform.api.call(API.licences.mine), { copy: 'licences' }))
    const first = list()
    await first.load()
    expect([first.state.value, first.items.value, first.copySavedAt.value]).toEqual(['ready', [licence], null])
    const offlineStart = list()
    await offlineStart.load()
    expect([offlineStart.state.value, offlineStart.items.value, offlineStart.copySavedAt.value]).toEqual(['ready', [licence], 1_700_000_000_000])
    expect(offlineStart.problem.value?.code).toBe('NETWORK')
    await offlineStart.load()
    expect([offlineStart.items.value, offlineStart.copySavedAt.value]).toEqual([[], null])
  })

  it('is an error with no copy, and signed out (copies wiped) on a 401', async () => {
    const mine = vi.fn().mockImplementationOnce(offline).mockRejectedValueOnce(new ApiError(makeProblem('UNAUTHENTICATED')))
    const t = testPlatform({ 'licences.mine': mine })
    const page = t.within(() => usePersonalList(() => t.platform.api.call(API.licences.mine), { copy: 'licences' }))
    await page.load()
    expect(page.state.value).toBe('error')
    await keepCopy(t.platform, 'cases', [])
    await page.load()
    expect(page.state.value).toBe('signedOut')
    expect(await readCopy(t.platform, 'cases')).toBeNull()
  })
})
