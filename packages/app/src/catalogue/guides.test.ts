import { describe, expect, it } from 'vitest'
import { computed, nextTick, ref } from 'vue'
import { ApiError, makeProblem, type ItemGuide } from '@tongban/core'
import { idCardItem } from '@tongban/core/testing'
import { offline, testPlatform } from '../testing'
import { useGuideStore } from './guides'
import { useChecklist } from './checklist'

describe('guide store', () => {
  it('keeps an opened guide and revalidates it with its ETag', async () => {
    const calls: (string | undefined)[] = []
    const t = testPlatform({
      getItem: async (_code: string, etag?: string) => {
        calls.push(etag)
        return etag ? { notModified: true as const } : { notModified: false as const, item: idCardItem(), etag: '"e1"' }
      },
    })
    const store = t.within(() => useGuideStore())
    const e = await store.open('GA-0001')
    expect(e.item?.name).toBe('居民身份证换领')
    await store.open('GA-0001')
    expect(calls).toEqual([undefined, '"e1"'])
    expect(t.storage.data.has('tb.guide.GA-0001')).toBe(true)
  })

  it('shows a guide the page came with at once, keeps it, and revalidates only from the next open on', async () => {
    const calls: (string | undefined)[] = []
    const t = testPlatform({
      getItem: async (_code: string, etag?: string) => {
        calls.push(etag)
        return { notModified: true as const }
      },
    })
    const store = t.within(() => useGuideStore())
    store.seed('GA-0001', idCardItem(), '"s1"')
    expect(store.entry('GA-0001')).toMatchObject({ status: 'ready', stale: false, etag: '"s1"', item: { name: '居民身份证换领' } })
    const e = await store.open('GA-0001') // the page's own open: nothing to fetch
    expect(e.item?.name).toBe('居民身份证换领')
    expect(calls).toEqual([])
    await Promise.resolve()
    expect(JSON.parse(t.storage.data.get('tb.guide.GA-0001')!)).toMatchObject({ etag: '"s1"', item: { code: 'GA-0001' } })
    await store.open('GA-0001') // coming back later: revalidated with the seeded ETag
    expect(calls).toEqual(['"s1"'])
  })

  it('updates what a page shows as the guide loads', async () => {
    const t = testPlatform({ getItem: async () => ({ notModified: false as const, item: idCardItem(), etag: '"e1"' }) })
    const store = t.within(() => useGuideStore())
    const e = store.entry('GA-0001') // a page keeps the object it got first
    const shown = computed(() => `${e.status}:${e.item?.name ?? ''}`)
    expect(shown.value).toBe('idle:')
    await store.open('GA-0001')
    expect(shown.value).toBe('ready:居民身份证换领')
  })

  it('shares one request between pages opening the same guide at once', async () => {
    let calls = 0
    const t = testPlatform({ getItem: async () => { calls++; return { notModified: false as const, item: idCardItem(), etag: '"e1"' } } })
    const store = t.within(() => useGuideStore())
    const [a, b] = await Promise.all([store.open('GA-0001'), store.open('GA-0001')])
    expect(a).toBe(b)
    expect(calls).toBe(1)
  })

  it('shows a guide seen before when offline, marked stale', async () => {
    const online = testPlatform({ getItem: async () => ({ notModified: false as const, item: idCardItem(), etag: '"e1"' }) })
    await online.within(() => useGuideStore()).open('GA-0001')
    const t = testPlatform({ getItem: offline })
    for (const [k, v] of online.storage.data) await t.storage.set(k, v)
    const e = await t.within(() => useGuideStore()).open('GA-0001')
    expect(e.status).toBe('ready')
    expect(e.stale).toBe(true)
    expect(e.item?.code).toBe('GA-0001')
  })

  it('marks a guide answered while the device is offline as stale (a service worker cache answered)', async () => {
    let now = 1000
    const t = testPlatform({ getItem: async () => ({ notModified: false as const, item: idCardItem(), etag: '"e1"' }) }, { now: () => now })
    const store = t.within(() => useGuideStore())
    await store.open('GA-0001')
    now = 5000
    t.platform.isOnline = () => false
    const e = await store.open('GA-0001')
    expect(e.stale).toBe(true)
    expect(e.fetchedAt).toBe(1000)
  })

  it('forgets a withdrawn item on 404', async () => {
    let gone = false
    const t = testPlatform({
      getItem: async () => {
        if (gone) throw new ApiError(makeProblem('ITEM_NOT_FOUND'))
        return { notModified: false as const, item: idCardItem(), etag: '"e1"' }
      },
    })
    const store = t.within(() => useGuideStore())
    await store.open('GA-0001')
    gone = true
    const e = await store.open('GA-0001')
    expect(e.status).toBe('error')
    expect(e.item).toBeNull()
    expect(e.error?.code).toBe('ITEM_NOT_FOUND')
    expect(t.storage.data.has('tb.guide.GA-0001')).toBe(false)
  })
})

describe('checklist answers', () => {
  it('keep across a reload and change the checklist', async () => {
    const t = testPlatform({})
    const item = ref<ItemGuide | null>(idCardItem())
    const a = t.within(() => useChecklist(item))
    await nextTick(); await Promise.resolve()
    await a.answer('age', 'under16')
    expect(a.checklist.value!.entries.map((e) => e.material.id)).toContain('guardian-id')

    const b = t.within(() => useChecklist(ref<ItemGuide | null>(idCardItem())))
    await vi_waitFor(() => b.restored.value)
    expect(b.answers.value).toEqual({ age: 'under16' })
    await b.reset()
    expect(t.storage.data.has('tb.answers.GA-0001')).toBe(false)
  })
})

async function vi_waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !cond(); i++) await Promise.resolve()
  expect(cond()).toBe(true)
}
