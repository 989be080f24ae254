/**
 * The PWA's Platform: axios to the same-origin BFF (uploads as FormData with
 * progress); what the citizen typed (drafts, queued submissions) in IndexedDB,
 * small settings and caches in localStorage; navigator.onLine for a first
 * guess at connectivity; canvas for shrinking photos; one EventSource per tab
 * and stream for live word of cases (live.ts).
 */
import axios, { type AxiosInstance } from 'axios'
import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import { API, createApiClient, encodeQuery, type Transport } from '@tongban/core'
import { SYNC_TAG } from '@tongban/app/queue'
import { QUEUE_DB, QUEUE_STORE } from './queue-db'
import { liveSource, whenBack } from './live'
import type { KeyValueStorage, Platform } from '@tongban/app'

export function axiosTransport(http: AxiosInstance = axios.create({ timeout: 15_000 })): Transport {
  return {
    async request(req) {
      // validateStatus: every status resolves; only a missing response rejects.
      const res = await http.request({
        method: req.method,
        url: req.url + encodeQuery(req.query),
        data: req.body,
        headers: req.headers,
        timeout: req.timeoutMs,
        validateStatus: () => true,
      })
      return { status: res.status, data: res.data, headers: headersOf(res.headers) }
    },
    async upload(req) {
      if (req.file.kind !== 'blob') throw new Error('the web transport uploads Blobs, not file paths')
      const blob = req.file.blob as Blob
      const form = new FormData()
      // Text fields first: the BFF takes them on either side, but first is what every server expects.
      for (const [k, v] of Object.entries(req.fields ?? {})) form.append(k, v)
      form.append('file', blob, req.file.name)
      const res = await http.request({
        method: 'POST',
        url: req.url,
        data: form,
        headers: req.headers,
        timeout: req.timeoutMs,
        validateStatus: () => true,
        onUploadProgress: (e) => req.onProgress?.({ loaded: e.loaded, total: e.total ?? blob.size }),
      })
      return { status: res.status, data: res.data, headers: headersOf(res.headers) }
    },
  }
}

function headersOf(raw: object): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(raw)) headers[k.toLowerCase()] = v == null ? undefined : String(v)
  return headers
}

export function localStorageKv(prefix = ''): KeyValueStorage {
  return {
    async get(k) {
      try { return localStorage.getItem(prefix + k) } catch { return null }
    },
    async set(k, v) {
      localStorage.setItem(prefix + k, v)
    },
    async remove(k) {
      try { localStorage.removeItem(prefix + k) } catch { /* storage unavailable */ }
    },
  }
}

/**
 * IndexedDB through idb-keyval: more room than localStorage, off the main
 * thread, and kept under storage pressure once persistence is granted.
 * Where IndexedDB is missing or broken (some private modes) it falls back.
 */
export function indexedDbKv(fallback: KeyValueStorage, store: UseStore | null = openStore()): KeyValueStorage {
  let db = store
  const guard = async <T>(fn: (s: UseStore) => Promise<T>, orElse: () => Promise<T>): Promise<T> => {
    if (!db) return orElse()
    try {
      return await fn(db)
    } catch {
      db = null
      return orElse()
    }
  }
  return {
    get: (k) => guard(async (s) => (await get<string>(k, s)) ?? (await fallback.get(k)), () => fallback.get(k)),
    set: (k, v) => guard((s) => set(k, v, s), () => fallback.set(k, v)),
    remove: (k) => guard(async (s) => { await del(k, s); await fallback.remove(k) }, () => fallback.remove(k)),
  }
}

function openStore(): UseStore | null {
  try {
    return typeof indexedDB === 'undefined' ? null : createStore(QUEUE_DB, QUEUE_STORE)
  } catch {
    return null
  }
}

/** Drafts and queued submissions are what a citizen typed: they go to IndexedDB. */
const USER_DATA = /^tb\.(draft|drafts|submissions)(\.|$)/

export function webStorage(): KeyValueStorage {
  const local = localStorageKv()
  const idb = indexedDbKv(local)
  const pick = (k: string) => (USER_DATA.test(k) ? idb : local)
  return {
    get: (k) => pick(k).get(k),
    set: (k, v) => pick(k).set(k, v),
    remove: (k) => pick(k).remove(k),
  }
}

export function webPlatform(): Platform {
  const transport = axiosTransport()
  const mine = liveSource(API.live.events.path)
  const desks = liveSource(API.live.staffEvents.path)
  // One stream per hall and tab (the screen, a ticket page): public, no session.
  const halls = new Map<string, ReturnType<typeof liveSource>>()
  const hallSource = (hallId: string) => {
    let source = halls.get(hallId)
    if (!source) halls.set(hallId, (source = liveSource(API.live.hallEvents.path.replace(':hallId', encodeURIComponent(hallId)))))
    return source
  }
  return {
    transport,
    api: createApiClient(transport),
    storage: webStorage(),
    isOnline: () => navigator.onLine,
    now: () => Date.now(),
    loadSearch: () => import('@tongban/core/search'),
    requestBackgroundSync,
    // Loaded on the first photo: the form pages that never see one do not pay for it.
    compressImage: async (file, opts) => (await import('./compress-image')).compressImage(file, opts),
    watchCase: (caseNo, changed, live) => mine.listen({
      event: (e) => { if (e.type === 'case' && e.caseNo === caseNo) changed(e.version) },
      ...(live ? { live } : {}),
    }),
    watchMyCases: (changed) => mine.listen({ event: (e) => { if (e.type === 'case') changed(e.caseNo) }, live: whenBack(() => changed('')) }),
    watchMyMessages: (arrived) => mine.listen({ event: (e) => { if (e.type === 'message') arrived(e.id) }, live: whenBack(() => arrived('')) }),
    watchHall: (hallId, changed, live) => hallSource(hallId).listen({
      event: (e) => { if (e.type === 'queue' && e.hallId === hallId) changed(e) },
      ...(live ? { live } : {}),
    }),
    watchWorkbench: (changed) => desks.listen({ event: (e) => { if (e.type === 'case') changed() }, live: whenBack(changed) }),
  }
}

/** Background Sync where the browser has it (Chromium); elsewhere the queue goes on the next open. */
function requestBackgroundSync(): void {
  if (!('serviceWorker' in navigator)) return
  void navigator.serviceWorker.ready
    .then((reg) => (reg as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(SYNC_TAG))
    .catch(() => { /* no sync: the app sends the queue when it opens or the network returns */ })
}
