/**
 * The workbench's preview of an image material: a JPEG at most
 * PREVIEW_MAX_SIDE pixels on its long side, turned upright by its EXIF
 * orientation, transparency on white, no metadata (no GPS position).
 * A 25-megapixel photo is 100 MB once decoded; the staff PC gets 1–2 MB.
 *
 * sharp (libvips) decodes it, with only its JPEG and PNG loaders left
 * unblocked in this process — the uploads were sniffed as one of those,
 * and SVG, HEIF, TIFF, PDF, GIF and the rest of libvips' parsers stay shut
 * whatever the bytes claim — never more pixels than MAX_IMAGE_PIXELS, and
 * two previews at a time at most. Pure-JS decoders were measured first:
 * jpeg-js took 4.4 s and ~900 MB to decode one 25 MP JPEG, blocking the
 * event loop throughout; sharp makes a 1600 px JPEG of a 36 MP PNG in
 * 0.2 s, off the event loop, shrinking a JPEG while it decodes it.
 */
import type Sharp from 'sharp'
import { MAX_IMAGE_PIXELS } from '@tongban/core'

export const PREVIEW_MAX_SIDE = 1600
const AT_ONCE = 2

let loading: Promise<typeof Sharp> | undefined

/** sharp is loaded at the first preview (libvips is ~28 MB of a BFF that may never make one). */
function loadSharp(): Promise<typeof Sharp> {
  return loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.block({ operation: ['VipsForeignLoad'] })
    sharp.unblock({ operation: ['VipsForeignLoadJpegBuffer', 'VipsForeignLoadPngBuffer'] })
    sharp.cache(false)
    sharp.concurrency(1)
    return sharp
  })
}

let running = 0
const waiting: (() => void)[] = []

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running < AT_ONCE) running++
  else await new Promise<void>((resolve) => waiting.push(resolve)) // a finished preview hands its slot over
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

/** The preview JPEG of a stored JPEG or PNG; throws on anything libvips will not read. */
export function previewJpeg(bytes: Buffer): Promise<Buffer> {
  return slot(async () => (await loadSharp())(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', sequentialRead: true })
    .rotate()
    .resize(PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82 })
    .toBuffer())
}
