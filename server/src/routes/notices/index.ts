/**
 * Notices (API.notices) as PDFs (受理通知书, 补正材料一次性告知书, 不予受理决定书) for the
 * applicant and for staff, and the public verify page behind their QR codes.
 * A citizen gets only their own case's notices (anyone else's reads as
 * missing, as GET /api/cases/:caseNo); staff reading a notice is logged for
 * the citizen like opening the case. The verify answer is the document's
 * face without personal data.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import {
  API, DOCUMENT_TITLES, looksLikePdf, maskCaseNo, MAX_VERIFY_PDF_BYTES, NOTICE_KINDS, noticeUrl, VERIFY_PER_MINUTE, VERIFY_STATUS_TEXT,
  type CaseNotice, type NoticeKind, type VerifyView,
} from '@tongban/core'
import { ProblemError } from '../../errors'
import { caseRepo, type CaseRow } from '../../store/cases'
import { documentRepo, type DocumentRow } from '../../store/documents'
import { loadEvents } from '../../cases/events'
import { caseLookups } from '../../cases/act'
import { staffPurpose, staffReads } from '../../cases/responsibility'
import { noticeEvents } from '../../notices/faces'
import { chineseDate } from '../../notices/render'
import { sha256, type StoredContent } from '../../notices/issue'
import { issueCaseNotice } from '../../notices/case-documents'
import { implement } from '../define'
import { sendPdf } from '../uploads/stored-files'

const routes = API.notices

export interface NoticeRouteOptions {
  /** Scheme + host the QR codes point at: PUBLIC_ORIGIN, else this server's http://localhost:<port> — never a request's Host. */
  origin: () => string
  now?: () => number
}

/** What picks one notice: the case, its kind, and which of that kind (`?event=`, else the latest). */
type NoticeRequest = { params: { caseNo: string; kind: NoticeKind }; query: { event?: number } }

export function noticeRoutes(opts: NoticeRouteOptions) {
  return async function notices(app: FastifyInstance): Promise<void> {
    const now = opts.now ?? Date.now
    const lookups = caseLookups(app.catalogue, app.clock)

    async function caseFor(caseNo: string, owner: string | null): Promise<CaseRow> {
      const row = await caseRepo(app.db).byNo(caseNo)
      // Someone else's case reads as missing: a case number reveals nothing.
      if (!row || (owner !== null && row.account_id !== owner)) throw new ProblemError('CASE_NOT_FOUND')
      return row
    }

    async function listNotices(row: CaseRow, staff: boolean): Promise<CaseNotice[]> {
      const events = await loadEvents(app.db, row.id)
      return NOTICE_KINDS.flatMap((kind) => {
        const list = noticeEvents(events, kind)
        return list.map(({ index, event }, i) => ({
          kind, title: DOCUMENT_TITLES[kind], event: index, day: event.day,
          url: noticeUrl(row.case_no, kind, { staff, ...(i === list.length - 1 ? {} : { event: index }) }),
        }))
      }).sort((a, b) => a.event - b.event)
    }

    async function sendNotice(request: NoticeRequest, reply: FastifyReply, row: CaseRow) {
      const { kind } = request.params
      const events = await loadEvents(app.db, row.id)
      const found = noticeEvents(events, kind)
      const wanted = request.query.event
      const hit = wanted === undefined ? found.at(-1) : found.find((f) => f.index === wanted)
      if (!hit) throw new ProblemError('NOTICE_NOT_FOUND')
      const item = await lookups.itemOf(row.item_code)
      if (!item) throw new ProblemError('ITEM_NOT_FOUND')
      const deps = { db: app.db, origin: opts.origin(), at: new Date(now()), departmentName: await lookups.departmentNames() }
      const { pdf } = await issueCaseNotice(deps, row, item, events, kind, hit.index)
      return sendPdf(reply, `${DOCUMENT_TITLES[kind]}-${row.case_no}.pdf`, pdf)
    }

    implement(app, routes.list, async (request) => listNotices(await caseFor(request.params.caseNo, request.citizen.accountId), false))

    implement(app, routes.pdf, async (request, reply) => sendNotice(request, reply, await caseFor(request.params.caseNo, request.citizen.accountId)))

    implement(app, routes.staffList, async (request) => {
      const row = await caseFor(request.params.caseNo, null)
      // Which notices a case has is not personal data (no look to log), but it is the case's business.
      await staffPurpose(app.db, request.staff, row)
      return listNotices(row, true)
    })

    implement(app, routes.staffPdf, async (request, reply) => {
      const row = await caseFor(request.params.caseNo, null)
      // The notice names the applicant: reading it is reading their case.
      await staffReads(app.db, request.staff, row, ['application'])
      return sendNotice(request, reply, row)
    })

    const verifyLimit = { rateLimit: { max: VERIFY_PER_MINUTE, timeWindow: '1 minute' } }

    function view(doc: DocumentRow<StoredContent>): VerifyView {
      const c = doc.content
      const status = doc.revoked_at ? 'revoked' : 'valid'
      const caseNoMasked = maskCaseNo(c.face.caseNo)
      const body = c.kind === 'certificate'
        ? [c.face.validUntil ? `有效期至${chineseDate(c.face.validUntil)}` : '有效期：长期']
        : [...c.face.paragraphs, ...(c.face.items ?? []).map((t, i) => `${i + 1}. ${t}`), ...(c.face.after ?? [])].map((p) => p.split(c.face.caseNo).join(caseNoMasked))
      return {
        kind: doc.kind, title: c.face.title, number: doc.number, itemName: c.face.itemName, caseNoMasked,
        issuer: c.face.issuer, issuedOn: c.face.issuedOn, body, status, statusLabel: VERIFY_STATUS_TEXT[status],
      }
    }
    async function documentOf(id: string): Promise<DocumentRow<StoredContent>> {
      const doc = await documentRepo(app.db).byId<StoredContent>(id)
      if (!doc) throw new ProblemError('DOCUMENT_NOT_FOUND')
      return doc
    }

    implement(app, routes.verify, async (request) => view(await documentOf(request.params.id)), verifyLimit)

    // The PDF itself, to check it is byte for byte the one issued (an altered copy keeps the QR code).
    app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_VERIFY_PDF_BYTES }, (_req, body, done) => done(null, body))
    implement(app, routes.verifyFile, async (request) => {
      const doc = await documentOf(request.params.id)
      const pdf: unknown = request.body
      if (!Buffer.isBuffer(pdf)) throw new ProblemError('UNSUPPORTED_MEDIA_TYPE')
      // Said as what it is, not as a document that was altered.
      if (!looksLikePdf(pdf)) throw new ProblemError('VERIFY_FILE_NOT_PDF')
      return { ...view(doc), matches: doc.pdf_sha256 !== null && sha256(pdf) === doc.pdf_sha256 }
    }, verifyLimit)
  }
}
