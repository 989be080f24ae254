import { describe, expect, it } from 'vitest'
import type { AccountView, CaseSummary } from '@tongban/core'
import { testPlatform, offline } from '../testing'
import { useOpenCase } from './open-case'

const me: AccountView = { id: 'a1', phone: '13800138000', name: null, idNumber: null, idNumberMasked: null, company: null }
const open: CaseSummary = {
  caseNo: 'SJ-0001-20261203-0001', itemCode: 'SJ-0001', itemName: '食品经营许可', status: 'accepted', statusLabel: '办理中',
  submittedAt: '2026-12-03T02:00:00Z', deadline: null, light: null, daysLeft: null,
}

describe('useOpenCase', () => {
  it('warns of the item’s open case once the list has come', async () => {
    const t = testPlatform({ me: async () => me, 'cases.mine': async () => [open] })
    const hint = t.within(() => useOpenCase(() => 'SJ-0001'))
    expect(hint.notice.value).toBe('')
    await hint.load()
    expect(hint.openCase.value?.caseNo).toBe('SJ-0001-20261203-0001')
    expect(hint.notice.value).toContain('办件编号 SJ-0001-20261203-0001')
  })

  it('says nothing for another item, or when the list cannot be had', async () => {
    const other = testPlatform({ me: async () => me, 'cases.mine': async () => [open] })
    const hint = other.within(() => useOpenCase(() => 'MZ-0001'))
    await hint.load()
    expect(hint.notice.value).toBe('')
    const away = testPlatform({ me: async () => me, 'cases.mine': offline })
    const none = away.within(() => useOpenCase(() => 'SJ-0001'))
    await none.load()
    expect(none.notice.value).toBe('')
  })
})
