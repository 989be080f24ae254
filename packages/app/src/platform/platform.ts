/**
 * What differs between the PWA and the mini-program, behind one interface:
 * how to reach the BFF, where to keep things, whether we are online.
 * Each shell provides one at app level; stores inject it.
 */
import { inject, type InjectionKey } from 'vue'
import type { ApiClient, PinyinReader, QueueLiveEvent, Transport, UploadSource } from '@tongban/core'

export interface KeyValueStorage {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  remove(key: string): Promise<void>
}

export interface Platform {
  transport: Transport
  api: ApiClient
  storage: KeyValueStorage
  /** Best guess; a request can still fail when this says true. */
  isOnline(): boolean
  /** Epoch milliseconds; injected so tests control time. */
  now(): number
  /**
   * Loads the search code (pinyin tables, ~140 KB gzip) on first use, so it
   * stays out of the first load. Defaults to a dynamic import.
   */
  loadSearch?: () => Promise<SearchModule>
  /**
   * Loads the pinyin readings apart from the search code, where they are too
   * big to ship with it (the mini-program: an async subpackage, fetched on
   * the first search). Until they arrive the index is built without them:
   * hanzi queries find everything at once, letters match only as written,
   * and the catalogue store says `pinyinPending`; then it rebuilds the index.
   * Absent: the search code's own pinyin is used.
   */
  loadPinyin?: () => Promise<PinyinReader>
  /**
   * The mini-program keeps its bearer token in storage (its api client reads
   * it from there); the PWA's session is an HttpOnly cookie and this is false.
   */
  keepsToken?: boolean
  /**
   * Asks the platform to send queued submissions when the network returns,
   * even if the app is closed by then (Background Sync in the PWA, where the
   * browser has it). Without it, they go on the next open or online event.
   */
  requestBackgroundSync?: () => void
  /**
   * Shrinks a photo before upload: long side at most `maxSide` pixels, JPEG,
   * at most `maxBytes` where that stays readable. PDFs and files already
   * small enough come back as they are. Absent: photos are sent unchanged.
   */
  compressImage?: (file: UploadSource, opts: CompressOptions) => Promise<UploadSource>
  /**
   * Live word that a case has a new version (the PWA's event stream). Absent
   * (the mini-program: WeChat has no EventSource), useCaseUpdates polls.
   * Where the platform can tell, it calls `live(false)` when word cannot
   * come (the stream is down: useCaseUpdates polls meanwhile) and
   * `live(true)` when it comes again (it checks once, then stops polling);
   * a platform that never calls it is taken to be live. Returns what stops it.
   */
  watchCase?: (caseNo: string, changed: (version: number) => void, live?: (up: boolean) => void) => () => void
  /**
   * Live word that one of the signed-in citizen's cases moved on (我的办件
   * reloads its list on it), and again when the stream is back after being
   * down (word may have passed meanwhile); the same stream as watchCase.
   * Absent, the list shows what it loaded.
   */
  watchMyCases?: (changed: (caseNo: string) => void) => () => void
  /**
   * Live word of a new 消息中心 message for the signed-in citizen (its id;
   * the text is read from the 消息中心), and '' when the stream is back after
   * being down; the same stream. The badges and the 消息中心 read themselves
   * again on it. Absent, they show what they loaded.
   */
  watchMyMessages?: (arrived: (id: string) => void) => () => void
  /**
   * Live word that a ticket of this hall moved (taken, called, recalled,
   * served…): the hall's public stream. The hall's screen shows and speaks
   * calls from it; a ticket page reads where it stands again. `live` as for
   * watchCase. Absent (the mini-program), they poll.
   */
  watchHall?: (hallId: string, changed: (e: QueueLiveEvent) => void, live?: (up: boolean) => void) => () => void
  /**
   * Live word that the workbench's cases changed (a case reached, moved on
   * from or left one of this person's desks): the PWA's staff stream. The
   * list reloads on it, and when the stream is back after being down; absent,
   * it shows what it loaded.
   */
  watchWorkbench?: (changed: () => void) => () => void
}

export interface CompressOptions {
  maxBytes: number
  maxSide: number
}

/** The catalogue search code; its buildCatalogue reads pinyin with pinyin-pro unless given a reader or null. */
export type SearchModule = Pick<typeof import('@tongban/core/search'), 'buildCatalogue' | 'queryCatalogue'>

export function loadSearch(platform: Platform): Promise<SearchModule> {
  return platform.loadSearch ? platform.loadSearch() : import('@tongban/core/search')
}

export const PLATFORM_KEY: InjectionKey<Platform> = Symbol('tongban.platform')

export function usePlatform(): Platform {
  const p = inject(PLATFORM_KEY)
  if (!p) throw new Error('Platform not provided: call app.provide(PLATFORM_KEY, platform) first')
  return p
}

/** Reads JSON from storage; a corrupt entry counts as absent and is dropped. */
export async function readJson<T>(storage: KeyValueStorage, key: string): Promise<T | null> {
  const raw = await storage.get(key)
  if (raw === null) return null
  try {
    return JSON.parse(raw) as T
  } catch {
    await storage.remove(key)
    return null
  }
}

export async function writeJson(storage: KeyValueStorage, key: string, value: unknown): Promise<void> {
  try {
    await storage.set(key, JSON.stringify(value))
  } catch {
    // A full or unavailable storage must never break the page; the data is still in memory.
  }
}

/** In-memory storage for tests and for platforms without persistence. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return {
    data,
    async get(k) { return data.get(k) ?? null },
    async set(k, v) { data.set(k, v) },
    async remove(k) { data.delete(k) },
  }
}
