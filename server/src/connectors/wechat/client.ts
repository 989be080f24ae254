/**
 * WeChat mini-program server API (api.weixin.qq.com): login (code2Session),
 * the phone number behind a getPhoneNumber button, and the access_token that
 * every API but login needs. Owns the token cache, the HTTP plumbing
 * (timeout, JSON, errcode) and the reading of WeChat's answers; the errcode
 * → WechatErrorCode table lives in errors.ts. Failures come back as values.
 *
 * access_token comes from getStableAccessToken (POST /cgi-bin/stable_token,
 * normal mode), which WeChat recommends over GET /cgi-bin/token: fetching a
 * token there does not invalidate the one other holders are using (each BFF
 * instance keeps its own cache; with /cgi-bin/token every refresh on one
 * instance would knock out the others' tokens), and its quota is 10 000 calls
 * a minute instead of 2 000 a day. In normal mode the platform renews the
 * token 5 minutes before it expires, so we cache it until then. Force-refresh
 * mode (20 a day, invalidates everyone's token) is never used.
 *
 * Token handling: one request at a time (concurrent callers share it), cached
 * until 5 minutes before `expires_in`; a call refused with 40001/40014/42001
 * drops that token, fetches one and is retried once. If a refresh fails while
 * the old token has not yet expired, the old one is used.
 *
 * To add an API that needs a token (as sendSubscribeMessage does): call
 * `postWithToken(path, body)` and read the success body; its errcodes go into
 * errors.ts. The AppSecret and tokens never appear in a returned message.
 */
import { mapErrcode, TOKEN_ERRCODES, wechatFailure, type WechatErrorCode, type WechatFailure } from './errors'
import { exchangeBytes, exchangeJson } from '../http'

export interface WechatClientConfig {
  /** `https://api.weixin.qq.com` in production; the fake's url in tests. */
  baseUrl: string
  appId: string
  appSecret: string
  /** Per HTTP request, body included. Default 10 s. */
  timeoutMs?: number
  fetch?: typeof fetch
  /** Clock (ms) for the token cache. Tests move it. */
  now?: () => number
}

export type WechatSessionResult = { ok: true; openid: string; unionid?: string; sessionKey: string } | WechatFailure
export type WechatPhoneResult = { ok: true; phone: string; countryCode: string } | WechatFailure
/** `expiresAt`: when WeChat stops accepting the token, on the client's clock (ms). */
export type WechatTokenResult = { ok: true; token: string; expiresAt: number } | WechatFailure

/** One subscribe message, as POST /cgi-bin/message/subscribe/send takes it; `data` already shaped (core templateData). */
export interface SubscribeMessage {
  touser: string
  templateId: string
  /** The mini-program page a tap opens, query allowed (`pages/case/detail?caseNo=…`); none → no jump. */
  page?: string
  data: Record<string, { value: string }>
  miniprogramState?: 'formal' | 'trial' | 'developer'
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW'
}

/**
 * `msgid` as a string: WeChat sends it as a JSON number that may exceed 2^53, so
 * the last digits can be off — fine for a receipt, not for matching events.
 */
export type WechatSendResult = { ok: true; msgid: string | null } | WechatFailure

export interface WechatClient {
  /** wx.login code → openid (+ unionid when bound to an Open Platform account) and session_key. */
  code2Session(jsCode: string): Promise<WechatSessionResult>
  /** getPhoneNumber button code → the phone number without country code, and the country code. */
  phoneNumber(code: string): Promise<WechatPhoneResult>
  accessToken(): Promise<WechatTokenResult>
  /** One subscribe message; uses one of the user's acceptances of that template at WeChat. */
  sendSubscribeMessage(msg: SubscribeMessage): Promise<WechatSendResult>
  /** A 小程序码 opening `page` with `scene` (getwxacodeunlimit): the image's bytes, or WeChat's refusal. */
  unlimitedQrCode(req: UnlimitedQrCode): Promise<WechatImageResult>
}

/** `wxa/getwxacodeunlimit`'s body (protocols.md §1.6). */
export interface UnlimitedQrCode {
  /** ≤ 32 visible characters of [0-9A-Za-z] and !#$&'()*+,/:;=?@-._~ */
  scene: string
  /** A page path without a leading `/` or a query. */
  page: string
  /** 280–1280 px. */
  width?: number
  /** false: an unreleased page is allowed (outside production). */
  checkPath?: boolean
  envVersion?: 'release' | 'trial' | 'develop'
}

export type WechatImageResult = { ok: true; image: Buffer; contentType: string } | WechatFailure

/** What `scene` may hold (WeChat refuses anything else with 40129; no `%`, so no encoded hanzi). */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

const DEFAULT_TIMEOUT_MS = 10_000
/** Refresh this long before expiry: the platform renews stable tokens 5 min early. */
export const TOKEN_REFRESH_MARGIN_S = 300

type Json = Record<string, unknown>
type Answer = { ok: true; body: Json } | WechatFailure

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(o: unknown, name: string): string | undefined {
  if (!isObject(o)) return undefined
  const v = o[name]
  return typeof v === 'string' && v !== '' ? v : undefined
}

/**
 * Pure: HTTP status and parsed body (undefined if not JSON) → the body, or a
 * failure. WeChat answers HTTP 200 with `errcode`/`errmsg` for refusals, and
 * leaves errcode out (or sends 0) on success.
 */
export function readWechatAnswer(status: number, body: unknown): Answer {
  if (isObject(body) && typeof body.errcode === 'number' && body.errcode !== 0) {
    return mapErrcode(body.errcode, typeof body.errmsg === 'string' ? body.errmsg : '')
  }
  if (status >= 500) return wechatFailure('busy', `HTTP ${status}`)
  if (status !== 200) return wechatFailure('unknown', `HTTP ${status}`)
  if (!isObject(body)) return wechatFailure('unknown', 'HTTP 200, unreadable body')
  return { ok: true, body }
}

export function createWechatClient(config: WechatClientConfig): WechatClient {
  const { appId, appSecret } = config
  const doFetch = config.fetch ?? fetch
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const now = config.now ?? Date.now
  const base = config.baseUrl.replace(/\/+$/, '')

  let cached: { token: string; expiresAt: number; refreshAt: number } | null = null
  let inflight: Promise<WechatTokenResult> | null = null

  /** Belt and braces: no message carries the secret or a token out. */
  const redact = (s: string) => {
    let out = appSecret ? s.split(appSecret).join('***') : s
    if (cached) out = out.split(cached.token).join('***')
    return out.replace(/access_token=[^&\s"]+/g, 'access_token=***')
  }
  const fail = (code: WechatErrorCode, message: string, errcode?: number) => wechatFailure(code, redact(message), errcode)
  const scrub = (r: Answer): Answer => (r.ok ? r : fail(r.code, r.message, r.errcode))

  async function request(method: 'GET' | 'POST', path: string, query: Record<string, string>, body?: Json): Promise<Answer> {
    const url = `${base}${path}?${new URLSearchParams(query).toString()}`
    const answer = await exchangeJson(doFetch, url, body === undefined ? { method } : { method, body }, timeoutMs)
    if (!answer.ok) return fail('network', answer.reason)
    return scrub(readWechatAnswer(answer.status, answer.body))
  }

  // ---- access_token ---------------------------------------------------------

  async function fetchToken(): Promise<WechatTokenResult> {
    const startedAt = now()
    const answer = await request('POST', '/cgi-bin/stable_token', {}, { grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: false })
    if (!answer.ok) {
      // WeChat keeps an old token valid until it expires; ride on it while the refresh fails.
      if (cached && now() < cached.expiresAt) return { ok: true, token: cached.token, expiresAt: cached.expiresAt }
      return answer
    }
    const token = str(answer.body, 'access_token')
    const expiresIn = answer.body.expires_in
    if (!token || typeof expiresIn !== 'number' || !(expiresIn > 0)) return fail('unknown', 'token answer without access_token/expires_in')
    const expiresAt = startedAt + expiresIn * 1000
    cached = { token, expiresAt, refreshAt: startedAt + Math.max(0, expiresIn - TOKEN_REFRESH_MARGIN_S) * 1000 }
    return { ok: true, token, expiresAt }
  }

  function accessToken(): Promise<WechatTokenResult> {
    if (cached && now() < cached.refreshAt) return Promise.resolve({ ok: true, token: cached.token, expiresAt: cached.expiresAt })
    inflight ??= fetchToken().finally(() => {
      inflight = null
    })
    return inflight
  }

  /** Forget a token WeChat refused, unless a newer one has already replaced it. */
  function invalidate(token: string): void {
    if (cached?.token === token) cached = null
  }

  /** POST JSON to an API that takes `?access_token=`; one refresh-and-retry on a refused token. */
  async function postWithToken(path: string, body: Json): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const t = await accessToken()
      if (!t.ok) return t
      const answer = await request('POST', path, { access_token: t.token }, body)
      if (answer.ok || answer.errcode === undefined || !TOKEN_ERRCODES.has(answer.errcode)) return answer
      invalidate(t.token)
      if (attempt >= 1) return fail('auth_failed', `access_token refused again after a refresh (${answer.message})`, answer.errcode)
    }
  }

  // ---- the APIs -------------------------------------------------------------

  return {
    accessToken,

    async code2Session(jsCode: string): Promise<WechatSessionResult> {
      if (!jsCode) return fail('invalid_code', 'empty js_code')
      const answer = await request('GET', '/sns/jscode2session', { appid: appId, secret: appSecret, js_code: jsCode, grant_type: 'authorization_code' })
      if (!answer.ok) return answer
      const openid = str(answer.body, 'openid')
      const sessionKey = str(answer.body, 'session_key')
      if (!openid || !sessionKey) return fail('unknown', 'code2Session answer without openid/session_key')
      const unionid = str(answer.body, 'unionid')
      return unionid ? { ok: true, openid, unionid, sessionKey } : { ok: true, openid, sessionKey }
    },

    async phoneNumber(code: string): Promise<WechatPhoneResult> {
      if (!code) return fail('invalid_code', 'empty code')
      const answer = await postWithToken('/wxa/business/getuserphonenumber', { code })
      if (!answer.ok) return answer
      const info = answer.body.phone_info
      const phone = str(info, 'purePhoneNumber')
      // Documented as a string; the documented example (and the live API) sends a number.
      const cc = isObject(info) ? info.countryCode : undefined
      const countryCode = typeof cc === 'number' ? String(cc) : typeof cc === 'string' ? cc : ''
      if (!phone || !countryCode) return fail('unknown', 'getPhoneNumber answer without phone_info.purePhoneNumber/countryCode')
      const watermarkAppId = isObject(info) ? str(info.watermark, 'appid') : undefined
      if (watermarkAppId !== undefined && watermarkAppId !== appId) return fail('unknown', 'phone_info watermark is for another appid')
      return { ok: true, phone, countryCode }
    },

    async unlimitedQrCode(req: UnlimitedQrCode): Promise<WechatImageResult> {
      if (!SCENE_PATTERN.test(req.scene)) return fail('invalid_argument', `scene must be 1–32 characters of WeChat's set: ${req.scene}`)
      if (req.page.startsWith('/') || req.page.includes('?')) return fail('invalid_argument', `page must have no leading / and no query: ${req.page}`)
      const body = JSON.stringify({
        scene: req.scene, page: req.page, width: Math.min(1280, Math.max(280, req.width ?? 430)),
        check_path: req.checkPath ?? true, env_version: req.envVersion ?? 'release',
      })
      for (let attempt = 0; ; attempt++) {
        const t = await accessToken()
        if (!t.ok) return t
        const res = await exchangeBytes(doFetch, `${base}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(t.token)}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }, timeoutMs)
        if (!res.ok) return fail('network', res.reason)
        const type = res.headers.get('content-type') ?? ''
        // Success is the image itself; a failure is JSON ({errcode, errmsg}): the content type says which.
        if (res.status === 200 && type.startsWith('image/')) return { ok: true, image: res.bytes, contentType: type.split(';')[0]!.trim() }
        let parsed: unknown
        try { parsed = JSON.parse(res.bytes.toString('utf8')) } catch { parsed = undefined }
        const answer = scrub(readWechatAnswer(res.status, parsed))
        if (answer.ok) return fail('unknown', `getwxacodeunlimit answered ${res.status} ${type} without an image`)
        if (answer.errcode === undefined || !TOKEN_ERRCODES.has(answer.errcode)) return answer
        invalidate(t.token)
        if (attempt >= 1) return fail('auth_failed', `access_token refused again after a refresh (${answer.message})`, answer.errcode)
      }
    },

    async sendSubscribeMessage(msg: SubscribeMessage): Promise<WechatSendResult> {
      if (!msg.touser) return fail('invalid_openid', 'empty touser')
      const answer = await postWithToken('/cgi-bin/message/subscribe/send', {
        touser: msg.touser,
        template_id: msg.templateId,
        ...(msg.page ? { page: msg.page } : {}),
        data: msg.data,
        miniprogram_state: msg.miniprogramState ?? 'formal',
        lang: msg.lang ?? 'zh_CN',
      })
      if (!answer.ok) return answer
      const id = answer.body.msgid
      return { ok: true, msgid: typeof id === 'number' || typeof id === 'string' ? String(id) : null }
    },
  }
}
