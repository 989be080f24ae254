/**
 * A client of the S3 REST API, just what the upload store needs: PutObject
 * from a file, GetObject as a stream, DeleteObject, path-style
 * (`<endpoint>/<bucket>/<key>`, as MinIO and most private clouds expect),
 * signed with AWS Signature Version 4 (the `aws4` library). Over node:http
 * rather than fetch: fetch sends a streamed body chunked, and S3 refuses a
 * PutObject without Content-Length.
 *
 * The payload is signed with its SHA-256, not UNSIGNED-PAYLOAD: uploads are
 * at most 10 MB, hashing costs milliseconds, and with it S3 itself refuses a
 * body altered on the way (XAmzContentSHA256Mismatch), which matters on the
 * plain-HTTP endpoints private clouds often use inside their network.
 *
 * Failures are thrown as S3Error with S3's code. 500/503 answers (SlowDown,
 * InternalError, ServiceUnavailable), RequestTimeout and connections refused
 * or reset are tried again with exponential back-off and jitter (every
 * operation here is idempotent); a timeout is not, since the caller has
 * already waited `timeoutMs`. GetObject of an absent key is null; of an
 * absent bucket an error (that is a misconfiguration, not a missing file).
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { Readable, Transform, pipeline } from 'node:stream'
import aws4 from 'aws4'
import { EMPTY_SHA256, uriEncode } from './signature'

export interface S3ClientConfig {
  /** `https://oss-cn-hangzhou.aliyuncs.com`, `http://127.0.0.1:9000`: scheme, host and port only. */
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /**
   * Until the answer's headers arrive (for PutObject that includes sending
   * the body); then, for GetObject, the longest wait for the next bytes.
   * Default 30 s.
   */
  timeoutMs?: number
  /** Tries per operation, the first included. Default 4. */
  maxAttempts?: number
  /** First back-off; each further one doubles, with jitter (½–1×). Default 200 ms. */
  backoffMs?: number
  /** Tests record the back-off instead of waiting. */
  sleep?: (ms: number) => Promise<void>
  /** Clock for X-Amz-Date. */
  now?: () => Date
}

export type S3Operation = 'PutObject' | 'GetObject' | 'DeleteObject'

/** What went wrong, with S3's error code (or Timeout / NetworkError / BadResponse). Never carries a secret. */
export class S3Error extends Error {
  override readonly name = 'S3Error'
  constructor(
    readonly operation: S3Operation,
    readonly code: string,
    readonly status: number | null,
    readonly retryable: boolean,
    message: string,
    readonly requestId?: string,
  ) {
    super(message)
  }
}

export interface S3Object {
  size: number
  stream: Readable
}

export interface S3Client {
  readonly bucket: string
  /** Uploads the file at `path` (its size and SHA-256 read from it) as `key`. */
  putObject(key: string, path: string, contentType?: string): Promise<void>
  getObject(key: string): Promise<S3Object | null>
  /** S3 answers 204 whether or not the key existed. */
  deleteObject(key: string): Promise<void>
  /** Closes idle kept-alive connections. */
  close(): void
}

const DEFAULT_TIMEOUT_MS = 30_000
const RETRYABLE_CODES = new Set(['SlowDown', 'InternalError', 'ServiceUnavailable', 'RequestTimeout', 'NetworkError'])
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET'])
/** Where the fix usually is, by S3 code. */
const HINTS: Readonly<Record<string, string>> = {
  SignatureDoesNotMatch: 'check S3_SECRET_ACCESS_KEY',
  InvalidAccessKeyId: 'check S3_ACCESS_KEY_ID',
  AccessDenied: 'check the key\'s permissions on the bucket',
  NoSuchBucket: 'check S3_BUCKET',
  AuthorizationHeaderMalformed: 'check S3_REGION',
  RequestTimeTooSkewed: 'check this machine\'s clock',
}

/** `20130524T000000Z`. */
export function amzDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** The first `<Name>…</Name>` of an S3 XML error document (flat, so no XML parser is needed). */
export function xmlField(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)
  return m?.[1]?.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCharCode(Number(e.slice(1))))
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function readCapped(res: IncomingMessage, max = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of res) {
    if (size < max) chunks.push(chunk as Buffer)
    size += (chunk as Buffer).length
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, max)
}

/**
 * The body as a stream that fails with `onIdle()` when no bytes come for
 * `ms`; destroying it (a citizen hanging up) releases the connection.
 */
function idleGuarded(res: IncomingMessage, ms: number, onIdle: () => Error): Readable {
  let timer: NodeJS.Timeout
  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => out.destroy(onIdle()), ms)
    timer.unref()
  }
  const out = new Transform({
    transform(chunk, _enc, done) {
      arm()
      done(null, chunk)
    },
  })
  out.once('close', () => clearTimeout(timer))
  arm()
  pipeline(res, out, () => clearTimeout(timer))
  return out
}

export function createS3Client(config: S3ClientConfig): S3Client {
  const endpoint = new URL(config.endpoint)
  const secure = endpoint.protocol === 'https:'
  const agent = secure ? new HttpsAgent({ keepAlive: true, maxSockets: 64 }) : new HttpAgent({ keepAlive: true, maxSockets: 64 })
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxAttempts = Math.max(1, config.maxAttempts ?? 4)
  const backoffMs = config.backoffMs ?? 200
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const now = config.now ?? (() => new Date())
  const credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
  const { bucket } = config

  const pathOf = (key: string) => `/${uriEncode(bucket)}/${key.split('/').map(uriEncode).join('/')}`
  const where = (key: string) => `${bucket}/${key}`

  interface Body {
    path: string
    size: number
    sha256: string
    contentType: string
  }

  /** One attempt: resolves with the answer once its headers are in. */
  function attempt(op: S3Operation, method: string, key: string, body?: Body): Promise<IncomingMessage> {
    const headers: OutgoingHttpHeaders = {
      Host: endpoint.host,
      'X-Amz-Date': amzDate(now()),
      'X-Amz-Content-Sha256': body ? body.sha256 : EMPTY_SHA256,
      ...(body ? { 'Content-Length': String(body.size), 'Content-Type': body.contentType } : {}),
    }
    const signed = aws4.sign({ service: 's3', region: config.region, method, host: endpoint.host, path: pathOf(key), headers }, credentials)
    return new Promise<IncomingMessage>((resolve, reject) => {
      const send = secure ? httpsRequest : httpRequest
      const req = send({
        protocol: endpoint.protocol, hostname: endpoint.hostname, port: endpoint.port || undefined,
        method, path: pathOf(key), headers: signed.headers, agent,
      })
      const timer = setTimeout(() => {
        req.destroy(new S3Error(op, 'Timeout', null, false, `S3 ${op} ${where(key)}: no answer within ${timeoutMs} ms`))
      }, timeoutMs)
      req.once('response', (res) => {
        clearTimeout(timer)
        resolve(res)
      })
      req.once('error', (e) => {
        clearTimeout(timer)
        if (e instanceof S3Error) return reject(e)
        const code = (e as NodeJS.ErrnoException).code ?? ''
        const retryable = NETWORK_ERRORS.has(code)
        reject(new S3Error(op, retryable ? 'NetworkError' : 'ClientError', null, retryable, `S3 ${op} ${where(key)}: ${e.message}${code && !e.message.includes(code) ? ` (${code})` : ''}`))
      })
      if (!body) return void req.end()
      // Either side failing ends both (a file error destroys the request with it).
      pipeline(createReadStream(body.path), req, () => {})
    })
  }

  async function failure(op: S3Operation, key: string, res: IncomingMessage): Promise<S3Error> {
    const status = res.statusCode ?? 0
    const xml = await readCapped(res).catch(() => '')
    const code = xmlField(xml, 'Code') ?? `HTTP${status}`
    const s3Message = xmlField(xml, 'Message') ?? (xml ? 'unreadable error body' : 'no error body')
    const requestId = xmlField(xml, 'RequestId') ?? (res.headers['x-amz-request-id'] as string | undefined)
    const hint = HINTS[code] ? `; ${HINTS[code]}` : ''
    const retryable = RETRYABLE_CODES.has(code) || status >= 500
    return new S3Error(op, code, status, retryable,
      `S3 ${op} ${where(key)}: ${code} (HTTP ${status}): ${s3Message}${hint}${requestId ? ` [request ${requestId}]` : ''}`, requestId)
  }

  /**
   * Tries until an answer `accept`s (returns non-undefined) or the failure is
   * final. A refused answer's body is read for its error; a retried one's too.
   */
  async function run<T>(op: S3Operation, method: string, key: string, accept: (res: IncomingMessage) => T | undefined, body?: Body): Promise<T> {
    for (let n = 1; ; n++) {
      let error: S3Error
      try {
        const res = await attempt(op, method, key, body)
        const out = accept(res)
        if (out !== undefined) return out
        error = await failure(op, key, res)
      } catch (e) {
        if (!(e instanceof S3Error)) throw e
        error = e
      }
      if (!error.retryable || n >= maxAttempts) throw error
      const base = backoffMs * 2 ** (n - 1)
      await sleep(Math.round(base / 2 + (Math.random() * base) / 2))
    }
  }

  const drained = (res: IncomingMessage) => {
    res.resume()
    return true as const
  }

  return {
    bucket,
    async putObject(key, path, contentType = 'application/octet-stream') {
      const { size } = await stat(path)
      const body = { path, size, sha256: await sha256OfFile(path), contentType }
      await run('PutObject', 'PUT', key, (res) => (res.statusCode === 200 ? drained(res) : undefined), body)
    },
    async getObject(key) {
      return run<S3Object | null>('GetObject', 'GET', key, (res) => {
        if (res.statusCode !== 200) return undefined
        const size = Number(res.headers['content-length'])
        if (!Number.isSafeInteger(size)) {
          res.destroy()
          throw new S3Error('GetObject', 'BadResponse', 200, false, `S3 GetObject ${where(key)}: answer without Content-Length`)
        }
        const stream = idleGuarded(res, timeoutMs, () => new S3Error('GetObject', 'Timeout', 200, false, `S3 GetObject ${where(key)}: no bytes for ${timeoutMs} ms`))
        return { size, stream }
      }).catch((e: unknown) => {
        // Only an absent key is "no such file"; NoSuchBucket and the rest are errors.
        if (e instanceof S3Error && e.code === 'NoSuchKey') return null
        throw e
      })
    },
    async deleteObject(key) {
      await run('DeleteObject', 'DELETE', key, (res) => (res.statusCode === 204 || res.statusCode === 200 ? drained(res) : undefined))
    },
    close() {
      agent.destroy()
    },
  }
}
