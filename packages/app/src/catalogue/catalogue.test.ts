import { describe, expect, it, vi } from 'vitest'
import type { CatalogueSnapshot, ItemSummary } from '@tongban/core'
import { offline, testPlatform } from '../testing'
import { useCatalogueStore } from './catalogue'

function summary(code: string, name: string, aliases: string[] = [], materialNames = ['申请表']): ItemSummary {
  return {
    code, name, kind: 'public_service', aliases, lifeEvents: ['identity'], department: { code: 'gaj', name: '示例市公安局' },
    levels: ['city'], visits: 1, onlineDepth: 'pre_review', promisedDays: 5, materialNames,
  }
}
const snap = (version: string, items: ItemSummary[]): CatalogueSnapshot => ({ items, departments: [], halls: [], version })

describe('catalogue store', () => {
  it('loads the snapshot and searches it locally in pinyin', async () => {
    const t = testPlatform({ 'catalogue.snapshot': async () => snap('1', [summary('A', '居民身份证换领'), summary('B', '社会保障卡申领', ['社保卡'])]) })
    const store = t.within(() => useCatalogueStore())
    await store.load()
    expect(store.status).toBe('ready')
    expect((await store.search({ q: 'sfz' })).items.map((i) => i.code)).toEqual(['A'])
    expect((await store.search({ q: '社保' })).items.map((i) => i.code)).toEqual(['B'])
    expect((await store.search({})).total).toBe(2)
  })

  it('shows the stored snapshot when offline and keeps the error to show', async () => {
    const first = testPlatform({ 'catalogue.snapshot': async () => snap('1', [summary('A', '居民身份证换领')]) })
    await first.within(() => useCatalogueStore()).load()
    const second = testPlatform({ 'catalogue.snapshot': offline })
    for (const [k, v] of first.storage.data) await second.storage.set(k, v)
    const store = second.within(() => useCatalogueStore())
    await store.load()
    expect(store.status).toBe('ready')
    expect(store.fromCache).toBe(true)
    expect(store.error?.code).toBe('NETWORK')
    expect((await store.search({ q: 'shenfenzheng' })).total).toBe(1)
  })

  it('reports an error when offline with nothing stored', async () => {
    const store = testPlatform({ 'catalogue.snapshot': offline }).within(() => useCatalogueStore())
    await store.load()
    expect(store.status).toBe('error')
    expect(store.error?.title).toBe('网络连接失败，请检查网络后重试')
    expect((await store.search({ q: 'x' })).items).toEqual([])
  })

  it('drops a corrupt stored snapshot instead of failing', async () => {
    const t = testPlatform({ 'catalogue.snapshot': offline })
    await t.storage.set('tb.catalogue', '{not json')
    const store = t.within(() => useCatalogueStore())
    await store.load()
    expect(store.status).toBe('error')
    expect(t.storage.data.has('tb.catalogue')).toBe(false)
  })

  it('rebuilds the search index only when the snapshot changes', async () => {
    let version = '1'
    const t = testPlatform({ 'catalogue.snapshot': async () => snap(version, version === '1' ? [summary('A', '居民身份证换领')] : [summary('A', '居民身份证换领'), summary('C', '出生登记')]) })
    const build = vi.fn()
    t.platform.loadSearch = async () => {
      const m = await import('@tongban/core/search')
      return { queryCatalogue: m.queryCatalogue, buildCatalogue: (items) => { build(); return m.buildCatalogue(items) } }
    }
    const store = t.within(() => useCatalogueStore())
    await store.load()
    await store.search({ q: 'a' })
    await store.search({ q: 'b' })
    expect(build).toHaveBeenCalledTimes(1)
    await store.refresh()
    await store.search({ q: 'b' })
    expect(build).toHaveBeenCalledTimes(1)
    version = '2'
    await store.refresh()
    expect((await store.search({ q: 'csdj' })).items.map((i) => i.code)).toEqual(['C'])
    expect(build).toHaveBeenCalledTimes(2)
  })

  it('searches hanzi at once while the pinyin loads apart, then pinyin too', async () => {
    const t = testPlatform({ 'catalogue.snapshot': async () => snap('1', [summary('A', '居民身份证换领'), summary('B', '社会保障卡申领')]) })
    const { pinyinReader } = await import('@tongban/core/pinyin')
    const { buildCatalogue, queryCatalogue } = await import('@tongban/core/search')
    // A mini-program's search code: no pinyin of its own.
    t.platform.loadSearch = async () => ({ queryCatalogue, buildCatalogue: (items, reader = null) => buildCatalogue(items, reader) })
    let arrive!: () => void
    let attempts = 0
    t.platform.loadPinyin = () => {
      attempts++
      return attempts === 1
        ? Promise.reject(new Error('offline'))
        : new Promise((resolve) => { arrive = () => resolve(pinyinReader) })
    }
    const store = t.within(() => useCatalogueStore())
    await store.load()
    // The first download fails (offline): hanzi still search, the next search tries again.
    expect((await store.search({ q: '身份证' })).items.map((i) => i.code)).toEqual(['A'])
    await Promise.resolve()
    expect((await store.search({ q: 'sfz' })).total).toBe(0)
    expect(store.pinyinPending).toBe(true)
    expect(attempts).toBe(2)
    arrive()
    await vi.waitFor(() => expect(store.pinyinPending).toBe(false))
    expect((await store.search({ q: 'sfz' })).items.map((i) => i.code)).toEqual(['A'])
    expect((await store.search({ q: '社会' })).items.map((i) => i.code)).toEqual(['B'])
    expect(attempts).toBe(2)
  })
})
