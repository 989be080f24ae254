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
import type { CaseEffect } from '../cases/effects'
import type { DispatchOutcome, Outbox } from '../outbox/outbox'
import type { ApprovalClient } from './http/client'
import { withDownloads, type StoredHandover } from './http/contract'

export { backoffMs, MAX_ATTEMPTS, type DispatchOutcome } from '../outbox/outbox'

export type BackendKind = 'builtin' | 'http'

/** The outbox kind of a handover. */
export const HANDOVER = 'approval.handover'

/** The steps an approval system takes in `http` mode; our workbench does not offer them there. */
export const DEPARTMENT_EVENTS: ReadonlySet<CaseEventBody['type']> = new Set(['advance_branch', 'decide_branch', 'pause_branch', 'resume_branch', 'extend'])

export interface ApprovalBackend {
  readonly kind: BackendKind
  /** May staff take this step on our workbench? */
  onWorkbench(type: CaseEventBody['type']): boolean
  /** What an accepted case sets off (the handover, queued in the outbox); none for `builtin`. */
  readonly effects: readonly CaseEffect[]
  /** Hands over what is due at `at` (now by default); the tests call it, the outbox dispatcher otherwise. */
  dispatch(at?: number): Promise<DispatchOutcome>
}

export function builtinBackend(): ApprovalBackend {
  return {
    kind: 'builtin',
    onWorkbench: () => true,
    effects: [],
    dispatch: async () => ({ sent: 0, retried: 0, dead: 0 }),
  }
}

export interface HttpBackendOptions {
  outbox: Outbox
  client: ApprovalClient
  now: () => number
  /** Signs the materials' download links: our public origin (read when sending) and the shared secret. */
  downloads: { origin: () => string; secret: string }
}

export function httpBackend(opts: HttpBackendOptions): ApprovalBackend {
  const { outbox, now } = opts
  outbox.register<StoredHandover>({
    kind: HANDOVER,
    async send(job) {
      const res = await opts.client.handover(withDownloads(job.payload, opts.downloads.origin(), opts.downloads.secret, now()))
      return res.ok ? { ok: true, externalId: res.externalId } : { ok: false, retry: res.retry, error: res.error }
    },
  })
  const handover: CaseEffect = {
    name: 'approval-handover',
    async run(ctx) {
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
      await ctx.enqueue(HANDOVER, payload)
    },
  }
  return {
    kind: 'http',
    onWorkbench: (type) => !DEPARTMENT_EVENTS.has(type),
    effects: [handover],
    dispatch: (at) => outbox.dispatch({ kinds: [HANDOVER], ...(at === undefined ? {} : { at }) }),
  }
}
