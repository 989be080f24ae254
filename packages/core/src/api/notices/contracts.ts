/**
 * Notices and their verification (API.notices): the notices a case has and
 * each one's PDF, for the applicant and for the workbench, and the public
 * verify answer behind a document's QR code — by its id, or with the PDF
 * itself to check it is byte for byte the one issued.
 */
import { staffAccess } from '../../staff/capabilities'
import { defineRoutes } from '../contract/contract'
import { DOCUMENT_ID_PATTERN } from '../contract/patterns'
import { Bool, CaseNo, CaseNoParams, Enum, Int, List, Obj, Optional, Str, type Static } from '../contract/schema'

/** The notices a case's events give rise to, named after what they tell. */
export const NOTICE_KINDS = ['acceptance', 'supplement', 'refusal', 'denial'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]
/** Everything that can be verified: the notices and the certificate. */
export const DOCUMENT_KINDS = [...NOTICE_KINDS, 'certificate'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/** Far more events than a case has: the bound of an event index. */
export const MAX_CASE_EVENT_INDEX = 10_000

/** One notice a case has (one per triggering event: a second request for a supplement is a second notice). */
export const caseNoticeSchema = Obj({
  kind: Enum(NOTICE_KINDS),
  title: Str(),
  /** Index of the triggering event in the case's events. */
  event: Int(0, MAX_CASE_EVENT_INDEX),
  /** Asia/Shanghai day of the event. */
  day: Str(),
  /** Where to download the PDF (citizen or staff route, as listed). */
  url: Str(),
})
export type CaseNotice = Static<typeof caseNoticeSchema>

/** What the public verify page shows: the face of the document, no personal data. */
export const verifyViewSchema = Obj({
  kind: Enum(DOCUMENT_KINDS),
  title: Str(),
  /** 文号, e.g. 〔2026〕受字第12号. */
  number: Str(),
  itemName: Str(),
  /** The case number with its day hidden: enough to compare with the paper, not to look the case up. */
  caseNoMasked: Str(),
  issuer: Str(),
  /** YYYY-MM-DD, the day printed on the document. */
  issuedOn: Str(),
  /**
   * What the document says, to compare with the paper (an altered copy keeps
   * a genuine QR code): a notice's text with the case number masked and
   * without the addressee's name; a certificate's validity.
   */
  body: List(Str()),
  status: Enum(['valid', 'revoked']),
  statusLabel: Str(),
})
export type VerifyView = Static<typeof verifyViewSchema>

export const verifyFileResultSchema = Obj({
  ...verifyViewSchema.properties,
  /** The uploaded PDF is byte for byte the one issued. */
  matches: Bool(),
})
export type VerifyFileResult = Static<typeof verifyFileResultSchema>

/** The verify page is public: generous enough for a hall's scanner, too few to guess ids. */
export const VERIFY_PER_MINUTE = 30
/** The largest PDF the verify page takes to compare. */
export const MAX_VERIFY_PDF_BYTES = 2 * 1024 * 1024

const noticeParams = Obj({ caseNo: CaseNo(), kind: Enum(NOTICE_KINDS) }, { additionalProperties: true })
/** `?event=` picks an earlier notice of the same kind (its event's index); without it, the latest. */
const noticeQuery = Obj({ event: Optional(Int(0, MAX_CASE_EVENT_INDEX)) })
/** A malformed case number in a path names no case. */
const caseProblems = { caseNo: 'CASE_NOT_FOUND' } as const
const noticeProblems = { caseNo: 'CASE_NOT_FOUND', kind: 'NOTICE_NOT_FOUND', event: 'NOTICE_NOT_FOUND' } as const
const noticeMessages = { kind: '没有这种通知书', event: '通知书序号不正确' }
const documentParams = Obj({ id: Str({ pattern: DOCUMENT_ID_PATTERN }) }, { additionalProperties: true })

export const noticesRoutes = defineRoutes('notices', {
  list: {
    method: 'GET', path: '/api/cases/:caseNo/notices', access: 'citizen', summary: '办件的通知书（受理、补正告知、不予受理）',
    params: CaseNoParams, response: List(caseNoticeSchema), problems: caseProblems, cache: 'personal',
  },
  pdf: {
    method: 'GET', path: '/api/cases/:caseNo/notices/:kind', access: 'citizen', summary: '下载通知书（PDF，A4，可扫码核验）',
    params: noticeParams, query: noticeQuery, binary: 'application/pdf', messages: noticeMessages, problems: noticeProblems, cache: 'personal',
  },
  staffList: {
    method: 'GET', path: '/api/staff/cases/:caseNo/notices', access: staffAccess('workCases'), summary: '工作台：办件的通知书',
    params: CaseNoParams, response: List(caseNoticeSchema), problems: caseProblems, cache: 'personal',
  },
  staffPdf: {
    method: 'GET', path: '/api/staff/cases/:caseNo/notices/:kind', access: staffAccess('workCases'), summary: '工作台：下载通知书（PDF）',
    params: noticeParams, query: noticeQuery, binary: 'application/pdf', messages: noticeMessages, problems: noticeProblems, cache: 'personal',
  },
  verify: {
    method: 'GET', path: '/api/verify/:id', access: 'public', summary: '扫码核验文书真伪（只显示文书上印有的非个人信息）',
    params: documentParams, response: verifyViewSchema, problems: { id: 'DOCUMENT_NOT_FOUND' }, cache: 'no-store',
  },
  // The PDF itself, to check it is byte for byte the one issued (an altered copy keeps the QR code).
  verifyFile: {
    method: 'POST', path: '/api/verify/:id', access: 'public', summary: '核验文书 PDF 是否与出具的一致（请求体为 PDF 文件）',
    params: documentParams, consumes: ['application/pdf'], response: verifyFileResultSchema, problems: { id: 'DOCUMENT_NOT_FOUND' }, cache: 'no-store',
  },
})
