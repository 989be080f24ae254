/**
 * Configuration from the environment, checked once at boot. No env at all
 * gives the embedded default: PGlite in ./data, port 8080, demo catalogue.
 */
import { MAX_CASE_UPLOAD_BYTES, type WechatTemplate } from '@tongban/core'
import { ConfigError, readTree } from './config/declare'
import type { SmsTemplate } from './connectors/sms/provider'
import { VARIABLES } from './config/variables'

export { ConfigError }

export type ProcessRole = 'web' | 'worker' | 'all'

export interface AppConfig {
  port: number
  host: string
  /** PGlite data directory; ignored when databaseUrl is set. `memory://` keeps it in memory. */
  dataDir: string
  /** A saved PGlite data dir (dumpDataDir) to start from instead of an empty database. */
  pgliteSnapshot?: Blob | File
  databaseUrl?: string
  /** PostgreSQL schema to use (tests give each run its own). */
  databaseSchema?: string
  /** Shares rate limits and live updates between BFF instances. */
  redisUrl?: string
  /** Put before every Redis key: instances sharing limits use the same one (tests each their own). */
  redisPrefix: string
  /** Proxies whose X-Forwarded-For names the client (Fastify's trustProxy); false = nobody's. */
  trustProxy: false | string[]
  /** Built PWA to serve at /; absent → API only. */
  webRoot?: string
  production: boolean
  /** web: serves requests, runs no jobs; worker: runs the jobs (and answers /healthz only); all: both. */
  processRole: ProcessRole
  logLevel: string
  /** Requests per minute per client address. */
  rateLimitMax: number
  /** 排队取号: QUEUE_IGNORE_HOURS takes numbers at any hour (never in production). */
  queue: { ignoreHours: boolean }
  /** Live-update streams (SSE) one person may hold open at once on one instance. */
  liveStreamsPerPerson: number
  staffLogin: StaffLoginConfig
  /**
   * How long a request — headers and body — may take to arrive: past it the
   * client gets 408 and the connection is closed (a body that never finishes
   * would hold it for ever). Not read from the environment; tests shorten it.
   */
  requestTimeoutMs: number
  /** Seed the demo catalogue at start. */
  seed: boolean
  /** 64 hex characters; see auth/secrets.ts for the default. */
  secretKey?: string
  sms: SmsConfig
  wechat: WechatConfig
  uploads: UploadConfig
  /** The object store behind UPLOAD_STORE=s3. */
  s3: S3Config
  approval: ApprovalConfig
  clock: ClockConfig
  webPush: WebPushConfig
  /** Scheme + host printed in documents' QR codes (PUBLIC_ORIGIN); absent → http://localhost:<port>. */
  publicOrigin?: string
  /** Other origins whose pages may send cookie-authenticated changes (TRUSTED_ORIGINS), besides PUBLIC_ORIGIN and the request's own. */
  trustedOrigins: string[]
}

export interface StaffLoginConfig {
  /** Staff sign-in attempts per minute per client address (far below rateLimitMax: each costs a password hash). */
  ratePerMinute: number
  /** Password checks at once (scrypt runs on libuv's threadpool, 4 threads by default: leave some to the rest). */
  hashConcurrency: number
  /** Sign-ins that may wait for a check; past it, 503 STAFF_LOGIN_BUSY at once. */
  hashQueue: number
}

export interface ClockConfig {
  /** Yellow light when at most this many working days are left (domain.md: 1 unless configured). */
  yellowDays: number
  /** How often open cases are checked for steps turning yellow or red (黄牌/红牌); 0 = never (tests sweep by hand). */
  warningSweepMs: number
  /** A newly published year's holidays and make-up days, added to the bundled calendar at start. */
  calendarFile?: string
}

export interface ApprovalConfig {
  /** `builtin`: departments work cases on our workbench; `http`: an existing approval system does (backend/). */
  backend: 'builtin' | 'http'
  /** The approval system's API base; absent with `http` → a local fake (never in production). */
  baseUrl?: string
  /** Bearer token we present to it. */
  apiToken: string
  /** HMAC secret its webhooks are signed with. */
  webhookSecret: string
  /** Who its events are recorded as (`reviewer:<systemId>`). */
  systemId: string
  /** How often the handover outbox is tried; 0 = only when asked (tests). */
  dispatchMs: number
}

export interface S3Config {
  /** S3-compatible endpoint, addressed path-style (`<endpoint>/<bucket>/<key>`); absent → a local fake (never in production). */
  endpoint?: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Put before every object key: '' or ending in '/'. */
  prefix: string
}

export interface UploadConfig {
  /** Days an upload no case took is kept (a draft may still use it), then removed. */
  retentionDays: number
  /** Where file bytes live: a directory (default), a table in the database, or an S3-compatible object store. */
  store: 'disk' | 'postgres' | 's3'
  /**
   * Files (disk store) and the temporary files of uploads in progress (both
   * stores). Default `<dataDir>/uploads`; with `memory://`, a fresh temporary
   * directory removed when the app closes.
   */
  dir?: string
  /** Uploads per minute per citizen. */
  ratePerMinute: number
  /** Bytes a citizen may hold in uploads not yet part of a submitted case. */
  quotaBytes: number
}

export interface WechatConfig {
  /** WeChat API base (https://api.weixin.qq.com); absent → a local fake (demo and tests). */
  baseUrl?: string
  appId: string
  appSecret: string
  /** Which version a tapped subscribe message opens (`miniprogram_state`). */
  miniprogramState: 'formal' | 'trial' | 'developer'
  /** The subscribe-message templates configured (WECHAT_TEMPLATE_*), in slot order; none → WeChat carries no message. */
  templates: WechatTemplate[]
}

export interface WebPushConfig {
  /** VAPID keys (base64url); absent → generated once and kept (messages/vapid.ts), never in production. */
  publicKey?: string
  privateKey?: string
  /** mailto: or https: — signed into every push request. */
  subject: string
  /** Push-service hosts a subscription's endpoint may name (`*.` for sub-domains). */
  serviceHosts: string[]
}

export interface SmsConfig {
  /** Alibaba Cloud SMS endpoint; absent → a local fake provider whose messages show at /dev/inbox. */
  baseUrl?: string
  accessKeyId: string
  accessKeySecret: string
  signName: string
  /** Our template key (a sign-in code, a consent code, each kind of message) → the approved TemplateCode. */
  templates: Record<SmsTemplate, string>
  /** The secret in the delivery reports' address; none: reports are not taken (the local fake gets a random one). */
  reportToken?: string
  /** Progress messages one person may be sent by SMS per Asia/Shanghai day. */
  dailyCap: number
}

/**
 * Reads and checks every variable declared in config/variables.ts at once;
 * throws a ConfigError listing everything wrong (malformed values, missing
 * ones), not only the first.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const { values, problems } = readTree(VARIABLES, env)
  const templates = Object.values(values.wechat.templates).filter((t): t is WechatTemplate => t !== null)
  for (const [i, t] of templates.entries()) {
    if (templates.findIndex((o) => o.id === t.id) !== i) problems.push(`WECHAT_TEMPLATE_*: template ${t.id} is configured twice`)
  }
  if (values.queue.ignoreHours && values.production) problems.push('QUEUE_IGNORE_HOURS is refused with NODE_ENV=production: a real hall gives numbers in its opening hours only')
  if (problems.length) throw new ConfigError(problems)
  return {
    ...values,
    wechat: { ...values.wechat, templates },
    requestTimeoutMs: 30_000,
    uploads: { ...values.uploads, quotaBytes: 2 * MAX_CASE_UPLOAD_BYTES },
  }
}
