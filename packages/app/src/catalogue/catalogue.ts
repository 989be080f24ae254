/**
 * The catalogue on the device: a snapshot of every item's summary, kept in
 * storage so search works offline and shows something at once; refreshed
 * from the BFF when reachable. Search runs locally with the core's index.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  ApiError, buildCatalogue, makeProblem, queryCatalogue,
  type CatalogueSnapshot, type ItemListQuery, type ItemPage, type Problem,
} from '@tongban/core'
import { readJson, usePlatform, writeJson } from '../platform/platform'

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
  /** When the shown snapshot was fetched; older than this session means possibly stale. */
  const savedAt = ref<number | null>(null)
  const fromCache = ref(false)
  let pending: Promise<void> | null = null

  const catalogue = computed(() => (snapshot.value ? buildCatalogue(snapshot.value.items) : null))
  const departments = computed(() => snapshot.value?.departments ?? [])
  const halls = computed(() => snapshot.value?.halls ?? [])

  async function refresh(): Promise<void> {
    try {
      const fresh = await platform.api.catalogue()
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

  function search(query: ItemListQuery): ItemPage {
    if (!catalogue.value) return { items: [], total: 0, page: 1, pageSize: query.pageSize ?? 20 }
    return queryCatalogue(catalogue.value, query)
  }

  return { snapshot, status, error, savedAt, fromCache, catalogue, departments, halls, load, refresh, search }
})
