/**
 * Background Sync of the submission queue. The app writes its queue to
 * IndexedDB (QUEUE_DB/QUEUE_STORE, key QUEUE_KEY, a JSON string of
 * PendingSubmission[]) and registers SYNC_TAG when it queues one without a
 * network; the browser wakes this worker when the network is back, even
 * with the app closed. Each submission carries its idempotency key, so the
 * app sending the same one again on its next open lands on the same case.
 * What is worth trying again is the core's rule (isTransient), as in the app.
 */
import { API, isProblem, isTransient } from '@tongban/core'
import { QUEUE_KEY, type PendingSubmission, type SubmittedMessage } from '@tongban/app/queue'
import { QUEUE_DB, QUEUE_STORE } from '../platform/queue-db'

declare global {
  /** Background Sync (Chromium): not in TypeScript's WebWorker library. */
  interface SyncEvent extends ExtendableEvent {
    readonly tag: string
    readonly lastChance: boolean
  }
  interface ServiceWorkerGlobalScopeEventMap {
    sync: SyncEvent
  }
}

function idb<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(QUEUE_DB)
    open.onupgradeneeded = () => open.result.createObjectStore(QUEUE_STORE)
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction(QUEUE_STORE, mode)
      const req = fn(tx.objectStore(QUEUE_STORE))
      tx.oncomplete = () => { open.result.close(); resolve(req ? req.result : undefined) }
      tx.onerror = () => { open.result.close(); reject(tx.error) }
    }
  })
}

/** The queue as stored; a corrupt entry reads as null (the app drops it on its next open). */
async function readQueue(): Promise<PendingSubmission[] | null> {
  const raw = await idb<string>('readonly', (s) => s.get(QUEUE_KEY))
  if (!raw) return []
  try {
    const queue: unknown = JSON.parse(raw)
    return Array.isArray(queue) ? (queue as PendingSubmission[]) : null
  } catch {
    return null
  }
}

/** Is this answer worth trying again later: by the problem's code where the BFF sent one, else by status. */
async function transient(res: Response): Promise<boolean> {
  const body: unknown = await res.json().catch(() => null)
  return isTransient({ status: res.status, code: isProblem(body) ? String((body as { code?: unknown }).code ?? '') : '' })
}

/** What sending the queue needs from the worker: the stored queue, the network, and the open pages. */
export interface QueueIo {
  read(): Promise<PendingSubmission[] | null>
  write(queue: PendingSubmission[]): Promise<void>
  fetch(url: string, init: RequestInit): Promise<Response>
  notify(message: SubmittedMessage): Promise<void>
}

/** The worker's own: IndexedDB, fetch, postMessage to every window. */
export function workerIo(sw: ServiceWorkerGlobalScope): QueueIo {
  return {
    read: readQueue,
    write: async (queue) => { await idb('readwrite', (s) => { s.put(JSON.stringify(queue), QUEUE_KEY) }) },
    fetch: (url, init) => fetch(url, init),
    notify: async (message) => { for (const c of await sw.clients.matchAll({ type: 'window' })) c.postMessage(message) },
  }
}

/**
 * Sends each queued submission once, in order, and stops at the first that
 * finds no network. Throws while some are still worth trying, so the
 * browser fires the sync again later.
 */
export async function sendQueued(io: QueueIo): Promise<void> {
  const queue = await io.read()
  if (!queue?.length) return
  const sent: string[] = []
  let retry = false
  for (const p of queue) {
    let res: Response
    try {
      res = await io.fetch(API.cases.submit.path, {
        method: API.cases.submit.method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'idempotency-key': p.key },
        body: JSON.stringify(p.body),
      })
    } catch {
      retry = true
      break
    }
    // Landed (201) or landed before (200): done. A refusal stays for the app to show; a transient failure is retried later.
    if (res.ok) sent.push(p.key)
    else if (await transient(res)) retry = true
  }
  if (sent.length) {
    // Read again: the app may have changed the queue meanwhile.
    await io.write(((await io.read()) ?? []).filter((p) => !sent.includes(p.key)))
    await io.notify({ type: 'tb-submitted', keys: sent })
  }
  if (retry) throw new Error('queued submissions still waiting for the network')
}
