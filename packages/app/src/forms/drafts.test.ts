import { describe, expect, it, vi } from 'vitest'
import { ApiError, makeProblem, type API, type DraftRecord, type InputOf } from '@tongban/core'
import { testPlatform } from '../testing'
import { REMOTE_SAVE_DELAY, useDraftStore } from './drafts'

type SaveDraft = InputOf<typeof API.drafts.save>
/** The BFF's answer to a save: the draft as sent. */
const echo = async ({ params, body }: SaveDraft): Promise<DraftRecord> => ({ itemCode: params.code, ...body })
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

describe('drafts kept by the BFF', () => {
  it('go up a moment after the last change, once', async () => {
    vi.useFakeTimers()
    try {
      const saveDraft = vi.fn(async ({ params, body }: SaveDraft): Promise<DraftRecord> => ({ itemCode: params.code, ...body }))
      const t = testPlatform({ 'drafts.save': saveDraft })
      const store = t.within(() => useDraftStore())
      await store.save(draft('SJ-0001', '晨'))
      await store.save(draft('SJ-0001', '晨光'))
      expect(saveDraft).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(REMOTE_SAVE_DELAY)
      expect(saveDraft).toHaveBeenCalledTimes(1)
      expect(saveDraft.mock.calls[0]![0]).toMatchObject({ params: { code: 'SJ-0001' }, body: { values: { operatorName: '晨光' } } })
    } finally {
      vi.useRealTimers()
    }
  })

  it('stop trying when signed out, and never throw', async () => {
    const saveDraft = vi.fn(async (): Promise<DraftRecord> => { throw new ApiError(makeProblem('UNAUTHENTICATED')) })
    const t = testPlatform({ 'drafts.save': saveDraft })
    const store = t.within(() => useDraftStore())
    await store.save(draft('SJ-0001', '晨'))
    expect(await store.pushRemote('SJ-0001')).toBe(false)
    await store.save(draft('SJ-0001', '晨光'))
    expect(await store.pushRemote('SJ-0001')).toBe(false)
    expect(saveDraft).toHaveBeenCalledTimes(1)
  })

  it('discard drops the BFF’s copy too, even when the app has not opened the draft since it started', async () => {
    const first = testPlatform({ 'drafts.save': echo })
    await first.within(() => useDraftStore()).save(draft('SJ-0001', '晨光'))
    const deleteDraft = vi.fn(async () => undefined)
    const second = testPlatform({ 'drafts.remove': deleteDraft })
    for (const [k, v] of first.storage.data) await second.storage.set(k, v)
    const store = second.within(() => useDraftStore())
    await store.discard('SJ-0001')
    expect(deleteDraft).toHaveBeenCalledWith({ params: { code: 'SJ-0001' } })
    expect(await store.list()).toEqual([])
  })

  it('take the newer copy from the BFF, keep the newer one on the device', async () => {
    let now = 5000
    const remote: DraftRecord[] = [
      { itemCode: 'SJ-0001', itemName: '食品经营许可', formVersion: 1, values: { operatorName: '另一台手机' }, answers: {}, updatedAt: 9000 },
      { itemCode: 'B-1', itemName: 'B', formVersion: 1, values: { operatorName: '旧的' }, answers: {}, updatedAt: 1000 },
    ]
    const t = testPlatform({ 'drafts.list': async () => remote, 'drafts.save': echo }, { now: () => now })
    const store = t.within(() => useDraftStore())
    await store.save(draft('SJ-0001', '这台手机'))
    await store.save(draft('B-1', '这台手机更新'))
    now = 6000
    expect(await store.pullRemote()).toBe(1)
    expect((await store.open('SJ-0001'))?.values).toEqual({ operatorName: '另一台手机' })
    expect((await store.open('B-1'))?.values).toEqual({ operatorName: '这台手机更新' })
  })
})
