/**
 * Material files (API.uploads): POST /api/uploads (multipart, one part
 * `file` plus the optional text fields `materialId` and `itemCode`, before
 * or after it), GET /api/uploads/:id (owner only, as a download), DELETE
 * /api/uploads/:id (owner only, until a submitted case uses it), an agent's
 * upload for the resident who consented, and the workbench's GET
 * /api/staff/cases/:caseNo/files/:fileId[?preview=1]. Every refusal leaves
 * nothing behind: no row, no stored file, no temporary file. A file store
 * that fails (an object store down, a full disk) is a 503, logged. How the
 * bytes go out (types, names, sandbox): stored-files.ts.
 */
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import { API, ITEM_CODE_PATTERN, MAX_UPLOAD_BYTES, UPLOAD_MESSAGES, type UploadedFile } from '@tongban/core'
import { ProblemError } from '../../errors'
import { refuseInput } from '../../input-guard'
import type { UploadConfig } from '../../config'
import type { UploadSpace } from '../../store/file-store'
import { uploadsRepo } from '../../store/uploads'
import { checkFileName, inspectFile, type CheckedName } from '../../uploads/inspect'
import { receiveToTemp, type Received } from '../../uploads/receive'
import { previewJpeg } from '../../uploads/preview'
import { grantedConsent } from '../../cases/agent'
import { staffReads } from '../../cases/responsibility'
import { caseRepo } from '../../store/cases'
import { implement } from '../define'
import { sendStoredFile, storedFileHeaders, uploadView } from './stored-files'

export { contentDisposition, sendPdf, sendStoredFile, storedFileHeaders, STORED_FILE_CSP, uploadView } from './stored-files'

const routes = API.uploads
const MATERIAL_ID = /^[A-Za-z0-9_-]{1,64}$/
const ITEM_CODE = new RegExp(ITEM_CODE_PATTERN)

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c))
  return Buffer.concat(chunks)
}

/** 证件照.jpg → 证件照（预览）.jpg */
const previewName = (name: string) => `${name.replace(/\.[^.]*$/, '')}（预览）.jpg`

function fieldProblem(path: keyof typeof UPLOAD_MESSAGES, code = 'pattern', message: string = UPLOAD_MESSAGES[path]): ProblemError {
  return new ProblemError('VALIDATION', { errors: [{ path, code, message }] })
}

export async function uploadRoutes(app: FastifyInstance, opts: { uploads: UploadConfig; space: UploadSpace }): Promise<void> {
  const { store, incomingDir } = opts.space

  /** The store's own error goes to the log; the citizen gets "try again later". */
  async function fromStore<T>(request: FastifyRequest, what: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op()
    } catch (err) {
      request.log.error({ err, store: store.kind }, `file store ${what} failed`)
      throw new ProblemError('FILE_STORE_UNAVAILABLE')
    }
  }
  /** Cleanup after a failure: its own failure is logged, never hides the first one. */
  async function removeQuietly(request: FastifyRequest, key: string): Promise<void> {
    await store.delete(key).catch((err: unknown) => request.log.error({ err, store: store.kind, key }, 'file store delete failed; stored bytes left without a row'))
  }
  await app.register(multipart, {
    // Our own meter stops at MAX_UPLOAD_BYTES; busboy's limit is only the backstop.
    // preservePath: busboy would otherwise cut '../../etc/passwd.png' down to 'passwd.png' and hide the attempt.
    preservePath: true,
    limits: { fileSize: MAX_UPLOAD_BYTES + 64 * 1024, files: 1, fields: 4, fieldSize: 512, parts: 6, headerPairs: 20 },
  })

  /** Receives one file for `accountId` (the citizen, or the resident an agent applies for). */
  async function receive(request: FastifyRequest, reply: FastifyReply, accountId: string): Promise<UploadedFile> {
    if (!request.isMultipart()) throw new ProblemError('UNSUPPORTED_MEDIA_TYPE')
    const repo = uploadsRepo(app.db)
    if ((await repo.pendingBytes(accountId)) >= opts.uploads.quotaBytes) throw refuse(reply, new ProblemError('UPLOADS_QUOTA_EXCEEDED'))

    const fields: Record<string, string> = {}
    let received: Received | null = null
    let name: CheckedName | null = null
    let stored: string | null = null
    let reading = true
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          // Read here, not by the guard every route has (input-guard.ts): refused by the same rule.
          refuseInput({ [part.fieldname]: part.value }, '', request)
          if (typeof part.value === 'string') fields[part.fieldname] = part.value
          continue
        }
        if (part.fieldname !== 'file') throw fieldProblem('file', 'unknown_part')
        name = checkFileName(part.filename)
        received = await receiveToTemp(part.file, incomingDir, MAX_UPLOAD_BYTES)
      }
      reading = false
      if (!received || !name) throw fieldProblem('file', 'required')
      // The mini-program's Taro.uploadFile names the part after a temporary path (tmp_3f9a….jpg);
      // the name the citizen chose comes as a field and is checked by the same rules.
      if (fields['fileName']) name = checkFileName(fields['fileName'])
      const materialId = fields['materialId'] || null
      const itemCode = fields['itemCode'] || null
      if (materialId !== null && !MATERIAL_ID.test(materialId)) throw fieldProblem('materialId')
      if (itemCode !== null && !ITEM_CODE.test(itemCode)) throw fieldProblem('itemCode')
      if (received.size === 0) throw new ProblemError('FILE_EMPTY')
      const info = await inspectFile(received.head, received.tempPath, name)

      const key = randomBytes(24).toString('base64url')
      // Set before put: a put that failed late (an object store timing out) may still have stored the bytes.
      stored = key
      await fromStore(request, 'put', () => store.put(key, received!.tempPath))
      const row = await app.db.transaction((tx) => uploadsRepo(tx).insertWithin({
        accountId, storageKey: key, name: info.name, mime: info.mime, size: received!.size, sha256: received!.sha256,
        width: info.width, height: info.height, materialId, itemCode, createdAt: new Date(app.now()),
      }, opts.uploads.quotaBytes))
      if (!row) throw new ProblemError('UPLOADS_QUOTA_EXCEEDED')
      stored = null
      reply.code(201)
      return uploadView(row)
    } catch (e) {
      if (received) await rm(received.tempPath, { force: true })
      if (stored) await removeQuietly(request, stored)
      throw refuse(reply, asProblem(e, reading))
    }
  }

  const perAccount = (prefix: string, key: (r: FastifyRequest) => string | undefined) => ({
    max: opts.uploads.ratePerMinute, timeWindow: '1 minute', hook: 'preHandler' as const,
    keyGenerator: (r: FastifyRequest) => `${prefix}:${key(r) ?? r.ip}`,
  })

  // After authentication, per account: a citizen on a shared address (a hall's Wi-Fi) is not held back by others.
  implement(app, routes.upload, async (request, reply) => receive(request, reply, request.citizen.accountId),
    { rateLimit: perAccount('upload', (r) => r.citizen?.accountId ?? undefined) })

  // 代办: an agent uploads a material for the resident who consented; the file is the resident's.
  implement(app, routes.agentUpload, async (request, reply) => {
    const consent = await grantedConsent(app.db, request, request.params.id)
    return receive(request, reply, consent.account_id)
  }, { rateLimit: perAccount('agent-upload', (r) => r.staff?.id) })

  implement(app, routes.get, async (request, reply) => {
    const row = await uploadsRepo(app.db).byIdFor(request.citizen.accountId, request.params.id)
    // Another citizen's file is as good as absent: the answer never says it exists.
    if (!row) throw new ProblemError('UPLOAD_NOT_FOUND')
    const file = await fromStore(request, 'get', () => store.get(row.storage_key))
    if (!file) {
      request.log.error({ upload: row.id }, 'upload row without stored bytes')
      throw new ProblemError('UPLOAD_NOT_FOUND')
    }
    // Images show in the page; a PDF is downloaded, so no document runs inside our origin.
    return sendStoredFile(reply, row, file)
  })

  // The workbench opens a case's materials: only files that case took, each look logged for the citizen;
  // ?preview=1 gives an image as a JPEG at most 1600 px on its long side (the viewer shows that).
  implement(app, routes.staffCaseFile, async (request, reply) => {
    const kase = await caseRepo(app.db).byNo(request.params.caseNo)
    if (!kase) throw new ProblemError('CASE_NOT_FOUND')
    const row = await uploadsRepo(app.db).byIdFor(kase.account_id, request.params.fileId)
    if (!row || row.case_id !== kase.id) throw new ProblemError('UPLOAD_NOT_FOUND')
    const file = await fromStore(request, 'get', () => store.get(row.storage_key))
    if (!file) {
      request.log.error({ upload: row.id }, 'upload row without stored bytes')
      throw new ProblemError('UPLOAD_NOT_FOUND')
    }
    const preview = request.query.preview === '1'
    if (preview && !row.mime.startsWith('image/')) {
      file.stream.destroy()
      throw new ProblemError('VALIDATION', { errors: [{ path: 'preview', code: 'not_an_image', message: 'PDF没有预览图，请直接打开文件' }] })
    }
    await staffReads(app.db, request.staff, kase, [`material:${row.name}`])
    if (!preview) return sendStoredFile(reply, row, file)
    let jpeg: Buffer
    try {
      jpeg = await previewJpeg(await readAll(file.stream))
    } catch (err) {
      // Accepted once by its header, yet libvips will not decode it (truncated, corrupt): the original still opens.
      request.log.warn({ err, upload: row.id }, 'no preview for a stored image')
      throw new ProblemError('PREVIEW_UNAVAILABLE')
    }
    return storedFileHeaders(reply, 'image/jpeg', previewName(row.name), jpeg.length).send(jpeg)
  })

  implement(app, routes.delete, async (request, reply) => {
    const outcome = await uploadsRepo(app.db).deleteFor(request.citizen.accountId, request.params.id)
    if (outcome === 'absent') throw new ProblemError('UPLOAD_NOT_FOUND')
    if (outcome === 'attached') throw new ProblemError('UPLOAD_IN_USE')
    // The row is gone, so the file is gone for the citizen; bytes a failing store kept are logged with their key.
    await removeQuietly(request, outcome.deleted.storage_key)
    return reply.code(204).send()
  })
}

/** The multipart plugin's refusals of a body it cannot read. */
const MALFORMED = new Set(['FST_MP_PREMATURE_CLOSE', 'FST_PROTO_VIOLATION', 'FST_INVALID_JSON_FIELD_ERROR', 'FST_INVALID_MULTIPART_CONTENT_TYPE'])

/** Errors of the multipart parser in our words (`reading`: the body was being read); anything else goes on as it is. */
function asProblem(e: unknown, reading: boolean): unknown {
  if (e instanceof ProblemError) return e
  const code = (e as { code?: string } | null)?.code
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new ProblemError('FILE_TOO_LARGE')
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return fieldProblem('file', 'too_many_parts')
  // busboy's own (no boundary, a body that ends inside a part or without its closing boundary) carry no
  // code, where the file system's and the network's always do: the client sent something that is not multipart.
  if ((code !== undefined && MALFORMED.has(code)) || (reading && e instanceof Error && code === undefined)) {
    return fieldProblem('file', 'malformed', '上传的内容不完整或格式不正确，请重新选择文件上传')
  }
  return e
}

/**
 * A refusal may come while the client is still sending (a 50 MB file is
 * refused after 10 MB): close the connection after the answer instead of
 * reading the rest.
 */
function refuse(reply: FastifyReply, e: unknown): unknown {
  if (!reply.request.raw.readableEnded) reply.header('connection', 'close')
  return e
}
