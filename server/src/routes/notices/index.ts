/**
 * Notices as PDFs (受理通知书, 补正材料一次性告知书, 不予受理决定书) for the
 * applicant and for staff, and the public verify page behind their QR codes.
 * A citizen gets only their own case's notices (anyone else's reads as
 * missing, as GET /api/cases/:caseNo); staff reading a notice is logged for
 * the citizen like opening the case. The verify answer is the document's
 * face without personal data.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  caseNoParamsSchema, DOCUMENT_ID_PATTERN, DOCUMENT_TITLES, maskCaseNo, NOTICE_KINDS, noticeUrl, ROUTES, VERIFY_PER_MINUTE, VERIFY_STATUS_TEXT,
  type CaseNotice, type NoticeKind, type VerifyFileResult, type VerifyView,
} from '@tongban/core'
import { ProblemError } from '../errors'
import { caseRepo, type CaseRow } from '../store/cases'
import { documentRepo, type DocumentRow } from '../store/documents'
import { loadEvents } from '../cases/events'
import { caseLookups } from '../cases/act'
import { CASE_READERS, staffPurpose, staffReads } from '../cases/responsibility'
import { noticeEvents } from '../notices/faces'
import { chineseDate } from '../notices/render'
import { sha256, type StoredContent } from '../notices/issue'
import { issueCaseNotice } from '../notices/case-documents'
import { contentDisposition } from './uploads'

const WORKERS = { staff: CASE_READERS } as const
const noticeParams = {
  type: 'object', required: ['caseNo', 'kind'],
  properties: { ...caseNoParamsSchema.properties, kind: { type: 'string', enum: NOTICE_KINDS } },
} as const
const eventQuery = { type: 'object', additionalProperties: false, properties: { event: { type: 'integer', minimum: 0, maximum: 10_000 } } } as const
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: DOCUMENT_ID_PATTERN } } } as const
/** A malformed case number in a path names no case. */
const caseConfig = { fieldProblems: { caseNo: 'CASE_NOT_FOUND' } } as const
const noticeConfig = { fieldProblems: { caseNo: 'CASE_NOT_FOUND', kind: 'NOTICE_NOT_FOUND', event: 'NOTICE_NOT_FOUND' }, fieldMessages: { kind: '没有这种通知书', event: '通知书序号不正确' } } as const

export interface NoticeRouteOptions {
  /** Scheme + host the QR codes point at: PUBLIC_ORIGIN, else this server's http://localhost:<port> — never a request's Host. */
  origin: () => string
  now?: () => number
}

type NoticeRequest = FastifyRequest<{ Params: { caseNo: string; kind: NoticeKind }; Querystring: { event?: number } }>

export function noticeRoutes(opts: NoticeRouteOptions) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const now = opts.now ?? Date.now
    const lookups = caseLookups(app.catalogue, app.clock)

    async function caseFor(request: FastifyRequest<{ Params: { caseNo: string } }>, owner: string | null): Promise<CaseRow> {
      const { caseNo } = request.params
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
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('attachment', `${DOCUMENT_TITLES[kind]}-${row.case_no}.pdf`))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(pdf)
    }

    const citizenOf = (request: FastifyRequest): string => {
      const id = request.citizen?.accountId
      if (!id) throw new ProblemError('UNAUTHENTICATED')
      return id
    }
    const staffOf = (request: FastifyRequest) => {
      if (!request.staff) throw new ProblemError('UNAUTHENTICATED')
      return request.staff
    }

    app.get<{ Params: { caseNo: string } }>(ROUTES.caseNotices.path, {
      schema: { params: caseNoParamsSchema, tags: ['cases'], summary: '办件的通知书（受理、补正告知、不予受理）' },
      config: { access: 'citizen', ...caseConfig },
    }, async (request, reply): Promise<CaseNotice[]> => {
      const row = await caseFor(request, citizenOf(request))
      reply.header('cache-control', 'private, no-store')
      return listNotices(row, false)
    })

    app.get<{ Params: { caseNo: string; kind: NoticeKind }; Querystring: { event?: number } }>(ROUTES.caseNotice.path, {
      schema: { params: noticeParams, querystring: eventQuery, tags: ['cases'], summary: '下载通知书（PDF，A4，可扫码核验）' },
      config: { access: 'citizen', ...noticeConfig },
    }, async (request, reply) => sendNotice(request, reply, await caseFor(request, citizenOf(request))))

    app.get<{ Params: { caseNo: string } }>(ROUTES.staffCaseNotices.path, {
      schema: { params: caseNoParamsSchema, tags: ['staff'], summary: '工作台：办件的通知书' },
      config: { access: WORKERS, ...caseConfig },
    }, async (request, reply): Promise<CaseNotice[]> => {
      const staff = staffOf(request)
      const row = await caseFor(request, null)
      // Which notices a case has is not personal data (no look to log), but it is the case's business.
      await staffPurpose(app.db, staff, row)
      reply.header('cache-control', 'private, no-store')
      return listNotices(row, true)
    })

    app.get<{ Params: { caseNo: string; kind: NoticeKind }; Querystring: { event?: number } }>(ROUTES.staffCaseNotice.path, {
      schema: { params: noticeParams, querystring: eventQuery, tags: ['staff'], summary: '工作台：下载通知书（PDF）' },
      config: { access: WORKERS, ...noticeConfig },
    }, async (request, reply) => {
      const staff = staffOf(request)
      const row = await caseFor(request, null)
      // The notice names the applicant: reading it is reading their case.
      await staffReads(app.db, staff, row, ['application'])
      return sendNotice(request, reply, row)
    })

    const verifyConfig = {
      access: 'public' as const,
      fieldProblems: { id: 'DOCUMENT_NOT_FOUND' as const },
      rateLimit: { max: VERIFY_PER_MINUTE, timeWindow: '1 minute' },
    }

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

    app.get<{ Params: { id: string } }>(ROUTES.verifyDocument.path, {
      schema: { params: idParams, tags: ['verify'], summary: '扫码核验文书真伪（只显示文书上印有的非个人信息）' },
      config: verifyConfig,
    }, async (request, reply): Promise<VerifyView> => {
      reply.header('cache-control', 'no-store')
      return view(await documentOf(request.params.id))
    })

    // The PDF itself, to check it is byte for byte the one issued (an altered copy keeps the QR code).
    app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) => done(null, body))
    app.post<{ Params: { id: string }; Body: Buffer }>(ROUTES.verifyDocumentFile.path, {
      schema: { params: idParams, tags: ['verify'], summary: '核验文书 PDF 是否与出具的一致（请求体为 PDF 文件）' },
      config: verifyConfig,
    }, async (request, reply): Promise<VerifyFileResult> => {
      const doc = await documentOf(request.params.id)
      if (!Buffer.isBuffer(request.body)) throw new ProblemError('UNSUPPORTED_MEDIA_TYPE')
      reply.header('cache-control', 'no-store')
      return { ...view(doc), matches: doc.pdf_sha256 !== null && sha256(request.body) === doc.pdf_sha256 }
    })
  }
}
