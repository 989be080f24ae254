/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25, RPC style): SendSms over a signed
 * GET. Owns the RPC signature v1 (pure helpers below, exported for tests),
 * the mapping of the provider's answers onto our SmsErrorCode, and the
 * timeout. Failures come back as values; the AccessKeySecret lives only in
 * this closure and is never logged, put in a URL or returned.
 */
import { createHmac, randomUUID } from 'node:crypto'
import { normalizeMobile } from '@tongban/core'
import { smsFailure, type SmsErrorCode, type SmsMessage, type SmsProvider, type SmsSendResult, type SmsTemplate } from './provider'
import { exchangeJson } from '../http'

export interface AliyunSmsConfig {
  /** `https://dysmsapi.aliyuncs.com` in production; the fake's url in tests. */
  baseUrl: string
  accessKeyId: string
  accessKeySecret: string
  /** The approved signature, shown as 【signName】. */
  signName: string
  /** Our template key → the approved TemplateCode (`SMS_123456`); a key without one fails as template_invalid. */
  templates: Partial<Record<SmsTemplate, string>>
  /** Whole request, body included. Default 10 s. */
  timeoutMs?: number
  fetch?: typeof fetch
  /** SignatureNonce; default a random UUID. Tests fix it. */
  nonce?: () => string
  /** Clock for Timestamp. Tests fix it. */
  now?: () => Date
}

export const ALIYUN_SMS_VERSION = '2017-05-25'
const DEFAULT_TIMEOUT_MS = 10_000

// ---- RPC signature v1 -------------------------------------------------------

/**
 * RFC 3986 percent-encoding as the signature needs it: only A–Z a–z 0–9 - _ . ~
 * stay as they are. encodeURIComponent also leaves ! ' ( ) * alone, which the
 * server (Java's URLEncoder + fix-ups) encodes, so all five are encoded here;
 * otherwise an item name like "护照(补办)" breaks the signature.
 */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** Sorted by key (code-unit order), each key and value encoded, joined `k=v&…`. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&')
}

export function stringToSign(params: Record<string, string>, method = 'GET'): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`
}

/** base64(HMAC-SHA1(secret + '&', StringToSign)) over every parameter except Signature. */
export function rpcSignature(params: Record<string, string>, accessKeySecret: string, method = 'GET'): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(params, method), 'utf8').digest('base64')
}

/** `YYYY-MM-DDThh:mm:ssZ` in UTC, no milliseconds. */
export function rpcTimestamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

// ---- answers → results ------------------------------------------------------

/** Provider codes we tell apart; everything else is `unknown`. */
const CODE_MAP: Readonly<Record<string, SmsErrorCode>> = {
  'isv.BUSINESS_LIMIT_CONTROL': 'rate_limited',
  'isv.MOBILE_NUMBER_ILLEGAL': 'invalid_phone',
  SignatureDoesNotMatch: 'auth_failed',
  'InvalidAccessKeyId.NotFound': 'auth_failed',
  'isv.SMS_TEMPLATE_ILLEGAL': 'template_invalid',
  'isv.TEMPLATE_MISSING_PARAMETERS': 'template_invalid',
  // Parameters that are not a JSON object of strings: the message does not fit its template.
  'isv.INVALID_JSON_PARAM': 'template_invalid',
  'isp.SYSTEM_ERROR': 'provider_busy',
  ServiceUnavailable: 'provider_busy',
}

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const v = (body as Record<string, unknown>)[name]
  return typeof v === 'string' ? v : undefined
}

/** Pure: an HTTP status and the parsed JSON body (or undefined) → our result. */
export function mapAliyunResponse(status: number, body: unknown): SmsSendResult {
  const code = field(body, 'Code')
  const bizId = field(body, 'BizId')
  if (status === 200 && code === 'OK' && bizId) return { ok: true, providerId: bizId }
  const message = code ? `${code}: ${field(body, 'Message') ?? ''}`.trim() : `HTTP ${status}${body === undefined ? ', unreadable body' : ''}`
  const mapped = code === undefined ? undefined : CODE_MAP[code]
  if (mapped) return smsFailure(mapped, message)
  if (status >= 500) return smsFailure('provider_busy', message)
  return smsFailure('unknown', message)
}

// ---- the client -------------------------------------------------------------

export function createAliyunSms(config: AliyunSmsConfig): SmsProvider {
  const { accessKeySecret } = config
  const doFetch = config.fetch ?? fetch
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const nonce = config.nonce ?? randomUUID
  const now = config.now ?? (() => new Date())
  const endpoint = `${config.baseUrl.replace(/\/+$/, '')}/`
  /** Belt and braces: no provider or runtime message carries the secret out. */
  const redact = (s: string) => (accessKeySecret ? s.split(accessKeySecret).join('***') : s)
  const fail = (code: SmsErrorCode, message: string) => smsFailure(code, redact(message))

  return {
    async send(msg: SmsMessage): Promise<SmsSendResult> {
      const templateCode = config.templates[msg.template]
      if (!templateCode) return fail('template_invalid', `no TemplateCode configured for "${msg.template}"`)
      const phone = normalizeMobile(msg.phone)
      // PhoneNumbers takes a comma-separated list; one message must never reach several people.
      if (!/^\d+$/.test(phone)) return fail('invalid_phone', 'phone must be digits only')

      const params: Record<string, string> = {
        Action: 'SendSms',
        Version: ALIYUN_SMS_VERSION,
        Format: 'JSON',
        AccessKeyId: config.accessKeyId,
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        SignatureNonce: nonce(),
        Timestamp: rpcTimestamp(now()),
        RegionId: 'cn-hangzhou',
        PhoneNumbers: phone,
        SignName: config.signName,
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(msg.params),
      }
      const signature = rpcSignature(params, accessKeySecret)
      const url = `${endpoint}?${canonicalQuery(params)}&Signature=${percentEncode(signature)}`

      const answer = await exchangeJson(doFetch, url, { method: 'GET' }, timeoutMs)
      if (!answer.ok) return fail('network', answer.reason)
      const result = mapAliyunResponse(answer.status, answer.body)
      return result.ok ? result : fail(result.code, result.message)
    },
  }
}
