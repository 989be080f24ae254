/**
 * Configuration from the environment, checked once at boot. No env at all
 * gives the embedded default: PGlite in ./data, port 8080, demo catalogue.
 */
import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { MAX_CASE_UPLOAD_BYTES } from '@tongban/core'

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
  /** Shares rate limits (and, later, live updates) between BFF instances. */
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
}

export interface SmsConfig {
  /** Alibaba Cloud SMS endpoint; absent → a local fake provider whose messages show at /dev/inbox. */
  baseUrl?: string
  accessKeyId: string
  accessKeySecret: string
  signName: string
  templates: { login_code: string; consent_code: string }
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`)
  return n
}

function secretKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined
  if (!/^[0-9a-fA-F]{64}$/.test(raw)) throw new ConfigError('SECRET_KEY must be 64 hex characters (32 bytes)')
  return raw.toLowerCase()
}

/** proxy-addr's names for address ranges, allowed beside addresses and CIDRs. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function proxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true
  const [ip, bits, ...rest] = entry.split('/')
  const family = isIP(ip ?? '')
  if (!family || rest.length) return false
  if (bits === undefined) return true
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
}

/**
 * TRUST_PROXY: the proxies whose X-Forwarded-For names the client. Not `true` (any client
 * could pick its address, and so a fresh rate limit, per request) and not a hop count
 * (it cannot tell a proxy from a client that reached the BFF directly; Fastify 5 trusts
 * nobody for one, so it would silently do nothing).
 */
export type ProcessRole = 'web' | 'worker' | 'all'

function processRole(raw: string | undefined): ProcessRole {
  if (raw === undefined || raw === '') return 'all'
  if (raw === 'web' || raw === 'worker' || raw === 'all') return raw
  throw new ConfigError(`PROCESS_ROLE must be web, worker or all, got "${raw}"`)
}

function trustProxy(raw: string | undefined): false | string[] {
  const value = raw?.trim() ?? ''
  if (value === '' || value === 'false') return false
  const help = 'TRUST_PROXY must list the addresses or CIDRs of the proxies in front of the BFF, comma-separated (e.g. 10.0.0.0/8,loopback)'
  if (value === 'true') throw new ConfigError(`${help}; "true" would let any client choose its address and escape rate limits`)
  if (/^\d+$/.test(value)) throw new ConfigError(`${help}; a hop count ("${value}") cannot tell a proxy from a client that connects directly`)
  const entries = value.split(',').map((e) => e.trim())
  const bad = entries.find((e) => !proxyAddress(e))
  if (bad !== undefined) throw new ConfigError(`${help}, got "${bad}"`)
  return entries
}

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

/**
 * Checked only when UPLOAD_STORE=s3. A set S3_ENDPOINT means a real store, so
 * it needs the rest too; production needs all of them (no fake there).
 */
function s3Config(env: NodeJS.ProcessEnv, used: boolean, production: boolean): S3Config {
  const config: S3Config = {
    endpoint: env.S3_ENDPOINT || undefined,
    bucket: env.S3_BUCKET || 'tongban-uploads',
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID || 'fake-key-id',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || 'fake-key-secret',
    prefix: env.S3_PREFIX ?? '',
  }
  if (!used) return config
  if (production || config.endpoint) {
    const missing = S3_REQUIRED.filter((name) => !env[name])
    if (missing.length) {
      throw new ConfigError(`UPLOAD_STORE=s3 needs ${missing.join(', ')}${production ? ' in production' : ' when S3_ENDPOINT is set'}`)
    }
  }
  if (config.endpoint) {
    let url: URL | null = null
    try {
      url = new URL(config.endpoint)
    } catch { /* reported below */ }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
      throw new ConfigError(`S3_ENDPOINT must be an http(s) URL without a path (the bucket is added to it), e.g. https://oss-cn-hangzhou.aliyuncs.com, got "${config.endpoint}"`)
    }
    config.endpoint = url.origin
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(config.bucket)) throw new ConfigError(`S3_BUCKET must be a bucket name (3–63 lower-case letters, digits, dots, hyphens), got "${config.bucket}"`)
  if (!/^[a-z0-9-]{1,64}$/.test(config.region)) throw new ConfigError(`S3_REGION must be a region name such as us-east-1 or cn-hangzhou, got "${config.region}"`)
  const prefix = config.prefix
  if (prefix && (!/^[A-Za-z0-9._/-]{1,200}$/.test(prefix) || prefix.startsWith('/') || prefix.includes('//') || prefix.split('/').some((seg) => seg === '.' || seg === '..'))) {
    throw new ConfigError(`S3_PREFIX must be a relative key prefix of letters, digits and . _ - / (e.g. tongban/uploads/), got "${prefix}"`)
  }
  config.prefix = prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix
  return config
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production'
  if (production && !env.SMS_BASE_URL) throw new ConfigError('SMS_BASE_URL (with SMS_ACCESS_KEY_ID / SMS_ACCESS_KEY_SECRET) must be set in production: without it codes would go to the local fake')
  if (production && !env.WECHAT_API_BASE) throw new ConfigError('WECHAT_API_BASE (with WECHAT_APP_ID / WECHAT_APP_SECRET) must be set in production')
  if (production && !env.PUBLIC_ORIGIN) throw new ConfigError('PUBLIC_ORIGIN (e.g. https://tongban.example.gov.cn) must be set in production: it is printed in every document\'s QR code and verify link')
  const uploadStore = env.UPLOAD_STORE || 'disk'
  if (uploadStore !== 'disk' && uploadStore !== 'postgres' && uploadStore !== 's3') throw new ConfigError(`UPLOAD_STORE must be disk, postgres or s3, got "${uploadStore}"`)
  const s3 = s3Config(env, uploadStore === 's3', production)
  const approvalBackend = env.APPROVAL_BACKEND || 'builtin'
  if (approvalBackend !== 'builtin' && approvalBackend !== 'http') throw new ConfigError(`APPROVAL_BACKEND must be builtin or http, got "${approvalBackend}"`)
  if (approvalBackend === 'http' && production && !(env.APPROVAL_BASE_URL && env.APPROVAL_API_TOKEN && env.APPROVAL_WEBHOOK_SECRET)) {
    throw new ConfigError('APPROVAL_BACKEND=http needs APPROVAL_BASE_URL, APPROVAL_API_TOKEN and APPROVAL_WEBHOOK_SECRET in production')
  }
  if (env.APPROVAL_WEBHOOK_SECRET !== undefined && env.APPROVAL_WEBHOOK_SECRET.length < 32) throw new ConfigError('APPROVAL_WEBHOOK_SECRET must be at least 32 characters')
  const schema = env.DATABASE_SCHEMA
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new ConfigError('DATABASE_SCHEMA must be a lower-case SQL identifier')
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? resolve(process.cwd(), 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: schema,
    redisUrl: redisUrl(env.REDIS_URL),
    redisPrefix: redisPrefix(env.REDIS_PREFIX),
    trustProxy: trustProxy(env.TRUST_PROXY),
    webRoot: env.WEB_ROOT === '' ? undefined : resolve(env.WEB_ROOT ?? 'packages/web/dist'),
    production,
    processRole: processRole(env.PROCESS_ROLE),
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'info'),
    rateLimitMax: int(env, 'RATE_LIMIT_MAX', 600, 1, 10_000_000),
    staffLogin: {
      ratePerMinute: int(env, 'STAFF_LOGIN_RATE_LIMIT', 30, 1, 1_000_000),
      hashConcurrency: int(env, 'PASSWORD_HASH_CONCURRENCY', 2, 1, 64),
      hashQueue: int(env, 'PASSWORD_HASH_QUEUE', 16, 0, 10_000),
    },
    requestTimeoutMs: 30_000,
    seed: env.SEED !== 'false',
    secretKey: secretKey(env.SECRET_KEY),
    uploads: {
      store: uploadStore,
      dir: env.UPLOAD_DIR ? resolve(env.UPLOAD_DIR) : undefined,
      ratePerMinute: int(env, 'UPLOAD_RATE_LIMIT', 30, 1, 1_000_000),
      quotaBytes: 2 * MAX_CASE_UPLOAD_BYTES,
      retentionDays: int(env, 'UPLOAD_RETENTION_DAYS', 30, 1, 3650),
    },
    s3,
    clock: {
      yellowDays: int(env, 'LIGHT_YELLOW_DAYS', 1, 0, 20),
      warningSweepMs: int(env, 'WARNING_SWEEP_MS', 300_000, 0, 86_400_000),
      calendarFile: env.WORK_CALENDAR_FILE ? resolve(env.WORK_CALENDAR_FILE) : undefined,
    },
    approval: {
      backend: approvalBackend,
      baseUrl: env.APPROVAL_BASE_URL || undefined,
      apiToken: env.APPROVAL_API_TOKEN || 'fake-approval-token',
      webhookSecret: env.APPROVAL_WEBHOOK_SECRET || 'fake-approval-webhook-secret-0123456789',
      systemId: env.APPROVAL_SYSTEM_ID || 'approval-system',
      dispatchMs: int(env, 'APPROVAL_DISPATCH_MS', 5_000, 0, 3_600_000),
    },
    wechat: {
      baseUrl: env.WECHAT_API_BASE || undefined,
      appId: env.WECHAT_APP_ID ?? 'wx0000000000000000',
      appSecret: env.WECHAT_APP_SECRET ?? 'fake-app-secret',
    },
    sms: {
      baseUrl: env.SMS_BASE_URL || undefined,
      accessKeyId: env.SMS_ACCESS_KEY_ID ?? 'fake-key-id',
      accessKeySecret: env.SMS_ACCESS_KEY_SECRET ?? 'fake-key-secret',
      signName: env.SMS_SIGN_NAME ?? '通办',
      templates: {
        login_code: env.SMS_TEMPLATE_LOGIN ?? 'SMS_LOGIN_CODE',
        consent_code: env.SMS_TEMPLATE_CONSENT ?? 'SMS_CONSENT_CODE',
      },
    },
    publicOrigin: publicOrigin(env.PUBLIC_ORIGIN),
    trustedOrigins: (env.TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean).map((o) => origin('TRUSTED_ORIGINS', o)),
  }
}

function redisUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined
  let url: URL | null = null
  try { url = new URL(raw) } catch { /* reported below */ }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    // Not echoed: the address may carry the Redis password.
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// address such as redis://127.0.0.1:6379')
  }
  return raw
}

function redisPrefix(raw: string | undefined): string {
  if (raw === undefined || raw === '') return 'tongban:'
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(raw)) throw new ConfigError(`REDIS_PREFIX must be 1–64 letters, digits and _ . : -, e.g. tongban-staging:, got "${raw}"`)
  return raw
}

function publicOrigin(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined
  return origin('PUBLIC_ORIGIN', raw)
}

function origin(name: string, raw: string): string {
  let url: URL
  try { url = new URL(raw) } catch { throw new ConfigError(`${name} must be a URL such as https://tongban.example.gov.cn, got "${raw}"`) }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${name} must be an http(s) address, got "${raw}"`)
  return url.origin
}
