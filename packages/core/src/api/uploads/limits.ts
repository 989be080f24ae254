/** What a material file may be: the BFF's checks and the shells' (before anything is sent) read the same numbers. */

/** What the BFF accepts, checked by content (magic bytes), never by name. */
export const UPLOAD_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export type UploadMimeType = (typeof UPLOAD_MIME_TYPES)[number]

/** One file: a phone photo compressed on the device is far below this. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** All files of one application together. */
export const MAX_CASE_UPLOAD_BYTES = 40 * 1024 * 1024
/**
 * An image declaring more pixels than this is refused before decoding
 * (decompression bombs). 25 MP is 100 MB decoded at 4 bytes a pixel (RGBA,
 * as a browser holds it) — what one staff PC tab or one BFF preview may
 * cost. It still takes everything a material needs: an A3 page scanned at
 * 300 dpi (17 MP), an A4 page at 400 dpi (15.5 MP), a 24 MP camera frame;
 * the shells send photos at most 2000 px on a side anyway.
 */
export const MAX_IMAGE_PIXELS = 25_000_000
/** What the shells compress photos to before uploading. */
export const COMPRESS_TARGET_BYTES = 1024 * 1024
export const MAX_FILE_NAME_LENGTH = 120
/**
 * Days an upload that no case took is kept (a draft may still use it), then
 * removed with its bytes: the BFF's default (UPLOAD_RETENTION_DAYS) and the
 * number 《隐私政策》 tells citizens.
 */
export const DEFAULT_UPLOAD_RETENTION_DAYS = 30
