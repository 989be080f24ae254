/**
 * The BFF factory, layered as fastify-demo is: external plugins (security
 * headers, limits, docs; the database, after the clock its backfills count
 * in; the outside systems) → app plugins (catalogue, live updates, auth —
 * which closes an ended session's streams through them —, jobs, uploads,
 * cases) → routes by area → the built PWA. Each plugin is a fastify-plugin with a name and the plugins it
 * depends on, and declares its own decorations beside it (plugins/).
 */
import Fastify, { type FastifyInstance } from 'fastify'
import type { AppConfig } from './config'
import { clientErrorHandler, frameworkErrorHandler, installErrorHandlers } from './errors'
import { installContractHooks } from './routes/define'
import { installInputGuard } from './input-guard'
import security from './plugins/external/security'
import database from './plugins/external/db'
import connectors from './plugins/external/connectors'
import clock from './plugins/app/clock'
import catalogue from './plugins/app/catalogue'
import auth from './plugins/app/auth'
import push from './plugins/app/push'
import jobs from './plugins/app/jobs'
import uploads from './plugins/app/uploads'
import live from './plugins/app/live'
import cases from './plugins/app/cases'
import routes from './routes/index'
import web from './plugins/web'
import type { BuildOptions } from './plugins/options'

export type { BuildOptions } from './plugins/options'

/** Never in a log line: credentials, and personal data wherever it appears in a logged object. */
export const LOG_REDACT = [
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
  'idNumber', '*.idNumber', '*.*.idNumber', 'token', '*.token', '*.*.token',
]

/**
 * Node checks for requests past their time every `connectionsCheckingInterval`
 * (30 s unless told): check ten times per timeout, and start counting one
 * check early, so a request is cut off by `requestTimeoutMs` at the latest.
 */
function requestTimeouts(requestTimeoutMs: number): { requestTimeout: number; connectionsCheckingInterval: number } {
  const connectionsCheckingInterval = Math.min(1000, Math.max(10, Math.floor(requestTimeoutMs / 10)))
  return { requestTimeout: Math.max(1, requestTimeoutMs - connectionsCheckingInterval), connectionsCheckingInterval }
}

export async function buildApp(config: AppConfig, build: BuildOptions = {}): Promise<FastifyInstance> {
  const timeouts = requestTimeouts(config.requestTimeoutMs)
  const app = Fastify({
    logger: build.logger === false ? false : { level: config.logLevel, redact: LOG_REDACT, ...(build.logStream ? { stream: build.logStream } : {}) },
    // Only proxies we were told of may name the client (X-Forwarded-For): the address keys the rate limits.
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Headers and body both: a request still arriving after this is answered 408 and its connection closed.
    requestTimeout: timeouts.requestTimeout,
    http: { requestTimeout: timeouts.requestTimeout, headersTimeout: timeouts.requestTimeout, connectionsCheckingInterval: timeouts.connectionsCheckingInterval },
    routerOptions: { maxParamLength: 200 },
    // Opening the embedded database (and seeding it on a first start) takes seconds on a cheap busy server, more than
    // avvio's default 10 s: a slow start must not be a failed one.
    pluginTimeout: 120_000,
    // What the router and Node's parser refuse is problem+json too (errors.ts).
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: true, allErrors: false } },
  })
  installErrorHandlers(app)
  installInputGuard(app)
  installContractHooks(app)
  if (build.responseIssues) (await import('./routes/check-responses')).installResponseCheck(app, build.responseIssues)

  const opts = { config, build }
  await app.register(security, opts)
  await app.register(clock, opts)
  await app.register(database, opts)
  await app.register(connectors, opts)
  await app.register(catalogue, opts)
  await app.register(live, opts)
  await app.register(auth, opts)
  await app.register(push, opts)
  await app.register(jobs, opts)
  await app.register(uploads, opts)
  await app.register(cases, opts)
  await app.register(routes, opts)
  await app.register(web, opts)
  return app
}
