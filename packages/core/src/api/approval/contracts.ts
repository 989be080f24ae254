/**
 * The approval system's side door (APPROVAL_BACKEND=http): its signed
 * webhooks, which become our case events, and the signed links it fetches a
 * handed-over case's materials by. Both are called by that system, not by
 * a shell; their shapes are the approval contract (server/src/backend/http).
 */
import type { CaseEventBody } from '../../cases/types'
import { CASE_STATUS_TEXT } from '../../cases/status'
import { defineRoutes } from '../contract/contract'
import { MAX_CASE_NO_LENGTH } from '../contract/patterns'
import { Bool, Enum, Int, KeyOf, List, Obj, Optional, Str, Unsafe, CaseFileParams, type Static } from '../contract/schema'

export const WEBHOOK_EVENT_TYPES = ['branch.status', 'case.extended'] as const
export const WEBHOOK_BRANCH_STATUSES = ['undertaking', 'reviewing', 'approving', 'approved', 'denied', 'suspended', 'resumed'] as const

export const webhookEventSchema = Obj({
  id: Str({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }),
  caseNo: Str({ maxLength: MAX_CASE_NO_LENGTH }),
  occurredAt: Str({ format: 'date-time', description: 'When the step was taken in the approval system. The event is dated then (its Asia/Shanghai working day is what the clocks count), kept no earlier than the case\'s previous event and no later than its arrival' }),
  type: Enum(WEBHOOK_EVENT_TYPES),
  department: Optional(Str({ maxLength: 40, description: 'Required for branch.status' })),
  status: Optional(Unsafe<(typeof WEBHOOK_BRANCH_STATUSES)[number]>({ type: 'string', enum: [...WEBHOOK_BRANCH_STATUSES], description: 'Required for branch.status; denied also needs opinion (the reasons) and basis (the law it rests on, Art. 38); suspended also needs procedure, reason and expectedEnd (Art. 45)' })),
  opinion: Optional(Str({ maxLength: 2000, description: 'The step\'s own opinion (承办意见, 审核意见, 审批意见): internal, shown to staff and never to the applicant. For denied, the reasons, which the applicant is told (Art. 38)' })),
  toApplicant: Optional(Str({ maxLength: 2000, description: 'What the department tells the applicant with this step (告知申请人): shown on the applicant\'s timeline' })),
  basis: Optional(Str({ maxLength: 300, description: 'The law a denial rests on, e.g. 《食品安全法》第三十五条; required when status is denied' })),
  procedure: Optional(Str({ maxLength: 40 })),
  reason: Optional(Str({ maxLength: 2000 })),
  expectedEnd: Optional(Str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  days: Optional(Object.assign(Int(1, 15), { description: 'Required for case.extended, with reason' })),
})
/** One step the approval system reports, as the schema takes it (the approval contract's WebhookEvent is the same, by type of step). */
export type WebhookEventBody = Static<typeof webhookEventSchema>

export const webhookReceiptSchema = Obj({
  id: Str(),
  /** Seen before: nothing was done again. */
  duplicate: Bool(),
  /** The events it became on our side (none when the case was already there). */
  applied: List(Unsafe<CaseEventBody['type']>({ type: 'string' })),
  status: KeyOf(CASE_STATUS_TEXT),
})
/** Our answer to an approval system's webhook. */
export type WebhookReceipt = Static<typeof webhookReceiptSchema>

export const approvalRoutes = defineRoutes('approval', {
  webhook: {
    method: 'POST', path: '/api/backend/webhook', access: 'public',
    summary: '外部审批系统的办理进度回调（HMAC 签名，5 分钟重放窗口，按 id 幂等）',
    body: webhookEventSchema, response: webhookReceiptSchema, cache: 'none',
  },
  material: {
    method: 'GET', path: '/api/backend/files/:caseNo/:fileId', access: 'public',
    summary: '外部审批系统下载办件材料（交办时给出的签名链接，7 天内有效）',
    params: CaseFileParams,
    query: Obj({ expires: Str({ maxLength: 12 }), signature: Str({ maxLength: 64 }) }, { additionalProperties: true }),
    problems: { caseNo: 'DOWNLOAD_FORGED', fileId: 'DOWNLOAD_FORGED', expires: 'DOWNLOAD_FORGED', signature: 'DOWNLOAD_FORGED' },
    binary: 'application/octet-stream', cache: 'handler',
  },
})
