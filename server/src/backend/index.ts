/**
 * ApprovalBackend: where a case is worked after the window accepts it.
 *
 * - `builtin`: on our own tables — departments work the case on our
 *   workbench (/staff), and every step is an event there.
 * - `http`: an existing approval system does the departments' work. We hand
 *   the accepted case over through an outbox (nothing is lost if it is down)
 *   and its signed webhooks become our events (http/webhook.ts), so the
 *   citizen's timeline and clocks read the same either way. Our workbench
 *   then keeps only the window's steps (pre-review, acceptance, supplement,
 *   refusal, 办结).
 */
import { materialRefs, type CaseEventBody } from '@tongban/core'
import type { ActContext } from '../cases/act'
import type { Db } from '../store/db'
import { backendRepo } from '../store/backend'
import type { ApprovalClient } from './http/client'
import { withDownloads, type StoredHandover } from './http/contract'

export type BackendKind = 'builtin' | 'http'

/** The steps an approval system takes in `http` mode; our workbench does not offer them there. */
export const DEPARTMENT_EVENTS: ReadonlySet<CaseEventBody['type']> = new Set(['advance_branch', 'decide_branch', 'pause_branch', 'resume_branch', 'extend'])

export interface DispatchOutcome { sent: number; retried: number; dead: number }

export interface ApprovalBackend {
  readonly kind: BackendKind
  /** May staff take this step on our workbench? */
  onWorkbench(type: CaseEventBody['type']): boolean
  /** In the acting transaction, after the events are written. */
  recorded(ctx: ActContext): Promise<void>
  /** Hand over what is due now; the tests call it, a timer calls it otherwise. */
  dispatch(now?: number): Promise<DispatchOutcome>
  /** After a commit that may have queued something: send it soon (when the timer runs). */
  kick(): void
  start(intervalMs: number): void
  stop(): void
}

export function builtinBackend(): ApprovalBackend {
  return {
    kind: 'builtin',
    onWorkbench: () => true,
    recorded: async () => {},
    dispatch: async () => ({ sent: 0, retried: 0, dead: 0 }),
    kick: () => {},
    start: () => {},
    stop: () => {},
  }
}

/** Tries before a handover is dead-lettered, and the wait before try n+1: 5 s·2ⁿ, at most 10 minutes. */
export const MAX_ATTEMPTS = 8
export const backoffMs = (attempts: number) => Math.min(5_000 * 2 ** attempts, 600_000)
/** How long a claimed handover is this sender's: well past the client's 10-second timeout for a batch of 10. */
export const LEASE_MS = 5 * 60_000

export interface HttpBackendOptions {
  db: Db
  client: ApprovalClient
  now?: () => number
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void }
  /** Signs the materials' download links: our public origin (read when sending) and the shared secret. */
  downloads: { origin: () => string; secret: string }
}

export function httpBackend(opts: HttpBackendOptions): ApprovalBackend {
  const now = opts.now ?? Date.now
  let timer: NodeJS.Timeout | null = null
  let running: Promise<DispatchOutcome> | null = null
  let soon: NodeJS.Timeout | null = null

  async function dispatchOnce(at: number): Promise<DispatchOutcome> {
    const out = { sent: 0, retried: 0, dead: 0 }
    for (;;) {
      // Claimed (leased) in a short transaction; sent outside it, so a slow approval system never holds a
      // transaction open — on the embedded database's one connection that would stall every request.
      const due = await opts.db.transaction((tx) => backendRepo(tx).claimDue(new Date(at), 10, new Date(now() + LEASE_MS)))
      const repo = backendRepo(opts.db)
      for (const row of due) {
        const res = await opts.client.handover(withDownloads(row.payload as unknown as StoredHandover, opts.downloads.origin(), opts.downloads.secret, now()))
        if (res.ok) {
          await repo.sent(row.id, res.externalId, new Date(now()))
          out.sent++
        } else if (res.retry && row.attempts + 1 < MAX_ATTEMPTS) {
          await repo.retryLater(row.id, res.error, new Date(now() + backoffMs(row.attempts)))
          opts.log?.warn({ caseNo: row.case_no, attempts: row.attempts + 1, error: res.error }, 'approval handover failed; will try again')
          out.retried++
        } else {
          await repo.dead(row.id, res.error, new Date(now()))
          opts.log?.error({ caseNo: row.case_no, attempts: row.attempts + 1, error: res.error }, 'approval handover dead-lettered')
          out.dead++
        }
      }
      if (due.length < 10) return out
    }
  }

  const backend: ApprovalBackend = {
    kind: 'http',
    onWorkbench: (type) => !DEPARTMENT_EVENTS.has(type),
    async recorded(ctx) {
      const accept = ctx.added.find((e) => e.type === 'accept')
      if (!accept || accept.type !== 'accept') return
      const { row, item, departmentName: name } = ctx
      const refs = materialRefs(row.form, row.form_values)
      const payload: StoredHandover = {
        caseNo: row.case_no,
        itemCode: row.item_code,
        itemName: row.item_name,
        departments: accept.departments.map((code) => ({ code, name: name(code) })),
        acceptedAt: accept.at,
        acceptedDay: accept.day,
        decisionDeadline: ctx.after.deadline,
        promisedDays: item?.promisedDays ?? 20,
        statutoryDays: item ? item.statutoryDays : 20,
        form: { version: row.form_version, values: row.form_values as Record<string, unknown> },
        materials: row.materials.map(({ field, label, kind, title }) => {
          const ref = refs.find((r) => r.path === field)
          return { field, label, kind, title, ...(ref?.value.kind === 'upload' ? { fileId: ref.value.fileId } : {}) }
        }),
      }
      await backendRepo(ctx.tx).enqueue(row.id, 'handover', payload, new Date(accept.at))
    },
    async dispatch(at = now()) {
      // One pass at a time in this process; other instances skip the rows this one holds.
      while (running) await running.catch(() => undefined)
      running = dispatchOnce(at)
      try {
        return await running
      } finally {
        running = null
      }
    },
    kick() {
      if (!timer || soon) return
      soon = setTimeout(() => {
        soon = null
        backend.dispatch().catch((e: unknown) => opts.log?.error({ err: e }, 'approval dispatch failed'))
      }, 50)
    },
    start(intervalMs) {
      if (timer || intervalMs <= 0) return
      timer = setInterval(() => backend.kick(), intervalMs)
      timer.unref()
    },
    stop() {
      if (timer) clearInterval(timer)
      if (soon) clearTimeout(soon)
      timer = soon = null
    },
  }
  return backend
}
