/**
 * The approval system's side door (API.approval, APPROVAL_BACKEND=http):
 * its signed webhooks become our case events, and it fetches a handed-over
 * case's materials by the signed links it was given. With `builtin` both
 * answer 404.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { API } from '@tongban/core'
import { ProblemError } from '../../errors'
import { backendRepo } from '../../store/backend'
import { caseRepo } from '../../store/cases'
import { uploadsRepo } from '../../store/uploads'
import type { FileStore } from '../../store/file-store'
import { sendStoredFile } from '../uploads/stored-files'
import { checkDownload, checkSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, type WebhookEvent } from '../../backend/http/contract'
import { eventsFor } from '../../backend/http/mapping'
import { implement } from '../define'

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

export async function approvalRoutes(app: FastifyInstance, opts: BackendRouteOptions): Promise<void> {
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

  // Signature before the schema: a forged body learns nothing about what we accept.
  const signed = async (request: FastifyRequest) => {
    if (app.approval.kind !== 'http') throw new ProblemError('WEBHOOK_NOT_ENABLED')
    const header = (name: string) => {
      const v = request.headers[name]
      return typeof v === 'string' ? v : undefined
    }
    const check = checkSignature(opts.webhookSecret, { timestamp: header(TIMESTAMP_HEADER), signature: header(SIGNATURE_HEADER) }, request.rawBody ?? Buffer.alloc(0), now())
    if (check === 'missing') throw new ProblemError('WEBHOOK_UNSIGNED')
    if (check === 'forged') throw new ProblemError('WEBHOOK_FORGED')
    if (check === 'stale') throw new ProblemError('WEBHOOK_STALE')
  }

  implement(app, API.approval.webhook, async (request) => {
    const w = request.body
    if (w.type === 'branch.status') {
      const need = w.status === 'suspended' ? ['department', 'procedure', 'reason', 'expectedEnd']
        : w.status === 'denied' ? ['department', 'opinion', 'basis'] : ['department', 'status']
      const missing = need.filter((k) => !(w as unknown as Record<string, unknown>)[k])
      if (missing.length) throw new ProblemError('VALIDATION', { errors: missing.map((path) => ({ path, code: 'required', message: '缺少这一项' })) })
    } else if (!w.days || !w.reason) {
      throw new ProblemError('VALIDATION', { errors: [{ path: w.days ? 'reason' : 'days', code: 'required', message: '缺少这一项' }] })
    }
    // What each type of step needs is there (checked above): the body is one of the contract's steps.
    const step = w as WebhookEvent
    const result = await app.caseEvents.act({
      caseNo: w.caseNo,
      version: null,
      actor: { role: 'system', id: opts.systemId },
      body: (before) => eventsFor(before, step, opts.systemId),
      claim: (tx, row) => backendRepo(tx).claimWebhook(w.id, row.id),
      at: new Date(now()),
      occurredAt: new Date(w.occurredAt),
    })
    return { id: w.id, duplicate: result.duplicate === true, applied: result.added.map((e) => e.type), status: result.projection.status }
  }, { preValidation: signed, rateLimit: { max: 6000, timeWindow: '1 minute' } })

  // A material of a handed-over case, for the approval system: the link it was given is the key.
  implement(app, API.approval.material, async (request, reply) => {
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
}
