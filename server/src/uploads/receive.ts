/**
 * Receiving one file part: streamed to a temporary file while it is hashed
 * (SHA-256) and counted, keeping its first bytes for the type check. Past
 * `maxBytes` it stops at once with FILE_TOO_LARGE; on any failure (too
 * large, client gone) the temporary file is removed before the error goes on.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ProblemError } from '../errors'

/** Enough for file-type and for the header of any ordinary photo. */
export const HEAD_BYTES = 256 * 1024

export interface Received {
  tempPath: string
  size: number
  sha256: string
  head: Buffer
}

export async function receiveToTemp(source: Readable, dir: string, maxBytes: number): Promise<Received> {
  const tempPath = join(dir, `${randomBytes(12).toString('hex')}.part`)
  const hash = createHash('sha256')
  const headChunks: Buffer[] = []
  let headLength = 0
  let size = 0
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > maxBytes) return done(new ProblemError('FILE_TOO_LARGE'))
      hash.update(chunk)
      if (headLength < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headLength)
        headChunks.push(part)
        headLength += part.length
      }
      done(null, chunk)
    },
  })
  const out = createWriteStream(tempPath, { flags: 'wx' })
  try {
    await pipeline(source, meter, out)
  } catch (e) {
    // The file is opened asynchronously: wait until the stream has let go of it, or a late open would
    // create it again after the removal (seen on a busy machine: a refused 50 MB upload left its .part).
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()))
    await rm(tempPath, { force: true })
    throw e
  }
  return { tempPath, size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks) }
}
