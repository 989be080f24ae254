/**
 * Photos shrunk on the phone before upload, with the browser's own canvas:
 * long side down to `maxSide` (2000 px keeps a document photo readable),
 * then JPEG quality stepped down until the file fits `maxBytes`, then the
 * picture itself made smaller if it still does not. No library: what
 * browser-image-compression adds (a worker, a PNG encoder we do not need)
 * is bigger than this file, and the canvas is what it uses underneath too.
 * PDFs, and images already small enough, are sent unchanged.
 */
import type { UploadSource } from '@tongban/core'
import type { CompressOptions } from '@tongban/app'

const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45]
const MIN_SIDE = 800

async function decode(blob: Blob): Promise<ImageBitmap | HTMLImageElement> {
  // createImageBitmap applies the EXIF orientation, so a phone photo is not sideways.
  if (typeof createImageBitmap === 'function') return createImageBitmap(blob, { imageOrientation: 'from-image' })
  const url = URL.createObjectURL(blob)
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    return img
  } finally {
    URL.revokeObjectURL(url)
  }
}

function encode(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
}

export function jpegName(name: string): string {
  const dot = name.lastIndexOf('.')
  return `${dot > 0 ? name.slice(0, dot) : name}.jpg`
}

export async function compressImage(file: UploadSource, opts: CompressOptions): Promise<UploadSource> {
  if (file.kind !== 'blob') return file
  const blob = file.blob as Blob
  if (!/^image\/(jpeg|png|webp|heic|heif)$/.test(blob.type)) return file
  const image = await decode(blob)
  try {
    return await shrink(file, blob, image, opts)
  } finally {
    if ('close' in image) image.close()
  }
}

async function shrink(file: UploadSource, blob: Blob, image: ImageBitmap | HTMLImageElement, opts: CompressOptions): Promise<UploadSource> {
  const width = image.width
  const height = image.height
  const longSide = Math.max(width, height)
  if (blob.size <= opts.maxBytes && longSide <= opts.maxSide && blob.type !== 'image/heic' && blob.type !== 'image/heif') return file

  let side = Math.min(longSide, opts.maxSide)
  let best: Blob | null = null
  while (true) {
    const scale = side / longSide
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(width * scale))
    canvas.height = Math.max(1, Math.round(height * scale))
    const ctx = canvas.getContext('2d')
    if (!ctx) return file
    // A transparent PNG would turn black as JPEG: paper is white.
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height)
    for (const q of QUALITIES) {
      const out = await encode(canvas, q)
      if (!out) break
      best = out
      if (out.size <= opts.maxBytes) return { kind: 'blob', blob: out, name: jpegName(file.name) }
    }
    if (side <= MIN_SIDE) break
    side = Math.max(MIN_SIDE, Math.round(side * 0.75))
  }
  // Still over the target at the smallest readable size: send the best we have (the BFF allows up to 10 MB).
  return best && best.size < blob.size ? { kind: 'blob', blob: best, name: jpegName(file.name) } : file
}
