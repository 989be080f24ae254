/**
 * Application drafts on the device (issue 5: "nothing a user entered is
 * lost"): every change is written at once, per item, with the situation
 * answers and the form version it was filled against; a reload, a closed app
 * or a lost signal restores it. An index key lists the drafts for 我的办件.
 * Signed in and online, each draft is also kept by the BFF (a moment after
 * the last change), so it follows the citizen to another device; of two
 * copies, the one changed last wins.
 */
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import { API, ApiError, type DraftRecord } from '@tongban/core'
import { readJson, usePlatform, writeJson } from '../platform/platform'

const INDEX_KEY = 'tb.drafts'
const keyOf = (itemCode: string) => `tb.draft.${itemCode}`

/** The same shape on the device as on the BFF: values, situation answers, the form version, when. */
export type Draft = DraftRecord

export type DraftSummary = Pick<Draft, 'itemCode' | 'itemName' | 'updatedAt'>

/** Milliseconds after the last change before the draft goes to the BFF. */
export const REMOTE_SAVE_DELAY = 1500

export const useDraftStore = defineStore('drafts', () => {
  const platform = usePlatform()
  const drafts = reactive<Record<string, Draft>>({})
  const timers = new Map<string, unknown>()
  /** Set once the BFF says we are not signed in: stop trying until a pull succeeds. */
  let remoteOff = false

  async function readIndex(): Promise<DraftSummary[]> {
    const index = await readJson<DraftSummary[]>(platform.storage, INDEX_KEY)
    return Array.isArray(index) ? index : []
  }

  async function writeIndex(summary: DraftSummary | null, remove?: string): Promise<void> {
    const others = (await readIndex()).filter((d) => d.itemCode !== (summary?.itemCode ?? remove))
    await writeJson(platform.storage, INDEX_KEY, summary ? [summary, ...others] : others)
  }

  /** The saved draft of an item, if any (from memory, else from the device). */
  async function open(itemCode: string): Promise<Draft | null> {
    if (drafts[itemCode]) return drafts[itemCode]!
    const saved = await readJson<Draft>(platform.storage, keyOf(itemCode))
    if (!saved || typeof saved.values !== 'object' || saved.values === null) return null
    drafts[itemCode] = saved
    return drafts[itemCode]!
  }

  /** Keeps the latest values; written to the device before it resolves. */
  /**
   * `key` (default: the item code) names the draft on the device; `private`
   * keeps it off the BFF and out of 我的办件 (an agent's draft for a resident).
   */
  async function save(draft: Omit<Draft, 'updatedAt'>, opts: { key?: string; private?: boolean } = {}): Promise<Draft> {
    const key = opts.key ?? draft.itemCode
    const saved: Draft = { ...draft, updatedAt: platform.now() }
    drafts[key] = saved
    await writeJson(platform.storage, keyOf(key), saved)
    if (opts.private) return saved
    await writeIndex({ itemCode: saved.itemCode, itemName: saved.itemName, updatedAt: saved.updatedAt })
    scheduleRemote(saved.itemCode)
    return saved
  }

  function scheduleRemote(itemCode: string): void {
    if (remoteOff) return
    clearTimeout(timers.get(itemCode))
    timers.set(itemCode, setTimeout(() => { void pushRemote(itemCode) }, REMOTE_SAVE_DELAY))
  }

  /** Sends the draft to the BFF now; false when it could not (offline, signed out). Never throws. */
  async function pushRemote(itemCode: string): Promise<boolean> {
    clearTimeout(timers.get(itemCode))
    timers.delete(itemCode)
    const d = drafts[itemCode]
    if (!d || remoteOff || !platform.isOnline()) return false
    try {
      const { itemCode: code, ...body } = d
      await platform.api.call(API.drafts.save, { params: { code }, body })
      return true
    } catch (e) {
      if (e instanceof ApiError && e.problem.status === 401) remoteOff = true
      return false
    }
  }

  /**
   * Fetches the drafts the BFF keeps and takes each one that is newer than
   * the device's (another phone, a reinstalled app). Never throws.
   */
  async function pullRemote(): Promise<number> {
    let remote
    try {
      remote = await platform.api.call(API.drafts.list)
    } catch {
      return 0
    }
    remoteOff = false
    let taken = 0
    for (const r of remote) {
      const local = await open(r.itemCode)
      if (local && local.updatedAt >= r.updatedAt) continue
      drafts[r.itemCode] = { ...r }
      await writeJson(platform.storage, keyOf(r.itemCode), drafts[r.itemCode])
      await writeIndex({ itemCode: r.itemCode, itemName: r.itemName, updatedAt: r.updatedAt })
      taken++
    }
    return taken
  }

  async function discard(itemCode: string): Promise<void> {
    clearTimeout(timers.get(itemCode))
    timers.delete(itemCode)
    // A fresh app (我的办件 opened first) has the draft only in storage: without asking the BFF to drop its
    // copy too, the next pullRemote would bring the deleted draft back. Private drafts (an agent's, keyed
    // `agent:<consent>`) were never on the BFF.
    const known = drafts[itemCode] ?? (await open(itemCode))
    if (known && !remoteOff && platform.isOnline() && /^[A-Za-z0-9-]+$/.test(itemCode)) {
      try { await platform.api.call(API.drafts.remove, { params: { code: itemCode } }) } catch { /* gone already (404), or the BFF drops it on submit anyway */ }
    }
    delete drafts[itemCode]
    await platform.storage.remove(keyOf(itemCode))
    await writeIndex(null, itemCode)
  }

  /** Newest first, for 我的办件. */
  async function list(): Promise<DraftSummary[]> {
    return (await readIndex()).sort((a, b) => b.updatedAt - a.updatedAt)
  }

  return { drafts, open, save, discard, list, pushRemote, pullRemote }
})
