/**
 * Sending what the outbox holds (store/outbox.ts). Each kind of job has one
 * handler; a job is claimed under a lease in a short transaction and sent
 * outside it, so a slow outside system never holds a transaction open (on
 * the embedded database's one connection that would stall every request).
 * A failure the handler calls retryable is tried again after an exponential
 * back-off with jitter (so a recovering system is not hit by every sender at
 * once); after `maxAttempts`, or at once when it cannot succeed, the job is
 * dead-lettered: staff see it and may resend it.
 *
 * Some kinds are done at once after the commit that queued them, in the
 * request (`immediate`: a notice's 文号 is taken in the order decisions are
 * taken); the rest wait for the dispatcher, which a commit kicks.
 */
import type { Db, Queryable } from '../store/db'
import { outboxRepo, type OutboxRow } from '../store/outbox'

/** `retryAfterMs`: when the other side said how long to wait (a rate limit; SMS held for the night) instead of the back-off. */
export type SendResult =
  | { ok: true; externalId?: string | null }
  /** `planned`: a wait the handler chose (SMS held for the night), not a failure: logged as information, not a warning. */
  | { ok: false; retry: boolean; error: string; retryAfterMs?: number; planned?: boolean }

export interface OutboxKind<P = Record<string, unknown>> {
  kind: string
  send(job: OutboxRow & { payload: P }): Promise<SendResult>
  /**
   * Several jobs at once, one result per job in their order: when a kind has it, the jobs of a claimed
   * batch that are ready in the same turn (each case's next one) go to it together — what each would
   * read or write on its own, read and written once (the messages: 5,000 of them a few statements a
   * batch instead of ten each).
   */
  sendMany?(jobs: readonly (OutboxRow & { payload: P })[]): Promise<SendResult[]>
  /** Tries before a job is dead-lettered (default 8). */
  maxAttempts?: number
  /** The wait before try n+1, before jitter (default 5 s·2ⁿ, at most 10 minutes). */
  backoffMs?: (attempts: number) => number
  /** Done in the request, right after the commit that queued it. */
  immediate?: boolean
  /** How long a claimed job is this sender's (default 5 minutes: well past a connector's timeout for a batch). */
  leaseMs?: number
}

export interface DispatchOutcome { sent: number; retried: number; dead: number }

/** A job as enqueue() wrote it. */
export interface QueuedJob { id: string; kind: string }

export const MAX_ATTEMPTS = 8
export const backoffMs = (attempts: number) => Math.min(5_000 * 2 ** attempts, 600_000)
export const LEASE_MS = 5 * 60_000
/**
 * Jobs claimed in one transaction and sent at once: what a sender that dies may have sent without
 * recording it (so at most this many are sent twice per crash).
 */
export const BATCH = 50

/** Between half the back-off and all of it: never later than `backoffMs` says, never all senders at once. */
export function withJitter(ms: number, random: () => number): number {
  return Math.round(ms / 2 + (ms / 2) * random())
}

export interface OutboxOptions {
  db: Db
  now: () => number
  log: { info?(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void }
  /** Jitter's source; tests pass a fixed one. */
  random?: () => number
}

export interface Outbox {
  register<P>(kind: OutboxKind<P>): void
  /** A job due now (or at `at`), written in the caller's transaction: it exists only if that commits. */
  enqueue(tx: Queryable, kind: string, job: { caseId?: string | null; payload: unknown; at?: Date }): Promise<string>
  /** After the commit that queued these jobs: the immediate ones done now, the dispatcher woken for the rest. */
  committed(jobs: readonly QueuedJob[]): Promise<void>
  /** Sends what is due of these kinds (all registered kinds by default) at `at`. */
  dispatch(opts?: { kinds?: readonly string[]; at?: number }): Promise<DispatchOutcome>
  /** Wakes the dispatcher soon (when it runs in this process). */
  kick(): void
  /** Runs the dispatcher every `intervalMs` in this process (the worker's job). */
  start(intervalMs: number): void
  stop(): void
  kinds(): string[]
}

/**
 * Calls made in one turn of the event loop, answered by one call of `flush` with all of them (in the
 * order made): every case's first job of a claimed batch reaches its send in the same turn, and their
 * "sent" marks come back in one turn too.
 */
export function turnBatcher<I, O>(flush: (items: I[]) => Promise<O[]>): (item: I) => Promise<O> {
  let pending: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = []
  return (item) => new Promise<O>((resolve, reject) => {
    if (!pending.length) {
      setImmediate(() => {
        const batch = pending
        pending = []
        flush(batch.map((p) => p.item)).then((outs) => {
          if (outs.length !== batch.length) throw new Error(`${outs.length} results for ${batch.length} calls`)
          batch.forEach((p, i) => p.resolve(outs[i]!))
        }).catch((e: unknown) => batch.forEach((p) => p.reject(e)))
      })
    }
    pending.push({ item, resolve, reject })
  })
}

export function createOutbox(opts: OutboxOptions): Outbox {
  const { db, now, log } = opts
  const random = opts.random ?? Math.random
  const handlers = new Map<string, OutboxKind<never>>()
  let timer: NodeJS.Timeout | null = null
  let soon: NodeJS.Timeout | null = null
  let running: Promise<unknown> | null = null

  const handlerOf = (kind: string) => {
    const h = handlers.get(kind)
    if (!h) throw new Error(`no outbox handler for ${kind}`)
    return h as unknown as OutboxKind
  }

  /** One settleAll's batching: each kind's sends (where it has sendMany) and the jobs' "sent" marks. */
  interface Turn {
    send(h: OutboxKind, row: OutboxRow): Promise<SendResult>
    markSent(job: { id: string; externalId: string | null }): Promise<void>
  }

  function turn(): Turn {
    const senders = new Map<string, (row: OutboxRow) => Promise<SendResult>>()
    const markSent = turnBatcher(async (jobs: { id: string; externalId: string | null }[]) => {
      await outboxRepo(db).sentMany(jobs, new Date(now()))
      return jobs.map(() => undefined)
    })
    return {
      send(h, row) {
        const many = h.sendMany
        if (!many) return h.send(row)
        let sender = senders.get(h.kind)
        if (!sender) senders.set(h.kind, sender = turnBatcher((rows: OutboxRow[]) => many.call(h, rows)))
        return sender(row)
      },
      markSent,
    }
  }

  async function settle(row: OutboxRow, out: DispatchOutcome, batch: Turn): Promise<void> {
    const h = handlerOf(row.kind)
    const repo = outboxRepo(db)
    const res = await batch.send(h, row).catch((e: unknown): SendResult => ({ ok: false, retry: true, error: e instanceof Error ? e.message : String(e) }))
    const context = { kind: row.kind, job: row.id, caseNo: row.case_no, attempts: row.attempts + 1 }
    if (res.ok) {
      await batch.markSent({ id: row.id, externalId: res.externalId ?? null })
      out.sent++
    } else if (res.retry && row.attempts + 1 < (h.maxAttempts ?? MAX_ATTEMPTS)) {
      await repo.retryLater(row.id, res.error, new Date(now() + (res.retryAfterMs ?? withJitter((h.backoffMs ?? backoffMs)(row.attempts), random))))
      if (res.planned) log.info?.({ ...context, reason: res.error }, 'outbox job waits as planned')
      else log.warn({ ...context, error: res.error }, 'outbox job failed; will try again')
      out.retried++
    } else {
      await repo.dead(row.id, res.error, new Date(now()))
      log.error({ ...context, error: res.error }, 'outbox job dead-lettered')
      out.dead++
    }
  }

  /**
   * A claimed batch at once — sent one after another, a batch of slow outside calls would take its
   * length times one call — except that one case's jobs go in the order they were queued, one at a
   * time (a handover before the next one, "accepted" before "decided"). Every job is settled before
   * the next claim, whatever another did.
   */
  async function settleAll(rows: readonly OutboxRow[], out: DispatchOutcome): Promise<void> {
    const byCase = new Map<string, OutboxRow[]>()
    for (const row of rows) {
      const key = row.case_id ?? `job:${row.id}`
      byCase.set(key, [...(byCase.get(key) ?? []), row])
    }
    const batch = turn()
    const results = await Promise.allSettled([...byCase.values()].map(async (jobs) => {
      for (const row of jobs) await settle(row, out, batch)
    }))
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failed) throw failed.reason
  }

  async function drain(scope: { kinds: readonly string[] } | { ids: readonly string[] }, at: number): Promise<DispatchOutcome> {
    const out = { sent: 0, retried: 0, dead: 0 }
    const lease = Math.max(...[...handlers.values()].map((h) => h.leaseMs ?? LEASE_MS), LEASE_MS)
    for (;;) {
      const due = await db.transaction((tx) => outboxRepo(tx).claimDue(scope, new Date(at), BATCH, new Date(now() + lease)))
      await settleAll(due, out)
      if (due.length < BATCH) return out
    }
  }

  /** One pass at a time in this process; other processes skip the rows this one holds. */
  async function serialised<T>(fn: () => Promise<T>): Promise<T> {
    while (running) await running.catch(() => undefined)
    const p = fn()
    running = p
    try {
      return await p
    } finally {
      running = null
    }
  }

  const outbox: Outbox = {
    register(kind) {
      if (handlers.has(kind.kind)) throw new Error(`outbox kind ${kind.kind} registered twice`)
      handlers.set(kind.kind, kind as unknown as OutboxKind<never>)
    },
    async enqueue(tx, kind, job) {
      handlerOf(kind)
      return outboxRepo(tx).enqueue(kind, job.caseId ?? null, job.payload, job.at ?? new Date(now()))
    },
    async committed(jobs) {
      if (!jobs.length) return
      const immediate = jobs.filter((j) => handlers.get(j.kind)?.immediate).map((j) => j.id)
      if (immediate.length) {
        await serialised(() => drain({ ids: immediate }, now()))
          .catch((err: unknown) => log.error({ err }, 'outbox: sending after commit failed; the dispatcher tries again'))
      }
      if (immediate.length < jobs.length) outbox.kick()
    },
    dispatch(o = {}) {
      return serialised(() => drain({ kinds: o.kinds ?? [...handlers.keys()] }, o.at ?? now()))
    },
    kick() {
      if (!timer || soon) return
      soon = setTimeout(() => {
        soon = null
        outbox.dispatch().catch((err: unknown) => log.error({ err }, 'outbox dispatch failed'))
      }, 50)
    },
    start(intervalMs) {
      if (timer || intervalMs <= 0) return
      timer = setInterval(() => outbox.kick(), intervalMs)
      timer.unref()
    },
    stop() {
      if (timer) clearInterval(timer)
      if (soon) clearTimeout(soon)
      timer = soon = null
    },
    kinds: () => [...handlers.keys()],
  }
  return outbox
}
