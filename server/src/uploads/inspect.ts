/**
 * What an uploaded file really is. The name a citizen's device gave is only
 * for display: it must be a plain file name by the core's rule (the shells
 * check the same before sending), and its extension, when it has one, must
 * agree with the content. The type comes from the magic bytes (file-type);
 * an image's size from its header (image-size), never by decoding it, so a
 * small file declaring a gigantic picture is refused before anything tries
 * to unpack it. No image or PDF may carry markup, nor a PDF active content
 * (active-content.ts).
 */
import { readFile } from 'node:fs/promises'
import { imageSize } from 'image-size'
import { checkFileName as fileNameRule, MAX_IMAGE_PIXELS, UPLOAD_MIME_TYPES, type UploadMimeType } from '@tongban/core'
import { ProblemError } from '../errors'
import { findMarkup, findPdfActiveContent, MARKUP_MESSAGES, PDF_MESSAGES } from './active-content'

const EXTENSION_TYPES: Record<string, UploadMimeType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
}
const CANONICAL_EXTENSION: Record<UploadMimeType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }

export interface CheckedName {
  name: string
  /** Lower-case extension without the dot, or null when the name has none. */
  extension: string | null
}

/** Throws FILE_NAME_INVALID, naming what is wrong (field `file`), for a name the core's rule refuses. */
export function checkFileName(raw: string | undefined): CheckedName {
  const checked = fileNameRule(raw)
  if (checked.ok) return { name: checked.name, extension: checked.extension }
  throw new ProblemError('FILE_NAME_INVALID', { detail: checked.message, errors: [{ path: 'file', code: checked.issue, message: checked.message }] })
}

export interface Inspected {
  mime: UploadMimeType
  /** The display name, with the canonical extension added when it had none. */
  name: string
  width: number | null
  height: number | null
}

function dimensions(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const d = imageSize(bytes)
    return d.width && d.height ? { width: d.width, height: d.height } : null
  } catch {
    return null
  }
}

function unsafe(code: 'FILE_HAS_MARKUP' | 'PDF_ACTIVE_CONTENT', finding: string, message: string): ProblemError {
  return new ProblemError(code, { detail: message, errors: [{ path: 'file', code: finding, message }] })
}

/**
 * Checks a received file: `head` is its first bytes (enough for the type and,
 * nearly always, the image header); `path` the whole file, read for the content
 * rules and for an image that keeps its size further in (a JPEG with a
 * large EXIF block).
 */
export async function inspectFile(head: Uint8Array, path: string, name: CheckedName): Promise<Inspected> {
  // file-type (~11 MB with its tokenizers) is loaded at the first upload.
  const { fileTypeFromBuffer } = await import('file-type')
  const detected = await fileTypeFromBuffer(head)
  const mime = detected?.mime as UploadMimeType | undefined
  if (!mime || !UPLOAD_MIME_TYPES.includes(mime)) throw new ProblemError('FILE_TYPE_NOT_ALLOWED', { detail: `content is ${detected?.mime ?? 'unknown'}` })
  if (name.extension !== null && EXTENSION_TYPES[name.extension] !== mime) {
    throw new ProblemError(EXTENSION_TYPES[name.extension] ? 'FILE_TYPE_MISMATCH' : 'FILE_TYPE_NOT_ALLOWED', { detail: `.${name.extension} but the content is ${mime}` })
  }
  const display = name.extension === null ? `${name.name}.${CANONICAL_EXTENSION[mime]}` : name.name
  // At most MAX_UPLOAD_BYTES, already on disk: read whole for the markup and PDF rules.
  const bytes = await readFile(path)
  const markup = findMarkup(bytes)
  if (markup) throw unsafe('FILE_HAS_MARKUP', markup, MARKUP_MESSAGES[markup])
  if (mime === 'application/pdf') {
    const active = findPdfActiveContent(bytes)
    if (active) throw unsafe('PDF_ACTIVE_CONTENT', active, PDF_MESSAGES[active])
    return { mime, name: display, width: null, height: null }
  }
  const size = dimensions(head) ?? dimensions(bytes)
  if (!size) throw new ProblemError('FILE_TYPE_NOT_ALLOWED', { detail: 'the image header cannot be read' })
  if (size.width * size.height > MAX_IMAGE_PIXELS) throw new ProblemError('IMAGE_TOO_LARGE', { detail: `${size.width}×${size.height} pixels` })
  return { mime, name: display, ...size }
}
