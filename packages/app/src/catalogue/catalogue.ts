/**
 * The catalogue on the device: a snapshot of every item's summary, kept in
 * storage so search works offline and shows something at once; refreshed
 * from the BFF when reachable. Search runs locally with the core's index,
 * whose code is loaded on first search. Where the platform loads pinyin
 * apart (loadPinyin), the first searches run on a hanzi-only index while it
 * loads, and the index is rebuilt with pinyin once it is there.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import {
  API, ApiError, makeProblem,
  type Catalogue, type CatalogueSnapshot, type ItemListQuery, type ItemPage, type PinyinReader, type Problem,
} from '@tongban/core'
import { loadSearch, readJson, usePlatform, writeJson, type SearchModule } from '../platform/platform'

const KEY = 'tb.catalogue'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

interface StoredSnapshot {
  snapshot: CatalogueSnapshot
  savedAt: number
}

export function toProblem(e: unknown): Problem {
  return e instanceof ApiError ? e.problem : makeProblem('INTERNAL', { detail: String(e) })
}

export const useCatalogueStore = defineStore('catalogue', () => {
  const platform = usePlatform()
  const snapshot = shallowRef<CatalogueSnapshot | null>(null)
  const status = ref<LoadStatus>('idle')
  const error = ref<Problem | null>(null)
  /** When the shown snapshot was fetched. */
  const savedAt = ref<number | null>(null)
  /** The snapshot shown came from the device, not (yet) from the BFF. */
  const fromCache = ref(false)
  let pending: Promise<void> | null = null

  const departments = computed(() => snapshot.value?.departments ?? [])
  const halls = computed(() => snapshot.value?.halls ?? [])

  // The index is rebuilt only when the snapshot (or the pinyin) changes, and only once someone searches.
  let searchModule: Promise<SearchModule> | null = null
  let built: { source: CatalogueSnapshot; reader: PinyinReader | null; catalogue: Catalogue } | null = null
  watch(snapshot, () => { built = null })

  /** Searches run without the pinyin that loadPinyin is still fetching: letters may find more once it is in. */
  const pinyinPending = ref(false)
  let reader: PinyinReader | null = null
  let pinyinLoad: Promise<void> | null = null
  function startPinyin(load: () => Promise<PinyinReader>): void {
    pinyinPending.value = true
    pinyinLoad ??= load().then(
      (r) => { reader = r; pinyinPending.value = false },
      // Offline before the first download: hanzi search goes on, the next search tries again.
      () => { pinyinLoad = null },
    )
  }

  async function catalogue(): Promise<Catalogue | null> {
    const snap = snapshot.value
    if (!snap) return null
    if (platform.loadPinyin && !reader) startPinyin(platform.loadPinyin)
    if (built?.source === snap && built.reader === reader) return built.catalogue
    searchModule ??= loadSearch(platform)
    const { buildCatalogue } = await searchModule
    const r = reader
    built = { source: snap, reader: r, catalogue: platform.loadPinyin ? buildCatalogue(snap.items, r) : buildCatalogue(snap.items) }
    return built.catalogue
  }

  async function refresh(): Promise<void> {
    try {
      const fresh = await platform.api.call(API.catalogue.snapshot)
      if (!snapshot.value || fresh.version !== snapshot.value.version) snapshot.value = fresh
      savedAt.value = platform.now()
      fromCache.value = false
      error.value = null
      status.value = 'ready'
      await writeJson(platform.storage, KEY, { snapshot: fresh, savedAt: savedAt.value } satisfies StoredSnapshot)
    } catch (e) {
      error.value = toProblem(e)
      status.value = snapshot.value ? 'ready' : 'error'
    }
  }

  /** Shows the cached snapshot at once (if any), then refreshes. */
  function load(): Promise<void> {
    if (pending) return pending
    pending = (async () => {
      status.value = snapshot.value ? 'ready' : 'loading'
      if (!snapshot.value) {
        const cached = await readJson<StoredSnapshot>(platform.storage, KEY)
        if (cached?.snapshot?.items) {
          snapshot.value = cached.snapshot
          savedAt.value = cached.savedAt
          fromCache.value = true
          status.value = 'ready'
        }
      }
      await refresh()
    })().finally(() => { pending = null })
    return pending
  }

  async function search(query: ItemListQuery): Promise<ItemPage> {
    const c = await catalogue()
    if (!c) return { items: [], total: 0, page: 1, pageSize: query.pageSize ?? 20 }
    const { queryCatalogue } = await searchModule!
    return queryCatalogue(c, query)
  }

  return { snapshot, status, error, savedAt, fromCache, departments, halls, pinyinPending, load, refresh, search }
})
