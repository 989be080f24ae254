/**
 * Where the bytes of uploaded files live, chosen by UPLOAD_STORE: a directory
 * on disk (default, `<DATA_DIR>/uploads/files`), a bytea table in the
 * database (PGlite or PostgreSQL; for several BFF instances without a shared
 * disk), or an S3-compatible object store (several instances, files kept out
 * of the database). Keys are ids the BFF generates, never names a citizen gave.
 * A file arrives as a finished temporary file in `incoming/` (the route has
 * already counted, hashed and checked it); put() takes it over.
 */
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { AppConfig } from '../config'
import type { Queryable } from './db'
import type { S3Client } from '../connectors/s3/index'

export interface StoredFile {
  stream: Readable
  size: number
}

export interface FileStore {
  readonly kind: 'disk' | 'postgres' | 's3'
  /** Takes over the temporary file at `tempPath` (moved or copied, then removed). */
  put(key: string, tempPath: string): Promise<void>
  get(key: string): Promise<StoredFile | null>
  /** Removing an absent key is not an error. */
  delete(key: string): Promise<void>
}

const KEY = /^[A-Za-z0-9_-]{16,64}$/

function checkKey(key: string): string {
  // Keys are generated, but a path is built from them: refuse anything else outright.
  if (!KEY.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`)
  return key
}

/** Files under `dir`, two levels of fan-out so no directory grows huge. */
export function diskFileStore(dir: string): FileStore {
  const pathOf = (key: string) => join(dir, checkKey(key).slice(0, 2), key)
  return {
    kind: 'disk',
    async put(key, tempPath) {
      const target = pathOf(key)
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true })
      // Same file system (both under the upload dir): an atomic rename, no copy.
      await rename(tempPath, target)
    },
    async get(key) {
      const path = pathOf(key)
      try {
        const { size } = await stat(path)
        return { stream: createReadStream(path), size }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true })
    },
  }
}

/** Files as rows of `upload_blobs` (at most MAX_UPLOAD_BYTES each, so one bytea value is fine). */
export function postgresFileStore(db: Queryable): FileStore {
  return {
    kind: 'postgres',
    async put(key, tempPath) {
      const data = await readFile(tempPath)
      await db.query('insert into upload_blobs (key, data) values ($1, $2)', [checkKey(key), data])
      await rm(tempPath, { force: true })
    },
    async get(key) {
      const rows = await db.query<{ data: Uint8Array }>('select data from upload_blobs where key = $1', [checkKey(key)])
      const data = rows[0]?.data
      if (!data) return null
      const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      return { stream: Readable.from([buf]), size: buf.length }
    },
    async delete(key) {
      await db.query('delete from upload_blobs where key = $1', [checkKey(key)])
    },
  }
}

/** Objects `<prefix><key>` in the client's bucket. */
export function s3FileStore(s3: S3Client, prefix: string): FileStore {
  const objectKey = (key: string) => `${prefix}${checkKey(key)}`
  return {
    kind: 's3',
    async put(key, tempPath) {
      await s3.putObject(objectKey(key), tempPath)
      await rm(tempPath, { force: true })
    },
    get: (key) => s3.getObject(objectKey(key)),
    delete: (key) => s3.deleteObject(objectKey(key)),
  }
}

export interface UploadSpace {
  store: FileStore
  /** Temporary files of uploads in progress; same file system as the disk store. */
  incomingDir: string
  close(): Promise<void>
}

/** The table or object store; null for the disk store (it needs the upload directory first). */
function pickStore(config: AppConfig, db: Queryable, s3: S3Client | null): FileStore | null {
  switch (config.uploads.store) {
    case 'postgres':
      return postgresFileStore(db)
    case 's3':
      if (!s3) throw new Error('UPLOAD_STORE=s3 needs the S3 client (startConnectors makes it)')
      return s3FileStore(s3, config.s3.prefix)
    default:
      return null
  }
}

/**
 * Opens the configured store. Temporary files left by a crash are swept at
 * start (they belong to requests that never finished). With `memory://` and
 * no UPLOAD_DIR, everything lives in a temporary directory removed at close.
 */
export async function openUploadSpace(config: AppConfig, db: Queryable, s3: S3Client | null = null): Promise<UploadSpace> {
  const chosen = pickStore(config, db, s3)
  const ephemeral = !config.uploads.dir && config.dataDir === 'memory://'
  const root = config.uploads.dir ?? (ephemeral ? await mkdtemp(join(tmpdir(), 'tongban-uploads-')) : join(config.dataDir, 'uploads'))
  const incomingDir = join(root, 'incoming')
  await rm(incomingDir, { recursive: true, force: true })
  await mkdir(incomingDir, { recursive: true })
  const store = chosen ?? diskFileStore(join(root, 'files'))
  return {
    store,
    incomingDir,
    async close() {
      if (ephemeral) await rm(root, { recursive: true, force: true })
    },
  }
}
