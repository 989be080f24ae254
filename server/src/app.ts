/**
 * The BFF factory. Order as in fastify-demo: external plugins (security,
 * compression, limits, docs) → app services (db, catalogue) → routes →
 * the built PWA with a single-page fallback.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import helmet from 'helmet'
import compress from '@fastify/compress'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import cookie from '@fastify/cookie'
import { makeProblem } from '@tongban/core'
import type { AppConfig } from './config'
import { openDb, type Db } from './store/db'
import { migrate } from './store/migrations'
import { catalogueRepo } from './store/catalogue'
import { catalogueService } from './catalogue/service'
import { clientErrorHandler, frameworkErrorHandler, installErrorHandlers, sendProblem } from './errors'
import { catalogueRoutes } from './http/catalogue'
import { healthRoutes } from './http/health'
import { pageShell } from './http/shell'
import { seedCatalogue, seedDemoStaff } from './seed'
import { staffRepo } from './store/staff'
import { staffCitizenRoutes, staffRoutes } from './http/staff'
import { loadSecretKey, secrets } from './auth/secrets'
import { fieldCipher } from './auth/crypto'
import { otpService } from './auth/otp'
import { sessionService } from './auth/sessions'
import { installAccessControl, installOriginCheck } from './auth/access'
import { authRoutes } from './http/auth'
import { devClockRoutes, devRoutes, devWechatRoutes } from './http/dev'
import { wechatRoutes } from './http/wechat'
import { consentRoutes } from './http/consents'
import { formRoutes } from './http/forms'
import { caseRoutes } from './http/cases'
import { staffCaseRoutes } from './http/staff-cases'
import { scheduleUploadSweep } from './uploads/sweep'
import { materialResolver } from './cases/materials'
import { uploadRoutes } from './http/uploads'
import { licenceRoutes } from './http/licences'
import { openUploadSpace } from './store/file-store'
import type { SmsProvider } from './connectors/sms/index'
import { startConnectors } from './connectors/index'
import { builtinBackend, httpBackend } from './backend/index'
import { backendRoutes } from './http/backend'
import { calendarWarnings, clockSettings, productClock, type ProductClock } from './clock'
import { staffWarningRoutes } from './http/staff-warnings'
import { scheduleWarningSweep } from './cases/warnings'
import { caseLookups } from './cases/act'
import { fillMissingDesks } from './cases/responsibility'
import { noticeRoutes } from './http/notices'
import { installRateLimits } from './rate-limits'
import { installInputGuard } from './input-guard'

/** Never in a log line: credentials, and personal data wherever it appears in a logged object. */
export const LOG_REDACT = [
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
  'idNumber', '*.idNumber', '*.*.idNumber', 'token', '*.token', '*.*.token',
]

export interface BuildOptions {
  /** Use this database instead of opening one (tests share one per worker). */
  db?: Db
  logger?: boolean
  /** Use this SMS provider instead of the configured one. */
  sms?: SmsProvider
  /** Write logs here instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream
  /** The time cases are acted on, their clocks read and staff sign-in locks counted at (tests move it on to see yellow and red lights, or a lock end). */
  now?: () => number
}

function listeningPort(app: FastifyInstance): number {
  const address = app.server.address()
  return address && typeof address === 'object' ? address.port : 0
}

/** http://127.0.0.1:<port> of this server once it listens. */
function listeningOrigin(app: FastifyInstance): string {
  return `http://127.0.0.1:${listeningPort(app)}`
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The product's clock (clock.ts): every route reads now and today from it. */
    clock: ProductClock
    now: () => number
  }
}

/**
 * Node checks for requests past their time every `connectionsCheckingInterval`
 * (30 s unless told): check ten times per timeout, and start counting one
 * check early, so a request is cut off by `requestTimeoutMs` at the latest.
 */
function requestTimeouts(requestTimeoutMs: number): { requestTimeout: number; connectionsCheckingInterval: number } {
  const connectionsCheckingInterval = Math.min(1000, Math.max(10, Math.floor(requestTimeoutMs / 10)))
  return { requestTimeout: Math.max(1, requestTimeoutMs - connectionsCheckingInterval), connectionsCheckingInterval }
}

export async function buildApp(config: AppConfig, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const timeouts = requestTimeouts(config.requestTimeoutMs)
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel, redact: LOG_REDACT, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    // Only proxies we were told of may name the client (X-Forwarded-For): the address keys the rate limits.
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Headers and body both: a request still arriving after this is answered 408 and its connection closed.
    requestTimeout: timeouts.requestTimeout,
    http: { requestTimeout: timeouts.requestTimeout, headersTimeout: timeouts.requestTimeout, connectionsCheckingInterval: timeouts.connectionsCheckingInterval },
    routerOptions: { maxParamLength: 200 },
    // What the router and Node's parser refuse is problem+json too (errors.ts).
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: true, allErrors: false } },
  })
  installErrorHandlers(app)
  installInputGuard(app)

  // helmet's middleware built once: @fastify/helmet rebuilds it (and re-parses the CSP) per request.
  const secureHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        // Plain-HTTP localhost must keep working for the embedded default.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.production,
  })
  app.addHook('onRequest', (request, reply, done) => {
    secureHeaders(request.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined))
  })
  await app.register(compress, { threshold: 1024 })
  await installRateLimits(app, config)
  await app.register(swagger, {
    openapi: {
      info: { title: '通办 Tongban BFF', version: '0.1.0', description: '通办 市民端 BFF 接口。所有错误均为 application/problem+json。' },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })
  await app.register(cookie)

  const clock = productClock(opts.now, clockSettings(config.clock))
  const now = clock.now
  app.decorate('clock', clock)
  app.decorate('now', now)
  for (const warning of calendarWarnings(clock)) app.log.warn(warning)
  // The address printed in every document's QR code and verify link comes from configuration only (PUBLIC_ORIGIN,
  // required in production), never from a request's Host header, which anyone can forge.
  const printedOrigin = () => config.publicOrigin ?? `http://localhost:${listeningPort(app)}`

  const db = opts.db ?? (await openDb(config))
  const ownsDb = !opts.db
  await migrate(db)
  if (config.seed) await seedCatalogue(db)
  app.decorate('db', db)
  app.decorate('catalogue', catalogueService(catalogueRepo(db)))
  const undesked = await fillMissingDesks(db, caseLookups(app.catalogue, clock).itemOf, clock.calendar)
  if (undesked) app.log.info({ cases: undesked }, 'workbench desks worked out for cases stored before they were kept')
  if (ownsDb) app.addHook('onClose', async () => db.close())

  const connectors = await startConnectors(config, { sms: opts.sms })
  app.addHook('onClose', async () => connectors.close())
  const { fakeSms, fakeWechat } = connectors
  app.decorate('wechat', connectors.wechat)

  const secretKey = await loadSecretKey(config, db)
  const keys = secrets(secretKey)
  app.decorate('secrets', keys)
  app.decorate('idCipher', fieldCipher(secretKey, 'id-number'))
  app.decorate('otp', otpService({ db, secrets: keys, sms: connectors.sms }))
  app.decorate('sessions', sessionService({ db, secrets: keys }))
  installOriginCheck(app, [...(config.publicOrigin ? [config.publicOrigin] : []), ...config.trustedOrigins])
  installAccessControl(app, app.sessions, async (id) => {
    const row = await staffRepo(db).byId(id)
    return row && { id: row.id, roles: row.roles, hallId: row.hall_id, departmentCode: row.department_code }
  })
  if (config.seed && !config.production) await seedDemoStaff(db)

  await app.register(healthRoutes)
  await app.register(catalogueRoutes)
  await app.register(staffRoutes({ login: config.staffLogin, now: opts.now }))
  await app.register(staffCitizenRoutes)
  await app.register(consentRoutes)
  await app.register(formRoutes)
  const uploadSpace = await openUploadSpace(config, db, connectors.s3)
  app.addHook('onClose', async () => uploadSpace.close())
  scheduleUploadSweep(app, db, uploadSpace.store, config.uploads.retentionDays, now)
  await app.register(uploadRoutes, { uploads: config.uploads, space: uploadSpace })
  await app.register(licenceRoutes, { demo: config.seed && !config.production, origin: printedOrigin })
  await app.register(caseRoutes({ materials: materialResolver(), now }))
  const approval = connectors.approval
    ? httpBackend({
        db, client: connectors.approval, log: app.log, now,
        // Links in a handover point at PUBLIC_ORIGIN, else at this process (a fake or a system on the same host).
        downloads: { origin: () => config.publicOrigin ?? listeningOrigin(app), secret: config.approval.webhookSecret },
      })
    : builtinBackend()
  app.decorate('approval', approval)
  approval.start(config.approval.dispatchMs)
  app.addHook('onClose', async () => approval.stop())
  const fakeApproval = connectors.fakeApproval
  if (fakeApproval) {
    app.addHook('onListen', async () => {
      const address = app.server.address()
      if (address && typeof address === 'object') fakeApproval.setWebhookUrl(`http://127.0.0.1:${address.port}/api/backend/webhook`)
    })
  }
  await app.register(staffCaseRoutes, { origin: printedOrigin, now })
  await app.register(staffWarningRoutes, { now })
  scheduleWarningSweep(app, caseLookups(app.catalogue, clock), config.clock.warningSweepMs, now)
  await app.register(backendRoutes, { webhookSecret: config.approval.webhookSecret, systemId: config.approval.systemId, files: uploadSpace.store, now })
  await app.register(wechatRoutes)
  await app.register(authRoutes, { devInbox: fakeSms !== null && !config.production })
  if (fakeSms && !config.production) {
    const inbox = fakeSms
    await app.register(devRoutes(() => inbox.messages().map((m) => ({ phone: m.phone, text: m.text, at: m.at.toISOString() }))))
  }
  if (fakeWechat && !config.production) await app.register(devWechatRoutes(fakeWechat))
  if (!config.production && !opts.now) await app.register(devClockRoutes(clock))
  await app.register(noticeRoutes({ origin: printedOrigin, now }))

  const webRoot = config.webRoot
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'))
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      preCompressed: true,
      // .vite/manifest.json is for the BFF (http/shell.ts), not for browsers.
      dotfiles: 'ignore',
      setHeaders(res, path) {
        // Hashed assets never change; the shell and the service worker must always be revalidated.
        if (path.includes(`${join(webRoot, 'assets')}`)) res.header('cache-control', 'public, max-age=31536000, immutable')
        else res.header('cache-control', 'no-cache')
      },
    })
  }

  const shell = hasWeb && webRoot !== undefined ? pageShell(webRoot, app.catalogue) : null
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/'
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html')
    if (shell && wantsPage) return shell.send(path, reply)
    return sendProblem(reply, makeProblem('NOT_FOUND', { instance: path }))
  })

  return app
}
