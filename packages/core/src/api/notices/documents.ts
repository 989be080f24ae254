/**
 * Printed documents (文书): the notices a service centre issues on a case —
 * 受理通知书 (accept), 补正材料一次性告知书 (request_supplement, Art. 32),
 * 不予受理决定书 (refuse), 不予批准决定书 (the decision that leaves a case
 * denied, Art. 38) — and the 准予许可证书 of an approved case. Each
 * issued document carries a QR code to a public verify page; what that page
 * shows (VerifyView) is only what is printed on the document's face, never
 * an ID number or a phone.
 */
import type { CaseEvent } from '../../cases/machine'
import { buildPath } from '../contract/contract'
import { noticesRoutes, type DocumentKind, type NoticeKind, type VerifyView } from './contracts'

const NOTICE_EVENT: Partial<Record<CaseEvent['type'], NoticeKind>> = { accept: 'acceptance', request_supplement: 'supplement', refuse: 'refusal' }

/**
 * The notice the event at `index` issues, if any: acceptance, a supplement
 * request, a refusal; and the department decision that leaves the case
 * decided with some department having said no (Art. 38: in writing, with
 * the reasons and the remedies) — in joint handling that may be the last
 * department's approval, after another's no.
 */
export function noticeKindOf(events: readonly CaseEvent[], index: number): NoticeKind | null {
  const e = events[index]
  if (!e) return null
  if (e.type !== 'decide_branch') return NOTICE_EVENT[e.type] ?? null
  if (e.to !== 'decided') return null
  return events.slice(0, index + 1).some((x) => x.type === 'decide_branch' && x.outcome === 'denied') ? 'denial' : null
}

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  acceptance: '受理通知书',
  supplement: '补正材料一次性告知书',
  refusal: '不予受理决定书',
  denial: '不予批准决定书',
  certificate: '准予许可证书',
}

export const VERIFY_STATUS_TEXT: Record<VerifyView['status'], string> = { valid: '真实有效', revoked: '已作废' }

/** Download address of a notice (the citizen's route, or the workbench's); `event` picks an earlier one of the same kind. */
export function noticeUrl(caseNo: string, kind: NoticeKind, opts: { staff?: boolean; event?: number } = {}): string {
  const path = buildPath(opts.staff ? noticesRoutes.staffPdf.path : noticesRoutes.pdf.path, { caseNo, kind })
  return opts.event === undefined ? path : `${path}?event=${opts.event}`
}

/** The public page a document's QR code opens (the PWA's page, which asks API.notices.verify). */
export function verifyPageUrl(origin: string, id: string): string {
  return `${origin.replace(/\/+$/, '')}/verify/${id}`
}

/** SJ-0001-20260501-003 → SJ-0001-****-003. */
export function maskCaseNo(caseNo: string): string {
  return caseNo.replace(/-(\d{8})-/, '-****-')
}
