/**
 * Application drafts on the device (issue 5: "nothing a user entered is
 * lost"): every change is written at once, per item, with the situation
 * answers and the form version it was filled against; a reload, a closed app
 * or a lost signal restores it. An index key lists the drafts for 我的办件.
 * (Saving drafts to the BFF as well comes with the drafts API.)
 */
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import type { Answers, FormValues } from '@tongban/core'
import { readJson, usePlatform, writeJson } from '../platform/platform'

const INDEX_KEY = 'tb.drafts'
const keyOf = (itemCode: string) => `tb.draft.${itemCode}`

export interface Draft {
  itemCode: string
  itemName: string
  /** The form schema version the values were entered against. */
  formVersion: number
  values: FormValues
  answers: Answers
  updatedAt: number
}

export type DraftSummary = Pick<Draft, 'itemCode' | 'itemName' | 'updatedAt'>

export const useDraftStore = defineStore('drafts', () => {
  const platform = usePlatform()
  const drafts = reactive<Record<string, Draft>>({})

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
  async function save(draft: Omit<Draft, 'updatedAt'>): Promise<Draft> {
    const saved: Draft = { ...draft, updatedAt: platform.now() }
    drafts[draft.itemCode] = saved
    await writeJson(platform.storage, keyOf(draft.itemCode), saved)
    await writeIndex({ itemCode: saved.itemCode, itemName: saved.itemName, updatedAt: saved.updatedAt })
    return saved
  }

  async function discard(itemCode: string): Promise<void> {
    delete drafts[itemCode]
    await platform.storage.remove(keyOf(itemCode))
    await writeIndex(null, itemCode)
  }

  /** Newest first, for 我的办件. */
  async function list(): Promise<DraftSummary[]> {
    return (await readIndex()).sort((a, b) => b.updatedAt - a.updatedAt)
  }

  return { drafts, open, save, discard, list }
})
