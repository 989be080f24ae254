/**
 * Copies of the citizen's own pages kept on this device — 我的办件, each
 * case opened, 我的证照 — so that without a signal they still show what
 * was last seen, with when it was saved (core savedCopyText). They belong
 * to the account that read them: the session store claims them for each
 * account it learns (another account's are wiped first) and wipes them as
 * soon as nobody is signed in, so a shared phone never shows one person's
 * cases to the next. A copy is only a picture: nothing is done from it.
 */
import type { Problem } from '@tongban/core'
import { readJson, writeJson, type KeyValueStorage, type Platform } from '../platform/platform'

const OWNER_KEY = 'tb.copies.owner'
const INDEX_KEY = 'tb.copies'
const keyOf = (name: string) => `tb.copy.${name}`
/** Cases opened on this phone whose copy is kept; the oldest goes first. */
export const MAX_CASE_COPIES = 20

/** What is kept: the list of cases, one case by number, the licences. */
export type CopyName = 'cases' | 'licences' | `case.${string}`

export interface OfflineCopy<T> {
  value: T
  /** Epoch ms (platform.now) when it was saved. */
  savedAt: number
}

interface IndexEntry {
  name: string
  savedAt: number
}

// One change of the index at a time, per storage: a list and a case saved together must both stay listed.
const queues = new WeakMap<KeyValueStorage, Promise<unknown>>()
function serial<T>(storage: KeyValueStorage, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(storage) ?? Promise.resolve()).then(task, task)
  queues.set(storage, run.catch(() => undefined))
  return run
}

async function readIndex(storage: KeyValueStorage): Promise<IndexEntry[]> {
  const index = await readJson<IndexEntry[]>(storage, INDEX_KEY)
  return Array.isArray(index) ? index.filter((e) => typeof e?.name === 'string') : []
}

/** Saves `value` as the copy named `name`; resolves with its time. */
export function keepCopy(platform: Platform, name: CopyName, value: unknown): Promise<number> {
  const { storage } = platform
  return serial(storage, async () => {
    const savedAt = platform.now()
    await writeJson(storage, keyOf(name), { value, savedAt } satisfies OfflineCopy<unknown>)
    let index = [{ name, savedAt }, ...(await readIndex(storage)).filter((e) => e.name !== name)]
    const cases = index.filter((e) => e.name.startsWith('case.'))
    for (const old of cases.slice(MAX_CASE_COPIES)) {
      await storage.remove(keyOf(old.name))
      index = index.filter((e) => e !== old)
    }
    await writeJson(storage, INDEX_KEY, index)
    return savedAt
  })
}

export async function readCopy<T>(platform: Platform, name: CopyName): Promise<OfflineCopy<T> | null> {
  const copy = await readJson<OfflineCopy<T>>(platform.storage, keyOf(name))
  return copy && typeof copy.savedAt === 'number' && copy.value !== undefined ? copy : null
}

/** Nobody is signed in (signed out, or the session ended): every copy goes. */
export function forgetCopies(storage: KeyValueStorage): Promise<void> {
  return serial(storage, async () => {
    for (const e of await readIndex(storage)) await storage.remove(keyOf(e.name))
    await storage.remove(INDEX_KEY)
    await storage.remove(OWNER_KEY)
  })
}

/**
 * Whether someone was signed in on this device when the app last knew (the offline copies have an owner): a
 * page that reads no account of its own (the home page's 消息 badge) asks the BFF who is signed in only then, so a
 * guest's phone never sends a request that can only answer 401.
 */
export async function signedInHereLastTime(storage: KeyValueStorage): Promise<boolean> {
  return (await storage.get(OWNER_KEY).catch(() => null)) !== null
}

/** `owner` is signed in: copies of anyone else are wiped, and from now on what is kept is theirs. */
export async function claimCopies(storage: KeyValueStorage, owner: string): Promise<void> {
  const held = await storage.get(OWNER_KEY)
  if (held === owner) return
  if (held !== null) await forgetCopies(storage)
  await storage.set(OWNER_KEY, owner).catch(() => undefined)
}

/**
 * What a page of the account's own shows after its read failed: signed out
 * on a 401 (every copy wiped first: the session has ended), the copy named
 * when there is no network, or nothing (an error to show).
 */
export async function afterFailedRead<T>(platform: Platform, problem: Problem, copy?: CopyName): Promise<'signedOut' | OfflineCopy<T> | null> {
  if (problem.status === 401) {
    await forgetCopies(platform.storage)
    return 'signedOut'
  }
  return copy && problem.code === 'NETWORK' ? readCopy<T>(platform, copy) : null
}
