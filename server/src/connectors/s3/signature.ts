/**
 * AWS Signature Version 4 as an S3 server checks it: the canonical request
 * rebuilt from what arrived, the string to sign, the derived key and the
 * signature. The fake S3 server verifies requests with these; the client
 * signs with the `aws4` library, so every test crosses two independent
 * implementations (and both are checked against AWS's documented example).
 */
import { createHash, createHmac } from 'node:crypto'

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256'
export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex')
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'

/** RFC 3986: only A–Z a–z 0–9 - _ . ~ stay as they are. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** S3's canonical URI: each path segment decoded, then encoded once (S3 does not normalise `//` or `..`). */
export function canonicalUri(rawPath: string): string {
  return rawPath.split('/').map((seg) => uriEncode(decodeURIComponent(seg))).join('/') || '/'
}

export function canonicalQueryString(rawQuery: string): string {
  if (!rawQuery) return ''
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=')
      const k = decodeURIComponent((i < 0 ? pair : pair.slice(0, i)).replace(/\+/g, ' '))
      const v = i < 0 ? '' : decodeURIComponent(pair.slice(i + 1).replace(/\+/g, ' '))
      return [uriEncode(k), uriEncode(v)] as const
    })
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
}

export interface SignedRequest {
  method: string
  /** Path as sent on the wire (percent-encoded), without the query. */
  path: string
  /** Query as sent, without `?`. */
  query: string
  /** Header names in lower case; repeated headers joined with `,`. */
  headers: Record<string, string>
  signedHeaders: string[]
  /** The x-amz-content-sha256 value: a hex SHA-256 or UNSIGNED-PAYLOAD. */
  payloadHash: string
}

export function canonicalRequest(r: SignedRequest): string {
  const names = [...r.signedHeaders].sort()
  const headerLines = names.map((n) => `${n}:${(r.headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('')
  return [r.method, canonicalUri(r.path), canonicalQueryString(r.query), headerLines, names.join(';'), r.payloadHash].join('\n')
}

/** `20130524/us-east-1/s3/aws4_request` from `20130524T000000Z`. */
export function credentialScope(amzDate: string, region: string, service = 's3'): string {
  return `${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [SIGV4_ALGORITHM, amzDate, scope, createHash('sha256').update(canonical, 'utf8').digest('hex')].join('\n')
}

export function signingKey(secretAccessKey: string, date: string, region: string, service = 's3'): Buffer {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest()
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request')
}

export function signature(secretAccessKey: string, region: string, amzDate: string, canonical: string, service = 's3'): string {
  const sts = stringToSign(amzDate, credentialScope(amzDate, region, service), canonical)
  return createHmac('sha256', signingKey(secretAccessKey, amzDate.slice(0, 8), region, service)).update(sts, 'utf8').digest('hex')
}

export interface ParsedAuthorization {
  accessKeyId: string
  date: string
  region: string
  service: string
  signedHeaders: string[]
  signature: string
}

/** `AWS4-HMAC-SHA256 Credential=…/…/…/s3/aws4_request, SignedHeaders=a;b, Signature=hex`, or null. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header?.startsWith(`${SIGV4_ALGORITHM} `)) return null
  const fields = Object.fromEntries(
    header.slice(SIGV4_ALGORITHM.length + 1).split(',').map((part) => {
      const s = part.trim()
      const i = s.indexOf('=')
      return [s.slice(0, i), s.slice(i + 1)]
    }),
  )
  const cred = (fields.Credential ?? '').split('/')
  if (cred.length !== 5 || cred[4] !== 'aws4_request' || !fields.SignedHeaders || !/^[0-9a-f]{64}$/.test(fields.Signature ?? '')) return null
  return {
    accessKeyId: cred[0]!,
    date: cred[1]!,
    region: cred[2]!,
    service: cred[3]!,
    signedHeaders: fields.SignedHeaders.split(';'),
    signature: fields.Signature!,
  }
}

/** `20130524T000000Z` → epoch ms, or NaN. */
export function parseAmzDate(s: string | undefined): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s ?? '')
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN
}
