/**
 * The outbox as staff see it (未完成的发送): every job sent after a case's
 * event that has not gone through — a case handed to the approval system,
 * a notice to issue, later messages and parcels — and sending a stopped
 * one again. Each kind in the words the workbench shows (a kind missing
 * here is shown by its code: each later issue adds its line).
 */
import { staffAccess } from '../../staff/capabilities'
import { defineRoutes } from '../contract/contract'
import { Enum, Int, List, Nullable, Obj, SerialIdParams, Str, type Static } from '../contract/schema'

export const OUTBOX_KIND_LABELS: Readonly<Record<string, string>> = {
  'approval.handover': '交给审批系统',
  'notice.issue': '出具通知书',
  'message.deliver': '发送消息',
}

export function outboxKindLabel(kind: string): string {
  return OUTBOX_KIND_LABELS[kind] ?? kind
}

export const outboxJobSchema = Obj({
  id: Str(),
  caseNo: Str(),
  /** The outbox kind ('approval.handover', 'notice.issue', …) and what it does, in words (outboxKindLabel). */
  kind: Str(),
  what: Str(),
  attempts: Int(0, 1_000_000),
  /** retrying: tried again at nextAt; dead: stopped after too many tries or a refusal; sent: through. */
  state: Enum(['retrying', 'dead', 'sent']),
  nextAt: Nullable(Str()),
  lastError: Nullable(Str()),
  externalId: Nullable(Str()),
})
/** A job sent after a case's event that has not gone through yet. */
export type OutboxJob = Static<typeof outboxJobSchema>
/** The name the workbench first knew these by (when the approval handover was the only kind). */
export type ApprovalHandover = OutboxJob

export const outboxRoutes = defineRoutes('outbox', {
  pending: {
    method: 'GET', path: '/api/staff/outbox', access: staffAccess('handovers'),
    summary: '工作台：办件的后续发送中未完成的（交给审批系统、出具通知书等；重试中、已停止）',
    response: List(outboxJobSchema), cache: 'personal',
  },
  resend: {
    method: 'POST', path: '/api/staff/outbox/:id/resend', access: staffAccess('handovers'),
    summary: '工作台：立即重新发送（交给审批系统、出具通知书等）',
    params: SerialIdParams, problems: { id: 'NOT_FOUND' }, response: Obj({ id: Str() }), cache: 'none',
  },
})
