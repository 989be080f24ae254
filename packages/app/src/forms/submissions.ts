/**
 * Submitting an application once, even on a village signal. Each
 * submission gets an idempotency key when it is first tried and keeps it
 * until the BFF answers, so a double tap, a retry after a timeout, or a
 * replay after the app was closed all land on the same case. The pending
 * submission is written to the device before the first attempt; without a
 * network it waits there ("已排队，联网后自动提交") and is sent by flush(),
 * which the shells call when the app opens and when the network returns.
 */
import { defineStore } from 'pinia'
import { ref, type Ref } from 'vue'
import { API, ApiError, isTransient, makeProblem, type CaseDetail, type Problem, type SubmitCaseBody } from '@tongban/core'
import { readJson, usePlatform, writeJson } from '../platform/platform'
import { useDraftStore } from './drafts'
import { QUEUE_KEY, type PendingSubmission } from './queue'

export * from './queue'

export type SubmitOutcome =
  | { kind: 'submitted'; case: CaseDetail }
  | { kind: 'queued'; pending: PendingSubmission }
  | { kind: 'rejected'; problem: Problem }

/** 24 URL-safe characters from the platform's random source (crypto where there is one). */
export function newIdempotencyKey(random: (bytes: Uint8Array) => void = defaultRandom): string {
  const bytes = new Uint8Array(18)
  random(bytes)
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]! + abc[(n >> 6) & 63]! + abc[n & 63]!
  }
  return out
}

function defaultRandom(bytes: Uint8Array): void {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (c?.getRandomValues) c.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
}

function toProblem(e: unknown): Problem {
  return e instanceof ApiError ? e.problem : makeProblem('INTERNAL', { detail: e instanceof Error ? e.message : String(e) })
}

export interface SubmissionStore {
  pending: Ref<PendingSubmission[]>
  landed: Ref<CaseDetail[]>
  load(): Promise<void>
  submit(req: { itemCode: string; itemName: string; body: SubmitCaseBody }): Promise<SubmitOutcome>
  flush(): Promise<CaseDetail[]>
  pendingFor(itemCode: string): Promise<PendingSubmission | null>
}

export const useSubmissionStore = defineStore('submissions', (): SubmissionStore => {
  const platform = usePlatform()
  const drafts = useDraftStore()
  const pending = ref<PendingSubmission[]>([])
  /** Cases created by a flush, for the page that is showing them. */
  const landed = ref<CaseDetail[]>([])
  let loaded: Promise<void> | null = null
  let flushing: Promise<CaseDetail[]> | null = null

  function load(): Promise<void> {
    loaded ??= readJson<PendingSubmission[]>(platform.storage, QUEUE_KEY).then((saved) => {
      if (Array.isArray(saved)) pending.value = saved.filter((p) => typeof p?.key === 'string' && typeof p.body === 'object')
    })
    return loaded
  }

  const persist = () => writeJson(platform.storage, QUEUE_KEY, pending.value)

  async function settle(p: PendingSubmission): Promise<SubmitOutcome> {
    p.attempts += 1
    try {
      const created = await platform.api.call(API.cases.submit, { headers: { 'idempotency-key': p.key }, body: p.body })
      pending.value = pending.value.filter((x) => x.key !== p.key)
      await persist()
      await drafts.discard(p.itemCode)
      return { kind: 'submitted', case: created }
    } catch (e) {
      const problem = toProblem(e)
      if (isTransient(problem)) { // worth trying again with the same key
        p.lastError = problem.code === 'NETWORK' ? undefined : problem.title
        await persist()
        return { kind: 'queued', pending: p }
      }
      // The BFF said no to this content: it stays in the draft for the citizen to fix, under a new key next time.
      pending.value = pending.value.filter((x) => x.key !== p.key)
      await persist()
      return { kind: 'rejected', problem }
    }
  }

  /**
   * Submits, or queues when there is no network. A second call for the
   * same item while one is pending reuses its key (and sends the newer body,
   * which the BFF refuses if the first already landed with different content).
   */
  async function submit(req: { itemCode: string; itemName: string; body: SubmitCaseBody }): Promise<SubmitOutcome> {
    await load()
    let p = pending.value.find((x) => x.itemCode === req.itemCode)
    if (p) p.body = req.body
    else {
      p = { key: newIdempotencyKey(), itemCode: req.itemCode, itemName: req.itemName, body: req.body, queuedAt: platform.now(), attempts: 0 }
      pending.value = [...pending.value, p]
    }
    await persist()
    if (!platform.isOnline()) {
      platform.requestBackgroundSync?.()
      return { kind: 'queued', pending: p }
    }
    const out = await settle(p)
    if (out.kind === 'queued') platform.requestBackgroundSync?.()
    return out
  }

  /** Sends every queued submission once; the cases that landed are returned and kept in `landed`. */
  async function flush(): Promise<CaseDetail[]> {
    await load()
    flushing ??= (async () => {
      const done: CaseDetail[] = []
      for (const p of [...pending.value]) {
        const out = await settle(p)
        if (out.kind === 'submitted') done.push(out.case)
        if (out.kind === 'queued' && !out.pending.lastError) break // still offline: the rest would fail too
      }
      landed.value = [...done, ...landed.value]
      return done
    })().finally(() => { flushing = null })
    return flushing
  }

  async function pendingFor(itemCode: string): Promise<PendingSubmission | null> {
    await load()
    return pending.value.find((p) => p.itemCode === itemCode) ?? null
  }

  return { pending, landed, load, submit, flush, pendingFor }
})
