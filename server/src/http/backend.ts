/**
 * The approval system's side door (APPROVAL_BACKEND=http): its signed
 * webhooks become our case events, and staff see the handovers that have
 * not gone through. With `builtin` the webhook answers 404.
 */
import type { FastifyInstance } from 'fastify'
import { caseNoParamsSchema, ROUTES, serialIdParamsSchema, STAFF_CAPABILITIES, UUID_PATTERN, outboxKindLabel, type ApprovalHandover, type WebhookReceipt } from '@tongban/core'
import { ProblemError } from '../errors'
import { backendRepo } from '../store/backend'
import { outboxRepo, type OutboxRow } from '../store/outbox'
import { caseRepo } from '../store/cases'
import { uploadsRepo } from '../store/uploads'
import type { FileStore } from '../store/file-store'
import { sendStoredFile } from '../routes/uploads/stored-files'
import { checkDownload, checkSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookEventSchema, type WebhookEvent } from '../backend/http/contract'
import { eventsFor } from '../backend/http/mapping'

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer
  }
}

export interface BackendRouteOptions {
  webhookSecret: string
  /** Where uploads are kept: the approval system fetches a case's materials by signed link. */
  files: FileStore
  systemId: string
  now?: () => number
}

function handoverView(r: OutboxRow): ApprovalHandover {
  return {
    id: r.id,
    caseNo: r.case_no ?? '',
    kind: r.kind,
    what: outboxKindLabel(r.kind),
    attempts: r.attempts,
    state: r.sent_at ? 'sent' : r.dead_at ? 'dead' : 'retrying',
    nextAt: r.dead_at || r.sent_at ? null : new Date(r.next_at).toISOString(),
    lastError: r.last_error,
    externalId: r.external_id,
  }
}

export async function backendRoutes(app: FastifyInstance, opts: BackendRouteOptions): Promise<void> {
  const now = opts.now ?? Date.now

  // The signature covers the bytes as sent: keep them (this plugin's JSON parser only).
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')))
    } catch {
      done(new ProblemError('BAD_REQUEST', { detail: 'body is not JSON' }), undefined)
    }
  })

  app.post<{ Body: WebhookEvent }>(ROUTES.approvalWebhook.path, {
    schema: { body: webhookEventSchema, tags: ['approval'], summary: '外部审批系统的办理进度回调（HMAC 签名，5 分钟重放窗口，按 id 幂等）' },
    config: { access: 'public', rateLimit: { max: 6000, timeWindow: '1 minute' } },
    // Signature before the schema: a forged body learns nothing about what we accept.
    preValidation: async (request) => {
      if (app.approval.kind !== 'http') throw new ProblemError('WEBHOOK_NOT_ENABLED')
      const header = (name: string) => {
        const v = request.headers[name]
        return typeof v === 'string' ? v : undefined
      }
      const check = checkSignature(opts.webhookSecret, { timestamp: header(TIMESTAMP_HEADER), signature: header(SIGNATURE_HEADER) }, request.rawBody ?? Buffer.alloc(0), now())
      if (check === 'missing') throw new ProblemError('WEBHOOK_UNSIGNED')
      if (check === 'forged') throw new ProblemError('WEBHOOK_FORGED')
      if (check === 'stale') throw new ProblemError('WEBHOOK_STALE')
    },
  }, async (request): Promise<WebhookReceipt> => {
    const w = request.body
    if (w.type === 'branch.status') {
      const need = w.status === 'suspended' ? ['department', 'procedure', 'reason', 'expectedEnd']
        : w.status === 'denied' ? ['department', 'opinion', 'basis'] : ['department', 'status']
      const missing = need.filter((k) => !(w as unknown as Record<string, unknown>)[k])
      if (missing.length) throw new ProblemError('VALIDATION', { errors: missing.map((path) => ({ path, code: 'required', message: '缺少这一项' })) })
    } else if (!w.days || !w.reason) {
      throw new ProblemError('VALIDATION', { errors: [{ path: w.days ? 'reason' : 'days', code: 'required', message: '缺少这一项' }] })
    }
    const result = await app.caseEvents.act({
      caseNo: w.caseNo,
      version: null,
      actor: { role: 'system', id: opts.systemId },
      body: (before) => eventsFor(before, w, opts.systemId),
      claim: (tx, row) => backendRepo(tx).claimWebhook(w.id, row.id),
      at: new Date(now()),
      occurredAt: new Date(w.occurredAt),
    })
    return { id: w.id, duplicate: result.duplicate === true, applied: result.added.map((e) => e.type), status: result.projection.status }
  })

  // A material of a handed-over case, for the approval system: the link it was given is the key.
  app.get<{ Params: { caseNo: string; fileId: string }; Querystring: { expires: string; signature: string } }>(ROUTES.approvalMaterial.path, {
    schema: {
      params: { type: 'object', required: ['caseNo', 'fileId'], properties: { ...caseNoParamsSchema.properties, fileId: { type: 'string', pattern: UUID_PATTERN } } },
      querystring: { type: 'object', required: ['expires', 'signature'], properties: { expires: { type: 'string', maxLength: 12 }, signature: { type: 'string', maxLength: 64 } } },
      tags: ['approval'], summary: '外部审批系统下载办件材料（交办时给出的签名链接，7 天内有效）',
    },
    config: { access: 'public', fieldProblems: { caseNo: 'DOWNLOAD_FORGED', fileId: 'DOWNLOAD_FORGED', expires: 'DOWNLOAD_FORGED', signature: 'DOWNLOAD_FORGED' } },
  }, async (request, reply) => {
    if (app.approval.kind !== 'http') throw new ProblemError('WEBHOOK_NOT_ENABLED')
    const { caseNo, fileId } = request.params
    const check = checkDownload(opts.webhookSecret, caseNo, fileId, request.query.expires, request.query.signature, now())
    if (check === 'forged') throw new ProblemError('DOWNLOAD_FORGED')
    if (check === 'expired') throw new ProblemError('DOWNLOAD_EXPIRED')
    const kase = await caseRepo(app.db).byNo(caseNo)
    const row = kase ? await uploadsRepo(app.db).byIdFor(kase.account_id, fileId) : null
    if (!kase || !row || row.case_id !== kase.id) throw new ProblemError('UPLOAD_NOT_FOUND')
    const file = await opts.files.get(row.storage_key).catch((err: unknown) => {
      request.log.error({ err }, 'file store get failed')
      throw new ProblemError('FILE_STORE_UNAVAILABLE')
    })
    if (!file) throw new ProblemError('UPLOAD_NOT_FOUND')
    request.log.info({ caseNo, upload: row.id }, 'approval system fetched a material')
    return sendStoredFile(reply, row, file, 'attachment')
  })

  app.get(ROUTES.approvalHandovers.path, {
    schema: { tags: ['approval'], summary: '工作台：办件的后续发送中未完成的（交给审批系统、出具通知书等；重试中、已停止）' },
    config: { access: { staff: STAFF_CAPABILITIES.handovers } },
  }, async (_request, reply): Promise<ApprovalHandover[]> => {
    reply.header('cache-control', 'private, no-store')
    return (await outboxRepo(app.db).pending(app.outbox.kinds())).map(handoverView)
  })

  app.post<{ Params: { id: string } }>(ROUTES.retryApprovalHandover.path, {
    schema: { params: serialIdParamsSchema, tags: ['approval'], summary: '工作台：立即重新发送（交给审批系统、出具通知书等）' },
    config: { access: { staff: STAFF_CAPABILITIES.handovers }, fieldProblems: { id: 'NOT_FOUND' } },
  }, async (request, reply) => {
    if (!(await outboxRepo(app.db).revive(request.params.id, app.outbox.kinds(), new Date(now())))) throw new ProblemError('NOT_FOUND')
    // Sent now if this process runs the dispatcher, else by the worker on its next round.
    app.outbox.kick()
    return reply.code(202).send({ id: request.params.id })
  })
}
