/**
 * Printed documents (文书): the notices a service centre issues on a case —
 * 受理通知书 (accept), 补正材料一次性告知书 (request_supplement, Art. 32),
 * 不予受理决定书 (refuse), 不予批准决定书 (the decision that leaves a case
 * denied, Art. 38) — and the 准予许可证书 of an approved case. Each
 * issued document carries a QR code to a public verify page; what that page
 * shows (VerifyView) is only what is printed on the document's face, never
 * an ID number or a phone.
 */
import type { CaseEvent } from '../cases/machine'
import { ROUTES } from './routes'
import { buildPath } from './contract/contract'
import { DOCUMENT_ID_PATTERN } from './contract/patterns'

/** The notices a case's events give rise to, named after what they tell. */
export type NoticeKind = 'acceptance' | 'supplement' | 'refusal' | 'denial'
/** Everything that can be verified: the notices and the certificate. */
export type DocumentKind = NoticeKind | 'certificate'

export const NOTICE_KINDS: readonly NoticeKind[] = ['acceptance', 'supplement', 'refusal', 'denial']

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

/** One notice a case has (one per triggering event: a second request for a supplement is a second notice). */
export interface CaseNotice {
  kind: NoticeKind
  title: string
  /** Index of the triggering event in the case's events. */
  event: number
  /** Asia/Shanghai day of the event. */
  day: string
  /** Where to download the PDF (citizen or staff route, as listed). */
  url: string
}

/** What the public verify page shows: the face of the document, no personal data. */
export interface VerifyView {
  kind: DocumentKind
  title: string
  /** 文号, e.g. 〔2026〕受字第12号. */
  number: string
  itemName: string
  /** The case number with its day hidden: enough to compare with the paper, not to look the case up. */
  caseNoMasked: string
  issuer: string
  /** YYYY-MM-DD, the day printed on the document. */
  issuedOn: string
  /**
   * What the document says, to compare with the paper (an altered copy keeps
   * a genuine QR code): a notice's text with the case number masked and
   * without the addressee's name; a certificate's validity.
   */
  body: string[]
  status: 'valid' | 'revoked'
  statusLabel: string
}

export interface VerifyFileResult extends VerifyView {
  /** The uploaded PDF is byte for byte the one issued. */
  matches: boolean
}

/** The verify page is public: generous enough for a hall's scanner, too few to guess ids. */
export const VERIFY_PER_MINUTE = 30

export const VERIFY_STATUS_TEXT: Record<VerifyView['status'], string> = { valid: '真实有效', revoked: '已作废' }

/** Download address of a notice; `event` picks an earlier one of the same kind. */
export function noticeUrl(caseNo: string, kind: NoticeKind, opts: { staff?: boolean; event?: number } = {}): string {
  const path = buildPath(opts.staff ? ROUTES.staffCaseNotice.path : ROUTES.caseNotice.path, { caseNo, kind })
  return opts.event === undefined ? path : `${path}?event=${opts.event}`
}

/** The public page a document's QR code opens. */
export function verifyPageUrl(origin: string, id: string): string {
  return `${origin.replace(/\/+$/, '')}/verify/${id}`
}

/** SJ-0001-20260501-003 → SJ-0001-****-003. */
export function maskCaseNo(caseNo: string): string {
  return caseNo.replace(/-(\d{8})-/, '-****-')
}
