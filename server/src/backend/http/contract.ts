/**
 * The JSON contract with an existing approval system (server/openapi/approval-backend.json):
 *
 * - We hand over an accepted case: `POST {base}/cases` with a bearer token
 *   and `Idempotency-Key: <caseNo>`; 201 (created) or 200 (already there)
 *   answer `{ externalId }`. 4xx other than 408/429 are final; 408, 429,
 *   5xx and no answer are tried again later.
 * - The system tells us what its departments did: `POST /api/backend/webhook`
 *   with `X-Tongban-Timestamp` (Unix seconds) and `X-Tongban-Signature:
 *   v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>`. A signature
 *   older or newer than the replay window is refused; an `id` seen before is
 *   answered 200 without acting again.
 *
 * - Each uploaded material carries a download link, signed and expiring
 *   (`GET /api/backend/files/{caseNo}/{fileId}?expires=&signature=`, HMAC
 *   with the webhook secret), made when the handover is sent: the approval
 *   system fetches the files itself, no account on our side needed.
 *
 * Statuses are absolute (where the department's work now is), so a missed
 * or reordered step still lands in the right place: we move our branch
 * forward to it (mapping.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'x-tongban-signature'
export const TIMESTAMP_HEADER = 'x-tongban-timestamp'
/** Seconds either side of our clock a webhook's timestamp may be. */
export const REPLAY_WINDOW_SECONDS = 300

export interface HandoverCase {
  caseNo: string
  itemCode: string
  itemName: string
  /** The departments that handle it (joint handling when more than one). */
  departments: { code: string; name: string }[]
  acceptedAt: string
  /** Asia/Shanghai date the decision clock started. */
  acceptedDay: string
  /** The decision deadline our clock computed (Asia/Shanghai date). */
  decisionDeadline: string | null
  promisedDays: number
  statutoryDays: number | null
  form: { version: number; values: Record<string, unknown> }
  /** What was sent per field: an uploaded file's name or an e-licence's title; an upload with its link. */
  materials: HandoverMaterial[]
}

export interface HandoverMaterial {
  field: string
  label: string
  kind: 'upload' | 'eLicence'
  title: string
  /** Uploads only: where to fetch the bytes, until `expiresAt`. */
  download?: { url: string; expiresAt: string }
}

/** A handover as kept in our outbox: an upload's file id instead of a link (links are signed when sent). */
export type StoredHandover = Omit<HandoverCase, 'materials'> & { materials: (Omit<HandoverMaterial, 'download'> & { fileId?: string })[] }

/** How long a download link in a handover works: a retried handover gets fresh ones. */
export const DOWNLOAD_TTL_SECONDS = 7 * 24 * 3600

export function downloadSignature(secret: string, caseNo: string, fileId: string, expires: number): string {
  return createHmac('sha256', secret).update(`download.${caseNo}.${fileId}.${expires}`).digest('hex')
}

/** The wire form of a stored handover: each upload's link, signed now. */
export function withDownloads(stored: StoredHandover, origin: string, secret: string, nowMs: number): HandoverCase {
  const expires = Math.floor(nowMs / 1000) + DOWNLOAD_TTL_SECONDS
  return {
    ...stored,
    materials: stored.materials.map(({ fileId, ...m }) => (fileId
      ? {
          ...m,
          download: {
            url: `${origin}/api/backend/files/${encodeURIComponent(stored.caseNo)}/${fileId}?expires=${expires}&signature=${downloadSignature(secret, stored.caseNo, fileId, expires)}`,
            expiresAt: new Date(expires * 1000).toISOString(),
          },
        }
      : m)),
  }
}

/** Is this link one we signed, and still good at `nowMs`? */
export function checkDownload(secret: string, caseNo: string, fileId: string, expires: string, signature: string, nowMs: number): 'ok' | 'forged' | 'expired' {
  if (!/^\d{1,12}$/.test(expires)) return 'forged'
  const expected = Buffer.from(downloadSignature(secret, caseNo, fileId, Number(expires)))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged'
  return Number(expires) * 1000 < nowMs ? 'expired' : 'ok'
}

export type BranchState = 'undertaking' | 'reviewing' | 'approving' | 'approved' | 'denied' | 'suspended' | 'resumed'

export type WebhookEvent =
  /** `opinion`: the step's own opinion, internal (staff only); `toApplicant`: what the applicant is told of it. */
  | { id: string; caseNo: string; occurredAt: string; type: 'branch.status'; department: string; status: Exclude<BranchState, 'suspended' | 'resumed' | 'denied'>; opinion?: string; toApplicant?: string }
  /** A denial states its reasons (opinion) and the law (basis), both told to the applicant: Art. 38. */
  | { id: string; caseNo: string; occurredAt: string; type: 'branch.status'; department: string; status: 'denied'; opinion: string; basis: string; toApplicant?: string }
  /** Art. 45: the applicant is told how long the special procedure takes. */
  | { id: string; caseNo: string; occurredAt: string; type: 'branch.status'; department: string; status: 'suspended'; procedure: string; reason: string; expectedEnd: string }
  | { id: string; caseNo: string; occurredAt: string; type: 'branch.status'; department: string; status: 'resumed' }
  | { id: string; caseNo: string; occurredAt: string; type: 'case.extended'; days: number; reason: string }

/** JSON Schema of a webhook body (the route validates it; the OpenAPI file says the same). */
/** The webhook's body as the BFF validates it (its route's contract, API.approval.webhook). */
export { webhookEventSchema } from '@tongban/core'

export function sign(secret: string, timestamp: string, body: string | Buffer): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`
}

export type SignatureCheck = 'ok' | 'missing' | 'forged' | 'stale'

/** Is this body signed with our secret, within the replay window of `nowMs`? */
export function checkSignature(secret: string, headers: { timestamp?: string; signature?: string }, body: Buffer, nowMs: number): SignatureCheck {
  const { timestamp, signature } = headers
  if (!timestamp || !signature) return 'missing'
  if (!/^\d{1,12}$/.test(timestamp)) return 'forged'
  const expected = Buffer.from(sign(secret, timestamp, body))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged'
  return Math.abs(nowMs / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS ? 'stale' : 'ok'
}
