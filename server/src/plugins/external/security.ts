/**
 * Security headers, compression, rate limits, the OpenAPI document and
 * cookies: registered before any route, so every route has them.
 */
import fp from 'fastify-plugin'
import helmet from 'helmet'
import compress from '@fastify/compress'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import cookie from '@fastify/cookie'
import { installRateLimits } from '../../rate-limits'
import type { PluginOptions } from '../options'

export default fp<PluginOptions>(async (app, { config }) => {
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
}, { name: 'security' })
