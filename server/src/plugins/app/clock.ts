/**
 * The product's clock (clock.ts): every route and job reads now and today
 * from it; the working calendar and the yellow threshold are configured once
 * here. The address printed in documents comes with it: PUBLIC_ORIGIN
 * (required in production), never a request's Host header, which anyone can
 * forge; else this process's own address.
 */
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { calendarWarnings, clockSettings, productClock, type ProductClock } from '../../clock'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    /** The product's clock (clock.ts): every route reads now and today from it. */
    clock: ProductClock
    now: () => number
    /** Scheme, host and port every document's QR code and verify link print: PUBLIC_ORIGIN, else http://localhost:<port>. */
    printedOrigin: () => string
    /** http://127.0.0.1:<port> of this server once it listens: where a fake on this host calls back. */
    ownOrigin: () => string
  }
}

function listeningPort(app: FastifyInstance): number {
  const address = app.server.address()
  return address && typeof address === 'object' ? address.port : 0
}

export default fp<PluginOptions>(async (app, { config, build }) => {
  const clock = productClock(build.now, clockSettings(config.clock))
  app.decorate('clock', clock)
  app.decorate('now', clock.now)
  for (const warning of calendarWarnings(clock)) app.log.warn(warning)
  app.decorate('printedOrigin', () => config.publicOrigin ?? `http://localhost:${listeningPort(app)}`)
  app.decorate('ownOrigin', () => `http://127.0.0.1:${listeningPort(app)}`)
}, { name: 'clock' })
