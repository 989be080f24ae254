/**
 * Guides (办事指南) on the device: every guide once opened is kept, shown at
 * once on the next visit, revalidated with its ETag, and flagged as stale
 * when the BFF cannot be reached.
 */
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import type { ItemGuide, Problem } from '@tongban/core'
import { readJson, usePlatform, writeJson } from '../platform/platform'
import { toProblem, type LoadStatus } from './catalogue'

const keyOf = (code: string) => `tb.guide.${code}`

interface StoredGuide {
  item: ItemGuide
  etag: string | undefined
  fetchedAt: number
}

export interface GuideEntry {
  item: ItemGuide | null
  etag: string | undefined
  fetchedAt: number | null
  status: LoadStatus
  /** Shown from the device because the BFF could not be reached. */
  stale: boolean
  error: Problem | null
}

export const useGuideStore = defineStore('guides', () => {
  const platform = usePlatform()
  const entries = reactive<Record<string, GuideEntry>>({})

  /** The reactive entry for a code (created idle on first use). */
  function entry(code: string): GuideEntry {
    if (!entries[code]) entries[code] = { item: null, etag: undefined, fetchedAt: null, status: 'idle', stale: false, error: null }
    return entries[code]!
  }

  const inflight = new Map<string, Promise<GuideEntry>>()
  const seeded = new Set<string>()

  /**
   * A guide the BFF inlined in the page it served (a shared link opened
   * cold): shown at once, kept on the device, and not fetched again by the
   * open() that follows.
   */
  function seed(code: string, item: ItemGuide, etag: string | undefined): void {
    const e = entry(code)
    if (e.item && e.status === 'ready' && !e.stale) return
    Object.assign(e, { item, etag, fetchedAt: platform.now(), status: 'ready', stale: false, error: null } satisfies Partial<GuideEntry>)
    seeded.add(code)
    void writeJson(platform.storage, keyOf(code), { item, etag, fetchedAt: e.fetchedAt! } satisfies StoredGuide)
  }

  /** Loads (or revalidates) a guide; concurrent calls for one code share a request. */
  function open(code: string): Promise<GuideEntry> {
    if (seeded.delete(code)) return Promise.resolve(entry(code))
    let p = inflight.get(code)
    if (!p) {
      p = load(code).finally(() => inflight.delete(code))
      inflight.set(code, p)
    }
    return p
  }

  async function load(code: string): Promise<GuideEntry> {
    const e = entry(code)
    e.status = e.item ? 'ready' : 'loading'
    e.error = null
    if (!e.item) {
      const cached = await readJson<StoredGuide>(platform.storage, keyOf(code))
      if (cached?.item) Object.assign(e, { item: cached.item, etag: cached.etag, fetchedAt: cached.fetchedAt, status: 'ready' })
    }
    try {
      const res = await platform.api.getItem(code, e.item ? e.etag : undefined)
      if (!res.notModified) {
        e.item = res.item
        e.etag = res.etag
      }
      // Offline, a service worker may answer from its cache: that copy is as old as our last fetch.
      const online = platform.isOnline()
      if (online) e.fetchedAt = platform.now()
      else e.fetchedAt ??= platform.now()
      e.stale = !online
      e.status = 'ready'
      if (e.item) await writeJson(platform.storage, keyOf(code), { item: e.item, etag: e.etag, fetchedAt: e.fetchedAt } satisfies StoredGuide)
    } catch (err) {
      const problem = toProblem(err)
      if (problem.status === 404) {
        // The item was withdrawn: never keep showing an old copy of it.
        e.item = null
        await platform.storage.remove(keyOf(code))
      }
      e.error = problem
      e.stale = e.item !== null
      e.status = e.item ? 'ready' : 'error'
    }
    return e
  }

  return { entries, entry, open, seed }
})
