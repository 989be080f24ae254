/**
 * A local stand-in for the WeChat mini-program server API on 127.0.0.1, for
 * tests and the embedded default. It answers the way api.weixin.qq.com does:
 * always HTTP 200 with a JSON body, refusals as `errcode`/`errmsg` (with a
 * `rid`), parameters checked in the documented order.
 *
 *   GET  /sns/jscode2session            appid, secret, js_code, grant_type
 *   POST /cgi-bin/stable_token          JSON { grant_type, appid, secret, force_refresh? }
 *   POST /wxa/business/getuserphonenumber?access_token=  JSON { code }
 *   POST /cgi-bin/message/subscribe/send?access_token=   (fake-subscribe.ts)
 *
 * Behaviours: login codes come from `issueLoginCode`, phone codes from
 * `issuePhoneCode`; both live 5 minutes. A login code works once (again →
 * 40163 code been used); the phone API documents no 40163, so a used or
 * expired phone code is 40029 like an unknown one. Wrong appid → 40013,
 * wrong secret → 40125, more than `loginLimitPerMinute` code2Session calls
 * for one openid in 60 s → 45011. Stable tokens last 7200 s of the fake's
 * clock; normal mode hands back the current token (with its remaining
 * lifetime) until 5 minutes before it expires, then a new one; force_refresh
 * revokes every earlier token (→ 40001). An expired token → 42001.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listenLocal } from '../fake-http'
import { fakeSubscriptions, type AcceptedMessage, type FakeTemplate } from './fake-subscribe'

export interface FakeWechatServerOptions {
  port?: number
  /** Default: a random `wx…` appid and 32-hex secret; read them back from the handle. */
  appId?: string
  appSecret?: string
  /** code2Session calls allowed per openid in any 60 s. Default 100 (WeChat's documented limit). */
  loginLimitPerMinute?: number
  /** The fake's clock (ms): code lifetimes, token expiry, the rate window. */
  now?: () => number
  /** Subscribe-message templates it knows (more with `addTemplate`). */
  templates?: readonly FakeTemplate[]
  /** The app's pages (`pages/case/detail`): a message's `page` elsewhere → 41030. Default: any page. */
  pages?: readonly string[]
}

export interface FakeWechatServer {
  url: string
  appId: string
  appSecret: string
  /** A js_code (as from wx.login) that code2Session accepts once. */
  issueLoginCode(openid: string, unionid?: string): string
  /** A code (as from a getPhoneNumber button) for this number, accepted once. */
  issuePhoneCode(phone: string, countryCode?: string): string
  /** The next n requests (to `path` only, when given), whatever they are, answer `errcode` (default -1, system error). */
  failNext(n: number, errcode?: number, path?: string): void
  addTemplate(template: FakeTemplate): void
  /** The user tapped 允许 for this template n times (wx.requestSubscribeMessage → accept): n messages may be sent. */
  grantSubscription(openid: string, templateId: string, n?: number): void
  /** Acceptances this user has left for this template. */
  subscriptionsLeft(openid: string, templateId: string): number
  /** Every subscribe message accepted, oldest first (GET /dev/wechat/messages.json shows them). */
  sentMessages(): AcceptedMessage[]
  /** Requests received at /cgi-bin/stable_token. */
  tokenRequests(): number
  /** The 小程序码 asked for, oldest first. */
  miniCodes(): { scene: string; page: string; width: number; checkPath: boolean; envVersion: string }[]
  /** Every token issued so far expires now: using one answers 42001, the next token request gets a new one. */
  expireTokens(): void
  close(): Promise<void>
}

const CODE_TTL_MS = 5 * 60_000
const TOKEN_TTL_S = 7200
const TOKEN_RENEW_BEFORE_S = 300
const RATE_WINDOW_MS = 60_000

const ERRMSG: Readonly<Record<number, string>> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40163: 'code been used',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  41030: 'invalid page',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  40169: 'invalid length for scene, or the data is not json string',
  40129: 'invalid scene',
  47003: 'argument invalid!',
}

function rid(): string {
  const h = randomBytes(12).toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 16)}-${h.slice(16, 24)}`
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '')

export async function startFakeWechatServer(opts: FakeWechatServerOptions = {}): Promise<FakeWechatServer> {
  const appId = opts.appId ?? `wx${randomBytes(8).toString('hex')}`
  const appSecret = opts.appSecret ?? randomBytes(16).toString('hex')
  const loginLimit = opts.loginLimitPerMinute ?? 100
  const now = opts.now ?? Date.now

  const loginCodes = new Map<string, { openid: string; unionid?: string; sessionKey: string; issuedAt: number; used: boolean }>()
  const phoneCodes = new Map<string, { phone: string; countryCode: string; issuedAt: number; used: boolean }>()
  const loginCalls = new Map<string, number[]>()
  /** Every token ever issued; `revoked` by force_refresh. */
  const tokens = new Map<string, { expiresAt: number; revoked: boolean }>()
  let current: string | null = null
  let failures: { left: number; errcode: number; path?: string } = { left: 0, errcode: -1 }
  const subscriptions = fakeSubscriptions(now, opts.pages)
  for (const t of opts.templates ?? []) subscriptions.addTemplate(t)
  let tokenRequestCount = 0

  function reply(res: ServerResponse, body: Record<string, unknown>, status = 200): void {
    const json = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json; encoding=utf-8', 'content-length': Buffer.byteLength(json) })
    res.end(json)
  }
  const refuse = (res: ServerResponse, errcode: number) => reply(res, { errcode, errmsg: `${ERRMSG[errcode] ?? 'error'}, rid: ${rid()}` })

  function code2Session(res: ServerResponse, q: URLSearchParams): void {
    const appid = q.get('appid')
    const secret = q.get('secret')
    const jsCode = q.get('js_code')
    if (!appid) return refuse(res, 41002)
    if (!secret) return refuse(res, 41004)
    if (!jsCode) return refuse(res, 41008)
    if (q.get('grant_type') !== 'authorization_code') return refuse(res, 40002)
    if (appid !== appId) return refuse(res, 40013)
    if (secret !== appSecret) return refuse(res, 40125)
    const entry = loginCodes.get(jsCode)
    if (!entry) return refuse(res, 40029)
    const t = now()
    const recent = (loginCalls.get(entry.openid) ?? []).filter((at) => t - at < RATE_WINDOW_MS)
    if (recent.length >= loginLimit) {
      loginCalls.set(entry.openid, recent)
      return refuse(res, 45011)
    }
    recent.push(t)
    loginCalls.set(entry.openid, recent)
    if (entry.used) return refuse(res, 40163)
    if (t - entry.issuedAt > CODE_TTL_MS) return refuse(res, 40029)
    entry.used = true
    return reply(res, { session_key: entry.sessionKey, openid: entry.openid, ...(entry.unionid ? { unionid: entry.unionid } : {}) })
  }

  function stableToken(res: ServerResponse, body: Record<string, unknown> | null): void {
    // A body that is not JSON reads as empty: the real API then says "appid missing".
    const b = body ?? {}
    const appid = text(b.appid)
    const secret = text(b.secret)
    if (!appid) return refuse(res, 41002)
    if (!secret) return refuse(res, 41004)
    if (b.grant_type !== 'client_credential') return refuse(res, 40002)
    if (appid !== appId) return refuse(res, 40013)
    if (secret !== appSecret) return refuse(res, 40125)
    const t = now()
    if (b.force_refresh === true) {
      for (const tok of tokens.values()) tok.revoked = true
      current = null
    }
    const cur = current === null ? undefined : tokens.get(current)
    if (current !== null && cur && !cur.revoked && cur.expiresAt - t > TOKEN_RENEW_BEFORE_S * 1000) {
      return reply(res, { access_token: current, expires_in: Math.floor((cur.expiresAt - t) / 1000) })
    }
    // Real tokens are long opaque strings; the prefix mimics their "NN_" shape.
    const token = `${90 + (tokens.size % 10)}_${randomBytes(48).toString('base64url')}`
    tokens.set(token, { expiresAt: t + TOKEN_TTL_S * 1000, revoked: false })
    current = token
    return reply(res, { access_token: token, expires_in: TOKEN_TTL_S })
  }

  /** 0 if the token is good, else the errcode WeChat answers. */
  function checkToken(token: string | null): number {
    if (!token) return 41001
    const tok = tokens.get(token)
    if (!tok || tok.revoked) return 40001
    if (now() >= tok.expiresAt) return 42001
    return 0
  }

  function phoneNumber(res: ServerResponse, q: URLSearchParams, body: Record<string, unknown> | null): void {
    const tokenError = checkToken(q.get('access_token'))
    if (tokenError) return refuse(res, tokenError)
    if (body === null) return refuse(res, 47001)
    const code = text(body.code)
    if (!code) return refuse(res, 41008)
    const entry = phoneCodes.get(code)
    const t = now()
    if (!entry || entry.used || t - entry.issuedAt > CODE_TTL_MS) return refuse(res, 40029)
    entry.used = true
    const international = entry.countryCode === '86' ? entry.phone : `+${entry.countryCode}${entry.phone}`
    return reply(res, {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: international,
        purePhoneNumber: entry.phone,
        // As in WeChat's documented example: a number, although the field table says string.
        countryCode: Number(entry.countryCode),
        watermark: { timestamp: Math.floor(t / 1000), appid: appId },
      },
    })
  }

  function subscribeSend(res: ServerResponse, q: URLSearchParams, body: Record<string, unknown> | null): void {
    const tokenError = checkToken(q.get('access_token'))
    if (tokenError) return refuse(res, tokenError)
    const r = subscriptions.send(body)
    if ('msgid' in r) return reply(res, { errcode: 0, errmsg: 'ok', msgid: r.msgid })
    if (r.field) return reply(res, { errcode: r.errcode, errmsg: `argument invalid! ${r.field} invalid rid: ${rid()}` })
    return refuse(res, r.errcode)
  }

  /** 小程序码 made (protocols.md §1.6): what a test or the demo asked for. */
  const codes: { scene: string; page: string; width: number; checkPath: boolean; envVersion: string }[] = []

  async function unlimitedCode(res: ServerResponse, q: URLSearchParams, body: Record<string, unknown> | null): Promise<void> {
    const tokenError = checkToken(q.get('access_token'))
    if (tokenError) return refuse(res, tokenError)
    if (!body) return refuse(res, 47001)
    const scene = body.scene
    if (typeof scene !== 'string' || scene.length === 0 || [...scene].length > 32) return refuse(res, 40169)
    if (!/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/.test(scene)) return refuse(res, 40129)
    const page = typeof body.page === 'string' ? body.page : ''
    if (page.startsWith('/') || page.includes('?')) return refuse(res, 41030)
    const width = typeof body.width === 'number' ? body.width : 430
    codes.push({ scene, page, width, checkPath: body.check_path !== false, envVersion: typeof body.env_version === 'string' ? body.env_version : 'release' })
    // A real QR image of what the code would open (WeChat's are round 小程序码; this is the demo's stand-in).
    const { default: QRCode } = await import('qrcode')
    const png = await QRCode.toBuffer(`weapp://${appId}/${page}?scene=${encodeURIComponent(scene)}`, { width: Math.min(1280, Math.max(280, width)), margin: 2 })
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length })
    res.end(png)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake')
    const method = req.method ?? 'GET'
    if (url.pathname === '/cgi-bin/stable_token') tokenRequestCount++
    const body = method === 'POST' ? await readJson(req) : null
    if (failures.left > 0 && (failures.path === undefined || failures.path === url.pathname)) {
      failures.left--
      return refuse(res, failures.errcode)
    }
    switch (url.pathname) {
      case '/sns/jscode2session':
        return method === 'GET' ? code2Session(res, url.searchParams) : refuse(res, 43001)
      case '/cgi-bin/stable_token':
        return method === 'POST' ? stableToken(res, body) : refuse(res, 43002)
      case '/wxa/business/getuserphonenumber':
        return method === 'POST' ? phoneNumber(res, url.searchParams, body) : refuse(res, 43002)
      case '/cgi-bin/message/subscribe/send':
        return method === 'POST' ? subscribeSend(res, url.searchParams, body) : refuse(res, 43002)
      case '/wxa/getwxacodeunlimit':
        return method === 'POST' ? unlimitedCode(res, url.searchParams, body) : refuse(res, 43002)
      default:
        return reply(res, { errcode: 404, errmsg: `Not Found, rid: ${rid()}` }, 404)
    }
  }

  const { server, url } = await listenLocal(handle, (res, e) => reply(res, { errcode: -1, errmsg: `system error: ${String(e)}` }), opts.port)

  return {
    url,
    appId,
    appSecret,
    issueLoginCode(openid: string, unionid?: string) {
      const code = randomBytes(16).toString('hex')
      subscriptions.knowOpenid(openid)
      loginCodes.set(code, { openid, ...(unionid ? { unionid } : {}), sessionKey: randomBytes(16).toString('base64'), issuedAt: now(), used: false })
      return code
    },
    issuePhoneCode(phone: string, countryCode = '86') {
      const code = randomBytes(32).toString('hex')
      phoneCodes.set(code, { phone, countryCode, issuedAt: now(), used: false })
      return code
    },
    failNext(n: number, errcode = -1, path?: string) {
      failures = { left: Math.max(0, Math.floor(n)), errcode, ...(path ? { path } : {}) }
    },
    addTemplate: (t) => subscriptions.addTemplate(t),
    grantSubscription: (openid, templateId, n = 1) => subscriptions.grant(openid, templateId, n),
    subscriptionsLeft: (openid, templateId) => subscriptions.left(openid, templateId),
    sentMessages: () => subscriptions.accepted(),
    tokenRequests: () => tokenRequestCount,
    miniCodes: () => [...codes],
    expireTokens() {
      const t = now()
      for (const tok of tokens.values()) tok.expiresAt = Math.min(tok.expiresAt, t)
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
