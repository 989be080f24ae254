/**
 * Web Push: the BFF's VAPID keys (messages/vapid.ts), loaded once at start
 * for the routes that hand out the public key and for the push channel
 * that signs with the private one (in a worker too, which serves no routes).
 */
import fp from 'fastify-plugin'
import { loadVapidKeys, type VapidKeys } from '../../messages/vapid'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    vapid: VapidKeys
  }
}

export default fp<PluginOptions>(async (app, { config }) => {
  app.decorate('vapid', await loadVapidKeys(config, app.db))
}, { name: 'push', dependencies: ['db'] })
