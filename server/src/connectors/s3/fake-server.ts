/**
 * A local stand-in for an S3-compatible object store (MinIO, 阿里云 OSS,
 * 腾讯云 COS) on 127.0.0.1, for tests and the embedded default with
 * UPLOAD_STORE=s3. It answers the way S3 does, path-style:
 *
 *   PUT    /<bucket>/<key>   PutObject (Content-Length required)
 *   GET    /<bucket>/<key>   GetObject
 *   DELETE /<bucket>/<key>   DeleteObject (204 whether or not the key exists)
 *
 * Every request must carry a valid AWS Signature Version 4 (checked with
 * ./signature, independently of the client's signer); refusals are S3's XML
 * error documents with S3's codes and statuses: AccessDenied (unsigned),
 * InvalidAccessKeyId, SignatureDoesNotMatch, RequestTimeTooSkewed (more than
 * 15 minutes off), AuthorizationHeaderMalformed (wrong region),
 * XAmzContentSHA256Mismatch (body differs from the signed hash),
 * MissingContentLength, NoSuchBucket (any other bucket), NoSuchKey.
 * `slowDown(n)` makes the next n requests answer 503 SlowDown.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listenLocal } from '../fake-http'
import { canonicalRequest, parseAmzDate, parseAuthorization, signature, UNSIGNED_PAYLOAD } from './signature'

export interface FakeS3ServerOptions {
  port?: number
  /** Default `tongban-test`. */
  bucket?: string
  /** Default `us-east-1` (MinIO's default). */
  region?: string
  /** Default: a random `AKIA…` id and 40-character secret; read them back from the handle. */
  accessKeyId?: string
  secretAccessKey?: string
  /** The fake's clock (ms), for the 15-minute skew check. */
  now?: () => number
}

export interface FakeS3Object {
  data: Buffer
  contentType: string
  etag: string
}

export interface FakeS3Request {
  method: string
  key: string
  status: number
  code?: string
}

export interface FakeS3Server {
  url: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Stored objects by key (copies). */
  objects(): Map<string, FakeS3Object>
  /** Every request answered so far, in order. */
  requests(): FakeS3Request[]
  /** The next n requests, whatever they are, answer 503 SlowDown. */
  slowDown(n: number): void
  close(): Promise<void>
}

const MAX_SKEW_MS = 15 * 60_000

const MESSAGES: Readonly<Record<string, string>> = {
  AccessDenied: 'Access Denied',
  InvalidAccessKeyId: 'The AWS Access Key Id you provided does not exist in our records.',
  SignatureDoesNotMatch: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  RequestTimeTooSkewed: 'The difference between the request time and the current time is too large.',
  XAmzContentSHA256Mismatch: "The provided 'x-amz-content-sha256' header does not match what was computed.",
  MissingContentLength: 'You must provide the Content-Length HTTP header.',
  InvalidRequest: 'Missing required header for this request: x-amz-content-sha256',
  NoSuchBucket: 'The specified bucket does not exist',
  NoSuchKey: 'The specified key does not exist.',
  MethodNotAllowed: 'The specified method is not allowed against this resource.',
  SlowDown: 'Please reduce your request rate.',
  InternalError: 'We encountered an internal error. Please try again.',
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function startFakeS3Server(opts: FakeS3ServerOptions = {}): Promise<FakeS3Server> {
  const bucket = opts.bucket ?? 'tongban-test'
  const region = opts.region ?? 'us-east-1'
  const accessKeyId = opts.accessKeyId ?? `AKIA${randomBytes(8).toString('hex').toUpperCase()}`
  const secretAccessKey = opts.secretAccessKey ?? randomBytes(30).toString('base64')
  const now = opts.now ?? Date.now
  const objects = new Map<string, FakeS3Object>()
  const log: FakeS3Request[] = []
  let slowDowns = 0

  function refuse(res: ServerResponse, status: number, code: string, extra: Record<string, string> = {}, message = MESSAGES[code] ?? code): void {
    const requestId = randomBytes(8).toString('hex').toUpperCase()
    const fields = Object.entries({ Code: code, Message: message, ...extra, RequestId: requestId, HostId: randomBytes(24).toString('base64') })
      .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
      .join('')
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields}</Error>`
    res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml), 'x-amz-request-id': requestId })
    res.end(xml)
  }

  interface Refusal { status: number; code: string; extra?: Record<string, string>; message?: string }

  /** Why S3 would refuse this request's signature, or null when it holds. */
  function checkSignature(req: IncomingMessage, rawPath: string, rawQuery: string): Refusal | null {
    const auth = parseAuthorization(req.headers.authorization)
    if (!auth) return { status: 403, code: 'AccessDenied' }
    if (auth.accessKeyId !== accessKeyId) return { status: 403, code: 'InvalidAccessKeyId', extra: { AWSAccessKeyId: auth.accessKeyId } }
    if (auth.region !== region || auth.service !== 's3') {
      return {
        status: 400, code: 'AuthorizationHeaderMalformed', extra: { Region: region },
        message: `The authorization header is malformed; the region '${auth.region}' is wrong; expecting '${region}'`,
      }
    }
    const payloadHash = req.headers['x-amz-content-sha256']
    if (typeof payloadHash !== 'string') return { status: 400, code: 'InvalidRequest' }
    const amzDate = typeof req.headers['x-amz-date'] === 'string' ? req.headers['x-amz-date'] : ''
    const signedAt = parseAmzDate(amzDate)
    const required = ['host', 'x-amz-content-sha256', 'x-amz-date']
    if (Number.isNaN(signedAt) || !required.every((h) => auth.signedHeaders.includes(h)) || amzDate.slice(0, 8) !== auth.date) {
      return { status: 403, code: 'AccessDenied' }
    }
    if (Math.abs(now() - signedAt) > MAX_SKEW_MS) {
      return { status: 403, code: 'RequestTimeTooSkewed', extra: { RequestTime: amzDate, ServerTime: new Date(now()).toISOString() } }
    }
    const headers: Record<string, string> = {}
    for (const name of auth.signedHeaders) {
      const v = req.headers[name]
      headers[name] = Array.isArray(v) ? v.join(',') : (v ?? '')
    }
    const canonical = canonicalRequest({ method: req.method ?? 'GET', path: rawPath, query: rawQuery, headers, signedHeaders: auth.signedHeaders, payloadHash })
    const expected = Buffer.from(signature(secretAccessKey, region, amzDate, canonical), 'hex')
    const given = Buffer.from(auth.signature, 'hex')
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { status: 403, code: 'SignatureDoesNotMatch', extra: { AWSAccessKeyId: auth.accessKeyId, CanonicalRequest: canonical } }
    }
    return null
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? '/'
    const q = raw.indexOf('?')
    const rawPath = q < 0 ? raw : raw.slice(0, q)
    const rawQuery = q < 0 ? '' : raw.slice(q + 1)
    const [, bucketName = '', ...rest] = rawPath.split('/')
    const key = rest.map(decodeURIComponent).join('/')
    const method = req.method ?? 'GET'
    const answered = (status: number, code?: string) => log.push({ method, key, status, ...(code ? { code } : {}) })
    const fail = (status: number, code: string, extra?: Record<string, string>, message?: string) => {
      answered(status, code)
      refuse(res, status, code, extra, message)
    }

    // Read the whole body first (an S3 endpoint answers after the request is in).
    const body = method === 'PUT' ? await readBody(req) : Buffer.alloc(0)
    if (slowDowns > 0) {
      slowDowns--
      return fail(503, 'SlowDown')
    }
    const refusal = checkSignature(req, rawPath, rawQuery)
    if (refusal) return fail(refusal.status, refusal.code, refusal.extra, refusal.message)
    if (decodeURIComponent(bucketName) !== bucket) return fail(404, 'NoSuchBucket', { BucketName: decodeURIComponent(bucketName) })
    if (!key) return fail(405, 'MethodNotAllowed')

    switch (method) {
      case 'PUT': {
        if (req.headers['content-length'] === undefined) return fail(411, 'MissingContentLength')
        const declared = req.headers['x-amz-content-sha256']
        if (declared !== UNSIGNED_PAYLOAD && declared !== createHash('sha256').update(body).digest('hex')) {
          return fail(400, 'XAmzContentSHA256Mismatch', { ClientComputedContentSHA256: String(declared) })
        }
        const etag = `"${createHash('md5').update(body).digest('hex')}"`
        objects.set(key, { data: body, contentType: req.headers['content-type'] ?? 'binary/octet-stream', etag })
        answered(200)
        res.writeHead(200, { etag, 'content-length': 0 })
        return void res.end()
      }
      case 'GET': {
        const obj = objects.get(key)
        if (!obj) return fail(404, 'NoSuchKey', { Key: key })
        answered(200)
        res.writeHead(200, { 'content-type': obj.contentType, 'content-length': obj.data.length, etag: obj.etag })
        return void res.end(obj.data)
      }
      case 'DELETE':
        objects.delete(key)
        answered(204)
        res.writeHead(204)
        return void res.end()
      default:
        return fail(405, 'MethodNotAllowed')
    }
  }

  const { server, url } = await listenLocal(handle, (res) => refuse(res, 500, 'InternalError'), opts.port)

  return {
    url,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    objects: () => new Map([...objects].map(([k, o]) => [k, { ...o, data: Buffer.from(o.data) }])),
    requests: () => log.map((r) => ({ ...r })),
    slowDown(n: number) {
      slowDowns = Math.max(0, Math.floor(n))
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
