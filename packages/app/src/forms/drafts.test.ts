import { describe, expect, it } from 'vitest'
import { testPlatform } from '../testing'
import { useDraftStore } from './drafts'

const draft = (itemCode: string, operatorName: string) => ({
  itemCode, itemName: '食品经营许可', formVersion: 1, values: { operatorName }, answers: { category: 'catering' },
})

describe('drafts on the device', () => {
  it('survive a reload: a new app on the same storage gets them back', async () => {
    const first = testPlatform({}, { now: () => 1000 })
    await first.within(() => useDraftStore()).save(draft('SJ-0001', '晨光餐饮'))
    const second = testPlatform({})
    for (const [k, v] of first.storage.data) await second.storage.set(k, v)
    const restored = await second.within(() => useDraftStore()).open('SJ-0001')
    expect(restored).toMatchObject({ values: { operatorName: '晨光餐饮' }, answers: { category: 'catering' }, updatedAt: 1000 })
  })

  it('lists drafts newest first and forgets a discarded one', async () => {
    let now = 1
    const t = testPlatform({}, { now: () => now })
    const store = t.within(() => useDraftStore())
    await store.save(draft('A-1', 'a'))
    now = 2
    await store.save(draft('B-1', 'b'))
    now = 3
    await store.save(draft('A-1', 'a2'))
    expect((await store.list()).map((d) => d.itemCode)).toEqual(['A-1', 'B-1'])
    await store.discard('A-1')
    expect((await store.list()).map((d) => d.itemCode)).toEqual(['B-1'])
    expect(await store.open('A-1')).toBeNull()
  })

  it('keeps the values in memory when the device storage is full', async () => {
    const t = testPlatform({})
    t.platform.storage.set = async () => { throw new Error('QuotaExceededError') }
    const store = t.within(() => useDraftStore())
    await expect(store.save(draft('C-1', '还在'))).resolves.toMatchObject({ values: { operatorName: '还在' } })
    expect((await store.open('C-1'))?.values).toEqual({ operatorName: '还在' })
  })

  it('ignores a corrupt saved draft instead of failing', async () => {
    const t = testPlatform({})
    await t.storage.set('tb.draft.D-1', '{"values":')
    await t.storage.set('tb.drafts', 'not json')
    const store = t.within(() => useDraftStore())
    expect(await store.open('D-1')).toBeNull()
    expect(await store.list()).toEqual([])
  })
})
