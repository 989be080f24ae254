/**
 * Every environment variable the BFF reads, declared once, in the shape of
 * AppConfig (config.ts): name, type, default, when it is required, and the
 * line the README's configuration table shows (`npm run docs:config`
 * rewrites the table; a test fails when they differ). Adding a variable is
 * adding its declaration here and its field to AppConfig.
 */
import { resolve } from 'node:path'
import { DEFAULT_UPLOAD_RETENTION_DAYS, MESSAGE_KIND_LABELS, MESSAGE_KINDS, parseWechatTemplate, type MessageKind, type WechatTemplate } from '@tongban/core'
import { custom, Invalid, int, isProduction, oneOf, text, type Condition, type Var } from './declare'
import { matching, origin, pushServiceHosts, redisUrl, s3Endpoint, s3Prefix, secretKey, trustProxy, vapidKey, vapidSubject } from './parsers'
import { DEFAULT_PUSH_SERVICE_HOSTS } from '../messages/push-endpoint'

const S3_STORE: Condition = { text: 'UPLOAD_STORE=s3', holds: (env) => env.UPLOAD_STORE === 's3' }
/**
 * A WeChat subscribe-message template slot: `<template id>;<title>;<kinds>;<keyword>=<field>,…` (core
 * parseWechatTemplate). Empty: the slot is off. Unset: outside production a demo template the local fake
 * WeChat API knows; in production nothing (those kinds go by Web Push or SMS).
 */
function wechatTemplate(name: string, what: string, demo: string) {
  return custom(name, {
    type: '`id;title;kinds;keywords`', shownDefault: 'demo (outside production)', keepEmpty: true,
    doc: `subscribe-message template for ${what}: its id, its title, the message kinds it carries (comma-separated) and its keywords as \`<keyword>=<MessageContent field>\` (fields \`caseNo\`, \`itemName\`, \`title\`, \`body\`, \`status\`, \`next\`, \`at\`; the type is the keyword's prefix, values are cut to its limits; an enum lists its values, \`enum5=status(准予许可/不予许可)\`). Empty: off. Unset (outside production), a demo template the local fake knows: \`${demo}\``,
    fallback: (env): WechatTemplate | null => (isProduction(env) ? null : demoTemplate(demo)),
    parse(raw) {
      if (raw.trim() === '') return null
      const r = parseWechatTemplate(raw)
      if (!r.ok) throw new Invalid(`${name}: ${r.problems.join('; ')}`)
      return r.template
    },
  })
}

function demoTemplate(line: string): WechatTemplate {
  const r = parseWechatTemplate(line)
  if (!r.ok) throw new Error(`demo template: ${r.problems.join('; ')}`)
  return r.template
}

const HTTP_BACKEND: Condition = { text: 'APPROVAL_BACKEND=http', holds: (env) => env.APPROVAL_BACKEND === 'http' }

export const VARIABLES = {
  port: int('PORT', { default: 8080, min: 0, max: 65535, doc: 'the port the BFF listens on' }),
  host: text('HOST', { default: '0.0.0.0', keepEmpty: true, type: 'address', doc: 'the address the BFF listens on' }),
  dataDir: custom('DATA_DIR', {
    type: 'path', shownDefault: '`./data`', keepEmpty: true, doc: 'PGlite data directory (embedded mode)',
    fallback: () => resolve(process.cwd(), 'data'),
    parse: (raw) => raw,
  }),
  databaseUrl: text('DATABASE_URL', { type: 'URL', doc: 'PostgreSQL instead of PGlite, e.g. `postgres://postgres@127.0.0.1:5432/test`' }),
  databaseSchema: custom('DATABASE_SCHEMA', {
    type: 'SQL identifier', keepEmpty: true, doc: 'PostgreSQL schema to use (created if missing)', fallback: undefined as string | undefined,
    parse: matching(/^[a-z_][a-z0-9_]{0,62}$/, () => 'DATABASE_SCHEMA must be a lower-case SQL identifier'),
  }),
  redisUrl: custom('REDIS_URL', { type: 'URL', doc: 'Redis (`redis://` or `rediss://`), for several BFF instances: they count rate limits there together (per address, and 办件查询\'s per case number) instead of each in its own memory, and pass live updates (SSE) to each other over pub/sub, so a step taken on one instance reaches a page whose stream another holds. If Redis goes away, requests are served uncounted and live updates reach only the streams of the instance they happened on (logged once) rather than anything being refused or held', fallback: undefined as string | undefined, parse: redisUrl }),
  redisPrefix: custom('REDIS_PREFIX', {
    type: 'text', shownDefault: '`tongban:`', doc: 'put before every Redis key; instances that share limits use the same one', fallback: 'tongban:',
    parse: matching(/^[A-Za-z0-9_.:-]{1,64}$/, (raw) => `REDIS_PREFIX must be 1–64 letters, digits and _ . : -, e.g. tongban-staging:, got "${raw}"`),
  }),
  trustProxy: custom('TRUST_PROXY', {
    type: 'addresses, comma-separated', shownDefault: '— (nobody)', doc: 'the reverse proxies / load balancers in front of the BFF, as addresses or CIDRs, comma-separated (`10.0.0.0/8,loopback`; also `linklocal`, `uniquelocal`). Only a request coming from one of them may name the client with `X-Forwarded-For`; otherwise the connection\'s address is the client\'s. Set it behind a proxy, or every client shares the proxy\'s rate limit. `true` and hop counts are refused: either lets a client that reaches the BFF directly pick its own address, and so a fresh rate limit per request',
    fallback: false as false | string[], parse: trustProxy,
  }),
  webRoot: custom('WEB_ROOT', {
    type: 'path', shownDefault: '`packages/web/dist`', keepEmpty: true, doc: 'built PWA to serve; empty = API only',
    fallback: (): string | undefined => resolve('packages/web/dist'),
    parse: (raw) => (raw === '' ? undefined : resolve(raw)),
  }),
  production: custom('NODE_ENV', { type: '`production` or other', doc: '`production` turns on HSTS, hides `/dev/*`, requires `SMS_BASE_URL`, `WECHAT_API_BASE`, `PUBLIC_ORIGIN`, `VAPID_*`, (on PostgreSQL) `SECRET_KEY` and (with `UPLOAD_STORE=s3`) the `S3_*` endpoint, bucket and keys', fallback: false, parse: (raw) => raw === 'production' }),
  processRole: oneOf('PROCESS_ROLE', ['web', 'worker', 'all'], { default: 'all', doc: '`web` serves requests and runs no background jobs; `worker` runs the jobs (warning sweep, upload sweep, outbox dispatcher; singletons under a PostgreSQL advisory lock, so one instance sweeps) and answers `/healthz` only; `all` does both' }),
  logLevel: text('LOG_LEVEL', { default: 'info', keepEmpty: true, type: 'pino level', doc: 'pino level; authorization and cookies are redacted' }),
  rateLimitMax: int('RATE_LIMIT_MAX', { default: 600, min: 1, max: 10_000_000, doc: 'requests per minute per client address' }),
  queue: {
    ignoreHours: custom('QUEUE_IGNORE_HOURS', {
      type: '`1` or unset', shownDefault: '— (hours kept)', doc: 'take queue numbers outside a hall\'s opening hours (demos, load tests); refused with `NODE_ENV=production`',
      fallback: false, parse: (raw) => raw === '1' || raw === 'true',
    }),
  },
  liveStreamsPerPerson: int('LIVE_STREAMS_PER_PERSON', { default: 4, min: 1, max: 100, doc: 'live-update streams (`GET /api/me/events`, `GET /api/staff/events`) one citizen or staff member may hold open at once on one instance (tabs, devices; the PWA shares one per tab); past it 429 `LIVE_STREAMS_TOO_MANY` and that page polls instead. Keep it below the browsers\' 6 connections per host over HTTP/1.1' }),
  staffLogin: {
    ratePerMinute: int('STAFF_LOGIN_RATE_LIMIT', { default: 30, min: 1, max: 1_000_000, doc: 'staff sign-ins (`POST /api/staff/login`) per minute per client address, instead of `RATE_LIMIT_MAX` (each costs a password hash); past it 429 `RATE_LIMITED` with `Retry-After`. Raise it for a hall whose staff all reach the BFF from one address (NAT) and sign in within the same minute' }),
    hashConcurrency: int('PASSWORD_HASH_CONCURRENCY', { default: 2, min: 1, max: 64, doc: 'staff password checks a BFF instance runs at once (scrypt, on libuv\'s threadpool of `UV_THREADPOOL_SIZE`, 4 by default), so a flood of sign-ins cannot hold up compression and files for everyone else' }),
    hashQueue: int('PASSWORD_HASH_QUEUE', { default: 16, min: 0, max: 10_000, doc: 'sign-ins that may wait for a password check; past it 503 `STAFF_LOGIN_BUSY` (登录的人较多，请稍等几秒再试) with `Retry-After: 2` at once, not counted as an attempt' }),
  },
  seed: custom('SEED', { type: '`true` \\| `false`', shownDefault: '`true`', doc: 'load/refresh the demo catalogue at start', fallback: true, parse: (raw) => raw !== 'false' }),
  secretKey: custom('SECRET_KEY', { type: '64 hex digits', shownDefault: 'generated', doc: '64 hex characters; HMAC key for codes and session tokens. Embedded default: generated once into `DATA_DIR/secret.key`', fallback: undefined as string | undefined, parse: secretKey }),
  uploads: {
    store: oneOf('UPLOAD_STORE', ['disk', 'postgres', 's3'], { default: 'disk', doc: 'where uploaded material files live: `disk` (files under `UPLOAD_DIR`), `postgres` (a bytea table in the database, PGlite or PostgreSQL; for several BFF instances without a shared disk) or `s3` (an S3-compatible object store: MinIO, 阿里云 OSS, 腾讯云 COS, Ceph RGW; for several instances, files kept out of the database)' }),
    dir: custom('UPLOAD_DIR', {
      type: 'path', shownDefault: '`DATA_DIR/uploads`', doc: 'stored files (`files/`, disk store) and uploads in progress (`incoming/`, swept at start). With an in-memory database, a temporary directory removed at exit',
      fallback: undefined as string | undefined, parse: (raw) => resolve(raw),
    }),
    ratePerMinute: int('UPLOAD_RATE_LIMIT', { default: 30, min: 1, max: 1_000_000, doc: 'uploads per minute per citizen' }),
    retentionDays: int('UPLOAD_RETENTION_DAYS', { default: DEFAULT_UPLOAD_RETENTION_DAYS, min: 1, max: 3650, doc: 'days an upload no case took is kept (a draft may still use it), then removed with its bytes' }),
  },
  s3: {
    endpoint: custom('S3_ENDPOINT', {
      type: 'URL', when: S3_STORE, production: true, doc: 'object store endpoint, scheme + host + port only, addressed path-style (`<endpoint>/<bucket>/<key>`), e.g. `https://oss-cn-hangzhou.aliyuncs.com`, `http://minio.internal:9000`. Unset with `UPLOAD_STORE=s3`: a local fake S3 server, files in memory (gone at exit). Required with `UPLOAD_STORE=s3` in production',
      fallback: undefined as string | undefined, parse: s3Endpoint,
    }),
    bucket: custom('S3_BUCKET', {
      type: 'bucket name', when: S3_STORE, production: true, withVar: 'S3_ENDPOINT', doc: 'the bucket (must exist); required when `S3_ENDPOINT` is set', fallback: 'tongban-uploads',
      parse: matching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, (raw) => `S3_BUCKET must be a bucket name (3–63 lower-case letters, digits, dots, hyphens), got "${raw}"`),
    }),
    region: custom('S3_REGION', {
      type: 'region name', shownDefault: '`us-east-1`', when: S3_STORE, doc: 'region in the request signature (SigV4), e.g. `cn-hangzhou`, `ap-guangzhou`; MinIO\'s default is `us-east-1`', fallback: 'us-east-1',
      parse: matching(/^[a-z0-9-]{1,64}$/, (raw) => `S3_REGION must be a region name such as us-east-1 or cn-hangzhou, got "${raw}"`),
    }),
    accessKeyId: text('S3_ACCESS_KEY_ID', { default: 'fake-key-id', shownDefault: '—', when: S3_STORE, production: true, withVar: 'S3_ENDPOINT', doc: 'credentials with Put/Get/DeleteObject on the bucket; required when `S3_ENDPOINT` is set' }),
    secretAccessKey: text('S3_SECRET_ACCESS_KEY', { default: 'fake-key-secret', shownDefault: '—', when: S3_STORE, production: true, withVar: 'S3_ENDPOINT', doc: 'credentials with Put/Get/DeleteObject on the bucket; required when `S3_ENDPOINT` is set' }),
    prefix: custom('S3_PREFIX', { type: 'key prefix', when: S3_STORE, keepEmpty: true, doc: 'put before every object key, e.g. `tongban/uploads/` (a `/` is added if missing)', fallback: '', parse: s3Prefix }),
  },
  clock: {
    yellowDays: int('LIGHT_YELLOW_DAYS', { default: 1, min: 0, max: 20, doc: 'a step\'s light turns yellow when at most this many working days are left (red when overdue)' }),
    calendarFile: custom('WORK_CALENDAR_FILE', { type: 'path', doc: 'JSON adding a newly published year\'s arrangement to the bundled holiday data (2020–2026): `{"holidays": ["2027-01-01", …], "workdays": ["2027-02-14", …]}` or a list of such; the BFF warns at start when this year or the next is not covered', fallback: undefined as string | undefined, parse: (raw) => resolve(raw) }),
    warningSweepMs: int('WARNING_SWEEP_MS', { default: 300_000, shownDefault: '`300000`', min: 0, max: 86_400_000, doc: 'how often open cases are checked for steps turning yellow or red: each raises one 黄牌 and one 红牌 for the desk that answers for it (the window, the department; supervisors see all) on the workbench\'s 预警 panel; `0` turns the sweep off' }),
  },
  approval: {
    backend: oneOf('APPROVAL_BACKEND', ['builtin', 'http'], { default: 'builtin', doc: 'where departments work accepted cases: `builtin` (our `/staff` workbench) or `http` (an existing approval system: accepted cases are handed over by `POST {APPROVAL_BASE_URL}/cases`, its progress comes back signed to `POST /api/backend/webhook`; contract in `server/openapi/approval-backend.json`)' }),
    baseUrl: text('APPROVAL_BASE_URL', { type: 'URL', requiredIf: HTTP_BACKEND, production: true, doc: 'the approval system\'s API base. Unset with `http`: a local reference fake (tests, demo). Required with `http` in production' }),
    apiToken: text('APPROVAL_API_TOKEN', { default: 'fake-approval-token', shownDefault: '—', requiredIf: HTTP_BACKEND, production: true, doc: 'bearer token sent with each handover' }),
    webhookSecret: custom('APPROVAL_WEBHOOK_SECRET', {
      type: 'text, ≥ 32 characters', requiredIf: HTTP_BACKEND, production: true, keepEmpty: true, doc: '≥ 32 characters; HMAC-SHA256 key of the webhook signature (`x-tongban-signature: v1=…` over `timestamp.body`, 5-minute replay window, idempotent by event id)',
      fallback: 'fake-approval-webhook-secret-0123456789',
      parse(raw) {
        if (raw.length < 32) throw new Invalid('APPROVAL_WEBHOOK_SECRET must be at least 32 characters')
        return raw
      },
    }),
    systemId: text('APPROVAL_SYSTEM_ID', { default: 'approval-system', doc: 'who the system\'s steps are recorded as' }),
    dispatchMs: int('APPROVAL_DISPATCH_MS', { default: 5_000, shownDefault: '`5000`', min: 0, max: 3_600_000, doc: 'how often handovers not yet through are tried (back-off 5 s·2ⁿ up to 10 min, 8 tries, then shown to staff at `GET /api/staff/outbox`)' }),
  },
  wechat: {
    baseUrl: text('WECHAT_API_BASE', { type: 'URL', production: 'set WECHAT_APP_ID / WECHAT_APP_SECRET with it', doc: 'WeChat API (`https://api.weixin.qq.com`). Unset: a local fake; `/dev/wechat/login-code?openid=…` and `/dev/wechat/phone-code?phone=…` issue codes it accepts' }),
    appId: text('WECHAT_APP_ID', { default: 'wx0000000000000000', shownDefault: '—', keepEmpty: true, doc: 'mini-program app id' }),
    appSecret: text('WECHAT_APP_SECRET', { default: 'fake-app-secret', shownDefault: '—', keepEmpty: true, doc: 'mini-program app secret' }),
    miniprogramState: oneOf('WECHAT_MINIPROGRAM_STATE', ['formal', 'trial', 'developer'], { default: 'formal', doc: 'which version of the mini-program a subscribe message opens when tapped (`miniprogram_state`): the released one, the 体验版 or the 开发版' }),
    // Slots, not kinds: each slot's value says which kinds it carries, so an operator maps the templates the
    // console approved onto our kinds without a release. A kind two slots carry goes by the first with an acceptance left.
    templates: {
      progress: wechatTemplate('WECHAT_TEMPLATE_PROGRESS', 'progress (预审通过, 受理, 暂停/恢复计时, 延长期限, 撤回)', 'DEMO_progress;办件进度提醒;pre_review_passed,accepted,paused,resumed,extended,withdrawn;character_string1=caseNo,thing2=itemName,phrase3=status,time4=at,thing5=next'),
      supplement: wechatTemplate('WECHAT_TEMPLATE_SUPPLEMENT', 'a supplement request (补正)', 'DEMO_supplement;补正材料提醒;supplement_requested;character_string1=caseNo,thing2=itemName,thing3=next,time4=at'),
      result: wechatTemplate('WECHAT_TEMPLATE_RESULT', 'the decision and the certificate (办理结果)', 'DEMO_result;办理结果通知;not_accepted,decided_approved,decided_denied,certificate_ready;character_string1=caseNo,thing2=itemName,phrase3=status,time4=at,thing5=next'),
      delivery: wechatTemplate('WECHAT_TEMPLATE_DELIVERY', 'delivery events (邮寄进展)', 'DEMO_delivery;邮寄进度通知;delivery_event;character_string1=caseNo,thing2=itemName,thing3=next,time4=at'),
      queue: wechatTemplate('WECHAT_TEMPLATE_QUEUE', 'queue calls (排队叫号)', 'DEMO_queue;排队叫号提醒;queue_near,queue_called;thing1=itemName,phrase2=status,thing3=next,time4=at'),
    },
  },
  sms: {
    baseUrl: text('SMS_BASE_URL', {
      type: 'URL', doc: 'Alibaba Cloud SMS endpoint (`https://dysmsapi.aliyuncs.com`). Unset: a local fake provider; its messages show at `/dev/inbox`',
      production: 'without it codes would go to the local fake (set SMS_ACCESS_KEY_ID / SMS_ACCESS_KEY_SECRET with it)',
    }),
    accessKeyId: text('SMS_ACCESS_KEY_ID', { default: 'fake-key-id', shownDefault: '—', keepEmpty: true, doc: 'SMS access key id' }),
    accessKeySecret: text('SMS_ACCESS_KEY_SECRET', { default: 'fake-key-secret', shownDefault: '—', keepEmpty: true, doc: 'SMS access key secret' }),
    signName: text('SMS_SIGN_NAME', { default: '通办', keepEmpty: true, doc: 'approved SMS signature' }),
    templates: {
      login_code: text('SMS_TEMPLATE_LOGIN', { default: 'SMS_LOGIN_CODE', keepEmpty: true, doc: 'approved template code of the sign-in message' }),
      consent_code: text('SMS_TEMPLATE_CONSENT', { default: 'SMS_CONSENT_CODE', keepEmpty: true, doc: 'approved template code of the 代办 consent message' }),
      // One approved template per kind of progress message (core messages/kinds.ts), each with the variables no, item, next.
      ...(Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, text(`SMS_TEMPLATE_${kind.toUpperCase()}`, {
        default: `SMS_MSG_${kind.toUpperCase()}`, keepEmpty: true, doc: `approved template code of the “${MESSAGE_KIND_LABELS[kind]}” message (variables \`no\`, \`item\`, \`next\`)`,
      })])) as Record<MessageKind, Var<string>>),
    },
    reportToken: custom('SMS_REPORT_TOKEN', {
      type: '24–100 characters A–Z a–z 0–9 _ -', shownDefault: '— (no reports; with the local fake, a random one)',
      doc: 'the secret last part of the address Alibaba Cloud pushes delivery reports to (短信回执, HTTP 批量推送): set `https://<site>/api/hooks/sms-reports/<token>` in the SMS console. Each report turns a message\'s “已发出” into “已送达”, or “失败” with the carrier\'s code, on the case\'s receipts. Unset: reports are not taken (404)',
      fallback: undefined as string | undefined,
      parse(raw) {
        if (!/^[A-Za-z0-9_-]{24,100}$/.test(raw)) throw new Invalid('SMS_REPORT_TOKEN must be 24–100 characters of A–Z a–z 0–9 _ -')
        return raw
      },
    }),
    dailyCap: int('SMS_DAILY_CAP', { default: 5, min: 0, max: 1000, doc: 'progress messages one person may be sent by SMS per day (Asia/Shanghai; sign-in codes not counted); past it they reach the 消息中心 only. Non-urgent ones are held from 22:00 to 8:00' }),
  },
  webPush: {
    publicKey: custom('VAPID_PUBLIC_KEY', {
      type: 'base64url, 87 characters', shownDefault: 'generated', withVar: 'VAPID_PRIVATE_KEY', production: 'browsers subscribe with it; a generated key would change with every new machine and silence every subscription', doc: 'the VAPID public key (an uncompressed P-256 point, base64url) browsers subscribe to Web Push with (`npx web-push generate-vapid-keys`). Changing it makes every subscription useless: browsers must subscribe again. Embedded default: generated once into `DATA_DIR/vapid.json` (in the database on PostgreSQL or in memory)',
      fallback: undefined as string | undefined, parse: (raw) => vapidKey('VAPID_PUBLIC_KEY', raw, 65),
    }),
    privateKey: custom('VAPID_PRIVATE_KEY', {
      type: 'base64url, 43 characters', shownDefault: 'generated', production: true, withVar: 'VAPID_PUBLIC_KEY', doc: 'the VAPID private key that signs each push request (JWT ES256); required with `VAPID_PUBLIC_KEY`',
      fallback: undefined as string | undefined, parse: (raw) => vapidKey('VAPID_PRIVATE_KEY', raw, 32),
    }),
    subject: custom('VAPID_SUBJECT', {
      type: '`mailto:` or `https:` URL', shownDefault: '`mailto:webpush@tongban.invalid`', production: 'push services contact the sender there (Apple refuses a localhost subject)', doc: 'how a push service can reach the operator (`mailto:ops@example.gov.cn` or the site\'s `https://` address), signed into every push request',
      fallback: 'mailto:webpush@tongban.invalid', parse: vapidSubject,
    }),
    serviceHosts: custom('PUSH_SERVICE_HOSTS', {
      type: 'host names, comma-separated', shownDefault: `\`${DEFAULT_PUSH_SERVICE_HOSTS.join(',')}\``, doc: 'the push services a browser\'s subscription may point at (`*.` allows every sub-domain); any other endpoint is refused when subscribing, so the BFF never posts to an address a client chose. Only `https:` endpoints, except that outside production `http://` on loopback is allowed too (tests, web-push-testing)',
      fallback: [...DEFAULT_PUSH_SERVICE_HOSTS] as string[], parse: pushServiceHosts,
    }),
  },
  publicOrigin: custom('PUBLIC_ORIGIN', {
    type: 'origin', doc: 'scheme + host printed in the QR code of every issued notice and certificate (`<origin>/verify/<id>`), e.g. `https://tongban.example.gov.cn`; required with `NODE_ENV=production`. Unset: `http://localhost:<PORT>`. Never taken from a request\'s `Host` header (anyone can forge it); kept with the document, so a re-download is identical', fallback: undefined as string | undefined, parse: (raw) => origin('PUBLIC_ORIGIN', raw),
    production: 'it is printed in every document\'s QR code and verify link (e.g. https://tongban.example.gov.cn)',
  }),
  trustedOrigins: custom('TRUSTED_ORIGINS', {
    type: 'origins, comma-separated', keepEmpty: true, doc: 'other origins (comma-separated, e.g. `https://staff.example.gov.cn`) whose pages may send changes authenticated by our cookies. A POST/PUT/PATCH/DELETE carrying `tb_session` or `tb_staff` whose `Origin` (or, without one, `Referer`) is not the request\'s own origin, `PUBLIC_ORIGIN` or one of these is refused: 403 `CROSS_SITE_REFUSED` (cross-site request forgery; `SameSite=Lax` leaves sibling subdomains open). Bearer requests (the mini-program) are not concerned', fallback: [] as string[],
    parse: (raw) => raw.split(',').map((o) => o.trim()).filter(Boolean).map((o) => origin('TRUSTED_ORIGINS', o)),
  }),
}
