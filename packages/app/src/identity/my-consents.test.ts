import { describe, expect, it } from 'vitest'
import type { Consent } from '@tongban/core'
import { offline, testPlatform } from '../testing'
import { useMyConsents } from './my-consents'

const granted: Consent = {
  id: 'c1', status: 'granted', residentPhoneMasked: '139****9999', itemCode: 'MZ-0001', itemName: '最低生活保障申请',
  agentName: '刘梅', createdAt: '2026-12-06T02:00:00Z', grantedAt: '2026-12-06T02:03:00Z',
}

describe('useMyConsents (我授权的代办)', () => {
  it('lists each consent in the core’s words', async () => {
    const t = testPlatform({ 'identity.myConsents': async () => [granted] })
    const mine = t.within(() => useMyConsents())
    await mine.load()
    expect(mine.consents.value.map(mine.line)).toEqual(['刘梅 代办“最低生活保障申请” · 2026年12月6日授权'])
  })

  it('leaves the list out when it cannot be had', async () => {
    const t = testPlatform({ 'identity.myConsents': offline })
    const mine = t.within(() => useMyConsents())
    await mine.load()
    expect(mine.consents.value).toEqual([])
  })
})
