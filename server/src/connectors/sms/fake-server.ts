/**
 * A local stand-in for Alibaba Cloud SMS SendSms (dysmsapi 2017-05-25) on
 * 127.0.0.1, for tests and the embedded default. It answers the way the real
 * gateway does: signature checked with its own key pair, timestamp window and
 * nonce replay, required parameters, mainland mobile numbers, approved
 * templates, per-phone flow control of codes; and it can be told to fail. Accepted
 * messages are recorded with their rendered text, and, given a report URL,
 * their delivery reports are pushed there as the console's HTTP 批量推送 does
 * (a JSON array, again until answered `{code: 0}`).
 *
 * The signature check is written independently of aliyun.ts (byte-wise
 * RFC 3986 encoding here, encodeURIComponent there) so that a client bug is
 * not mirrored by the fake.
 *
 * HTTP statuses follow the real service: gateway errors are 4xx
 * (InvalidAccessKeyId.NotFound 404, SignatureDoesNotMatch and the other
 * signature/parameter errors 400, unknown Action 404); business refusals
 * (isv.*) are HTTP 200 with a non-OK Code; isp.SYSTEM_ERROR is sent as 500.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listenLocal } from '../fake-http'

export const FAKE_SMS_TEMPLATES: Readonly<Record<string, string>> = {
  SMS_LOGIN_CODE: '【${sign}】您的验证码为${code}，5分钟内有效。请勿泄露给他人。',
  SMS_CONSENT_CODE: '【${sign}】${agent}正在为您代办“${item}”，确认请将验证码${code}告知代办员，5分钟内有效。',
  // Progress messages (issue 18): one approved template per kind, each naming the case, the item and the next step.
  SMS_MSG_PRE_REVIEW_PASSED: '【${sign}】您的办件${no}（${item}）已通过预审：${next}。详情请在通办“我的办件”查看。',
  SMS_MSG_SUPPLEMENT_REQUESTED: '【${sign}】您的办件${no}（${item}）需要补正材料：${next}。请在通办“我的办件”查看需补正的内容。',
  SMS_MSG_NOT_ACCEPTED: '【${sign}】您的办件${no}（${item}）不予受理：${next}。理由请在通办“我的办件”查看。',
  SMS_MSG_ACCEPTED: '【${sign}】您的办件${no}（${item}）已受理：${next}。进度请在通办“我的办件”查看。',
  SMS_MSG_PAUSED: '【${sign}】您的办件${no}（${item}）暂停计算办理时限，${next}。详情请在通办“我的办件”查看。',
  SMS_MSG_RESUMED: '【${sign}】您的办件${no}（${item}）已恢复办理：${next}。',
  SMS_MSG_DECIDED_APPROVED: '【${sign}】您的办件${no}（${item}）已准予许可：${next}。',
  SMS_MSG_DECIDED_DENIED: '【${sign}】您的办件${no}（${item}）不予许可：${next}。理由和救济途径请在通办“我的办件”查看。',
  SMS_MSG_CERTIFICATE_READY: '【${sign}】您的办件${no}（${item}）已办结：${next}。',
  SMS_MSG_WITHDRAWN: '【${sign}】您的办件${no}（${item}）已撤回：${next}。',
  SMS_MSG_DELIVERY_EVENT: '【${sign}】您的办件${no}（${item}）邮寄进展：${next}。',
  SMS_MSG_QUEUE_NEAR: '【${sign}】您的排队${no}（${item}）快到了：${next}。',
  SMS_MSG_QUEUE_CALLED: '【${sign}】您的排队${no}（${item}）已叫号：${next}。',
}

export interface FakeSmsServerOptions {
  port?: number
  /** Default: a random pair per server; read it back from the handle. */
  accessKeyId?: string
  accessKeySecret?: string
  /** TemplateCode → text with `${sign}` and `${var}` placeholders. */
  templates?: Record<string, string>
  /** Approved sign names; absent → any non-empty name is accepted. */
  signNames?: string[]
  /**
   * Flow control: at most one verification code (a template whose text has 验证码) per phone in this window.
   * Default 30 s. Notifications are not held to it (Alibaba Cloud limits codes per minute, notices per day).
   */
  minIntervalMs?: number
  /** The fake's clock (ms), for flow control, the timestamp window and the reports' times. */
  now?: () => number
  /**
   * Where delivery reports are pushed (HTTP 批量推送: a JSON array of SmsReport, answered `{code: 0}`), after
   * `reportDelayMs` (default 200; a carrier takes seconds). May be set later (setReportUrl). None: no reports.
   */
  reportUrl?: string
  reportDelayMs?: number
}

/** One delivery report as Alibaba Cloud pushes it (SmsReport). */
export interface FakeSmsReport {
  phone_number: string
  send_time: string
  report_time: string
  success: boolean
  err_code: string
  err_msg: string
  sms_size: string
  biz_id: string
  out_id: string
}

/** One push of reports, and what the receiver answered (unanswered ones are pushed again with the next). */
export interface FakeSmsReportPush {
  reports: FakeSmsReport[]
  status: number | null
  answer: unknown
}

export interface FakeSms {
  phone: string
  templateCode: string
  params: Record<string, string>
  signName: string
  at: Date
  bizId: string
  /** The text the citizen would read. */
  text: string
}

export interface FakeSmsServer {
  url: string
  accessKeyId: string
  accessKeySecret: string
  messages(): FakeSms[]
  /** The next n requests, whatever they are, get isp.SYSTEM_ERROR (HTTP 500). */
  failNext(n: number): void
  /** Reports go there from now on. */
  setReportUrl(url: string): void
  /** Messages to this phone are accepted but not delivered: their report says MOBILE_NOT_ON_SERVICE (停机、空号…). */
  undeliverable(phone: string): void
  /** Pushes the reports waiting now, without waiting for the delay. */
  flushReports(): Promise<void>
  /** Every push made, oldest first. */
  reportPushes(): FakeSmsReportPush[]
  close(): Promise<void>
}

/** `YYYY-MM-DD hh:mm:ss` in Beijing time (UTC+8), as the reports write times. */
function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

const TIMESTAMP_WINDOW_MS = 15 * 60_000
const COMMON_REQUIRED = ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'Action', 'Version'] as const
const SEND_REQUIRED = ['PhoneNumbers', 'SignName', 'TemplateCode'] as const
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/
const PLACEHOLDER = /\$\{(\w+)\}/g

/** RFC 3986 over UTF-8 bytes: unreserved characters stay, every other byte is %XX. */
function rfc3986(s: string): string {
  let out = ''
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b)
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

function expectedSignature(method: string, params: Map<string, string>, secret: string): { stringToSign: string; signature: string } {
  const pairs = [...params].filter(([k]) => k !== 'Signature').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const canonical = pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&')
  const stringToSign = `${method}&${rfc3986('/')}&${rfc3986(canonical)}`
  return { stringToSign, signature: createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64') }
}

/** `YYYY-MM-DDThh:mm:ssZ` → ms, or null if not in that form. */
function parseTimestamp(s: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(s)) return null
  const t = Date.parse(s)
  return Number.isNaN(t) ? null : t
}

function templateVars(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((v) => v !== 'sign')
}

function render(template: string, sign: string, params: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => (name === 'sign' ? sign : (params[name] ?? '')))
}

/** TemplateParam must be a JSON object whose values are all strings. */
function parseTemplateParam(raw: string | undefined): Record<string, string> | null {
  if (raw === undefined || raw === '') return {}
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null
  const entries = Object.entries(v)
  return entries.every(([, x]) => typeof x === 'string') ? (Object.fromEntries(entries) as Record<string, string>) : null
}

async function readParams(req: IncomingMessage): Promise<Map<string, string>> {
  const params = new Map(new URL(req.url ?? '/', 'http://fake').searchParams)
  if (req.method === 'POST') {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) params.set(k, v)
  }
  return params
}

export async function startFakeSmsServer(opts: FakeSmsServerOptions = {}): Promise<FakeSmsServer> {
  const accessKeyId = opts.accessKeyId ?? `LTAIfake${randomBytes(6).toString('hex')}`
  const accessKeySecret = opts.accessKeySecret ?? randomBytes(15).toString('base64url')
  const templates = opts.templates ?? FAKE_SMS_TEMPLATES
  const minIntervalMs = opts.minIntervalMs ?? 30_000
  const now = opts.now ?? Date.now
  const signNames = opts.signNames ? new Set(opts.signNames) : null

  const sent: FakeSms[] = []
  const lastSentAt = new Map<string, number>()
  const usedNonces = new Map<string, number>()
  let failures = 0
  let reportUrl = opts.reportUrl ?? null
  const reportDelayMs = opts.reportDelayMs ?? 200
  const undeliverable = new Set<string>()
  let pendingReports: FakeSmsReport[] = []
  let reportTimer: NodeJS.Timeout | null = null
  const pushes: FakeSmsReportPush[] = []
  let pushing: Promise<void> = Promise.resolve()

  function report(phone: string, bizId: string, at: number, text: string): void {
    if (!reportUrl) return
    const delivered = !undeliverable.has(phone)
    pendingReports.push({
      phone_number: phone, send_time: beijingTime(at), report_time: beijingTime(now()), success: delivered,
      err_code: delivered ? 'DELIVERED' : 'MOBILE_NOT_ON_SERVICE', err_msg: delivered ? '用户接收成功' : '停机、空号、暂停服务、关机或不在服务区',
      // 70 characters a part (67 when long): what the carrier bills.
      sms_size: String(text.length <= 70 ? 1 : Math.ceil(text.length / 67)), biz_id: bizId, out_id: '',
    })
    reportTimer ??= setTimeout(() => void flushReports(), reportDelayMs)
    reportTimer.unref()
  }

  /** One push at a time, in order; reports the receiver did not take (not code 0, no answer) go again with the next push. */
  function flushReports(): Promise<void> {
    if (reportTimer) clearTimeout(reportTimer)
    reportTimer = null
    pushing = pushing.then(async () => {
      if (!reportUrl || !pendingReports.length) return
      const reports = pendingReports
      pendingReports = []
      let status: number | null = null
      let answer: unknown = null
      try {
        const res = await fetch(reportUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(reports), signal: AbortSignal.timeout(5_000) })
        status = res.status
        answer = await res.json().catch(() => null)
      } catch (e) {
        answer = String(e)
      }
      pushes.push({ reports, status, answer })
      if (!(status === 200 && (answer as { code?: unknown } | null)?.code === 0)) pendingReports = [...reports, ...pendingReports]
    })
    return pushing
  }

  function reply(res: ServerResponse, status: number, body: Record<string, string>): void {
    const json = JSON.stringify({ RequestId: randomUUID().toUpperCase(), ...body })
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(json) })
    res.end(json)
  }
  const gatewayError = (res: ServerResponse, status: number, Code: string, Message: string) =>
    reply(res, status, { HostId: 'dysmsapi.aliyuncs.com', Code, Message, Recommend: `https://api.aliyun.com/troubleshoot?q=${Code}` })
  const refuse = (res: ServerResponse, Code: string, Message: string) => reply(res, 200, { Code, Message })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (failures > 0) {
      failures--
      return reply(res, 500, { Code: 'isp.SYSTEM_ERROR', Message: 'isp.SYSTEM_ERROR' })
    }
    const method = req.method ?? 'GET'
    if (method !== 'GET' && method !== 'POST') return gatewayError(res, 405, 'UnsupportedHTTPMethod', `HTTP method ${method} is not supported.`)
    if (new URL(req.url ?? '/', 'http://fake').pathname !== '/') return gatewayError(res, 404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.')
    const p = await readParams(req)
    const get = (k: string) => p.get(k)

    for (const k of COMMON_REQUIRED) if (!get(k)) return gatewayError(res, 400, `Missing${k}`, `${k} is mandatory for this action.`)
    if (get('AccessKeyId') !== accessKeyId) return gatewayError(res, 404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
    if (get('SignatureMethod') !== 'HMAC-SHA1') return gatewayError(res, 400, 'InvalidSignatureMethod', 'Specified signature method is not supported.')
    if (get('SignatureVersion') !== '1.0') return gatewayError(res, 400, 'InvalidSignatureVersion', 'Specified signature version is not supported.')
    const ts = parseTimestamp(get('Timestamp')!)
    if (ts === null) return gatewayError(res, 400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.')
    const t = now()
    if (Math.abs(t - ts) > TIMESTAMP_WINDOW_MS) return gatewayError(res, 400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.')
    const { stringToSign, signature } = expectedSignature(method, p, accessKeySecret)
    if (get('Signature') !== signature) {
      return gatewayError(res, 400, 'SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`)
    }
    for (const [n, at] of usedNonces) if (t - at > TIMESTAMP_WINDOW_MS) usedNonces.delete(n)
    const nonce = get('SignatureNonce')!
    if (usedNonces.has(nonce)) return gatewayError(res, 400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
    usedNonces.set(nonce, t)
    if (get('Action') !== 'SendSms' || get('Version') !== '2017-05-25') {
      return gatewayError(res, 404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.')
    }

    for (const k of SEND_REQUIRED) if (!get(k)) return gatewayError(res, 400, `Missing${k}`, `${k} is mandatory for this action.`)
    const phones = get('PhoneNumbers')!.split(',')
    if (!phones.every((ph) => MAINLAND_MOBILE.test(ph))) return refuse(res, 'isv.MOBILE_NUMBER_ILLEGAL', '非法手机号')
    const signName = get('SignName')!
    if (signNames && !signNames.has(signName)) return refuse(res, 'isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名')
    const templateCode = get('TemplateCode')!
    const template = templates[templateCode]
    if (template === undefined) return refuse(res, 'isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板')
    const params = parseTemplateParam(get('TemplateParam'))
    if (params === null) return refuse(res, 'isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值')
    const missing = templateVars(template).filter((v) => params[v] === undefined)
    if (missing.length > 0) return refuse(res, 'isv.TEMPLATE_MISSING_PARAMETERS', `模板缺少变量: ${missing.join(',')}`)
    const isCode = template.includes('验证码')
    if (isCode && phones.some((ph) => t - (lastSentAt.get(ph) ?? -Infinity) < minIntervalMs)) {
      return refuse(res, 'isv.BUSINESS_LIMIT_CONTROL', `触发号码流控，${Math.round(minIntervalMs / 1000)}秒内限发1条`)
    }

    const bizId = `${t}${randomBytes(3).readUIntBE(0, 3)}^0`
    const text = render(template, signName, params)
    for (const phone of phones) {
      if (isCode) lastSentAt.set(phone, t)
      sent.push({ phone, templateCode, params, signName, at: new Date(t), bizId, text })
      report(phone, bizId, t, text)
    }
    return reply(res, 200, { Code: 'OK', Message: 'OK', BizId: bizId })
  }

  const { server, url } = await listenLocal(handle, (res, e) => reply(res, 500, { Code: 'InternalError', Message: String(e) }), opts.port)

  return {
    url,
    accessKeyId,
    accessKeySecret,
    messages: () => sent.map((m) => ({ ...m, params: { ...m.params } })),
    failNext(n: number) {
      failures = Math.max(0, Math.floor(n))
    },
    setReportUrl(url) {
      reportUrl = url
    },
    undeliverable(phone) {
      undeliverable.add(phone)
    },
    flushReports,
    reportPushes: () => pushes.map((p) => ({ ...p, reports: [...p.reports] })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (reportTimer) clearTimeout(reportTimer)
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
