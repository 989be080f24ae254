/**
 * What an uploaded file really is. The name a citizen's device gave is only
 * for display: it must be a plain file name (no separators, `..`, control or
 * direction-override characters, not too long), and its extension, when it
 * has one, must agree with the content. The type comes from the magic bytes
 * (file-type); an image's size from its header (image-size), never by
 * decoding it, so a small file declaring a gigantic picture is refused
 * before anything tries to unpack it.
 */
import { readFile } from 'node:fs/promises'
import { fileTypeFromBuffer } from 'file-type'
import { imageSize } from 'image-size'
import { MAX_FILE_NAME_LENGTH, MAX_IMAGE_PIXELS, UPLOAD_MIME_TYPES, type UploadMimeType } from '@tongban/core'
import { ProblemError } from '../errors'

const EXTENSION_TYPES: Record<string, UploadMimeType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
}
const CANONICAL_EXTENSION: Record<UploadMimeType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }

// C0/C1 controls, and the bidi marks that can make `gpj.exe` read as `exe.jpg`.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/

export interface CheckedName {
  name: string
  /** Lower-case extension without the dot, or null when the name has none. */
  extension: string | null
}

/** Throws FILE_NAME_INVALID for a name that is not a plain file name. */
export function checkFileName(raw: string | undefined): CheckedName {
  const name = (raw ?? '').normalize('NFC').trim()
  const invalid = (detail: string) => new ProblemError('FILE_NAME_INVALID', { detail })
  if (!name) throw invalid('empty file name')
  if ([...name].length > MAX_FILE_NAME_LENGTH) throw invalid(`longer than ${MAX_FILE_NAME_LENGTH} characters`)
  if (/[/\\]/.test(name)) throw invalid('contains a path separator')
  if (name.includes('..')) throw invalid('contains ..')
  if (FORBIDDEN.test(name)) throw invalid('contains control characters')
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : null
  return { name, extension }
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

/**
 * Checks a received file: `head` is its first bytes (enough for the type and,
 * nearly always, the image header); `path` the whole file, read only when an
 * image keeps its size further in (a JPEG with a large EXIF block).
 */
export async function inspectFile(head: Uint8Array, path: string, name: CheckedName): Promise<Inspected> {
  const detected = await fileTypeFromBuffer(head)
  const mime = detected?.mime as UploadMimeType | undefined
  if (!mime || !UPLOAD_MIME_TYPES.includes(mime)) throw new ProblemError('FILE_TYPE_NOT_ALLOWED', { detail: `content is ${detected?.mime ?? 'unknown'}` })
  if (name.extension !== null && EXTENSION_TYPES[name.extension] !== mime) {
    throw new ProblemError(EXTENSION_TYPES[name.extension] ? 'FILE_TYPE_MISMATCH' : 'FILE_TYPE_NOT_ALLOWED', { detail: `.${name.extension} but the content is ${mime}` })
  }
  const display = name.extension === null ? `${name.name}.${CANONICAL_EXTENSION[mime]}` : name.name
  if (mime === 'application/pdf') return { mime, name: display, width: null, height: null }
  const size = dimensions(head) ?? dimensions(await readFile(path))
  if (!size) throw new ProblemError('FILE_TYPE_NOT_ALLOWED', { detail: 'the image header cannot be read' })
  if (size.width * size.height > MAX_IMAGE_PIXELS) throw new ProblemError('IMAGE_TOO_LARGE', { detail: `${size.width}×${size.height} pixels` })
  return { mime, name: display, ...size }
}
