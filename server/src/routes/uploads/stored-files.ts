/**
 * How a stored file leaves the BFF. It is sent as what it was sniffed to
 * be, never to be sniffed again (nosniff) and, should a browser render it
 * as a document anyway (opened in a tab of its own), in a sandbox: an
 * opaque origin with no script, no plugin, no form (Content-Security-Policy:
 * sandbox). PDFs are attachments everywhere; the workbench renders them
 * itself (pdf.js, on a canvas), so no PDF runs inside our origin, nor in a
 * reader's plugin. The PDFs we issue (notices, certificates) go out the
 * same way: downloaded, never kept.
 */
import type { FastifyReply } from 'fastify'
import type { UploadedFile, UploadMimeType } from '@tongban/core'
import type { StoredFile } from '../../store/file-store'
import type { UploadRow } from '../../store/uploads'

export function uploadView(r: UploadRow): UploadedFile {
  return {
    id: r.id,
    name: r.name,
    mime: r.mime as UploadMimeType,
    size: Number(r.size),
    sha256: r.sha256,
    ...(r.width !== null && r.height !== null ? { width: r.width, height: r.height } : {}),
    createdAt: new Date(r.created_at).toISOString(),
  }
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name (RFC 8187); quotes and controls cannot get through. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`
}

/** What a stored file may do if a browser opens it as a page: nothing (no script, plugin, form, nor our origin). */
export const STORED_FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'"

/** How a stored file is handed out: images shown, PDFs downloaded. */
export function dispositionOf(mime: string): 'inline' | 'attachment' {
  return mime === 'application/pdf' ? 'attachment' : 'inline'
}

/** The headers of any stored material's bytes: its sniffed type (never guessed again), its name, never cached, sandboxed. */
export function storedFileHeaders(reply: FastifyReply, mime: string, name: string, size: number, kind = dispositionOf(mime)): FastifyReply {
  return reply
    .header('content-type', mime)
    .header('content-length', String(size))
    .header('content-disposition', contentDisposition(kind, name))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', STORED_FILE_CSP)
}

export function sendStoredFile(reply: FastifyReply, row: Pick<UploadRow, 'mime' | 'name'>, file: StoredFile, kind = dispositionOf(row.mime)) {
  return storedFileHeaders(reply, row.mime, row.name, file.size, kind).send(file.stream)
}

/** A PDF we issued, as a download (its route's contract keeps it from any cache: `personal`). */
export function sendPdf(reply: FastifyReply, name: string, pdf: Buffer) {
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition('attachment', name))
    .header('x-content-type-options', 'nosniff')
    .send(pdf)
}
