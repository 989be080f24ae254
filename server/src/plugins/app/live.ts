/**
 * Live updates: the bus that carries word of changes (in-process, or over
 * Redis pub/sub with REDIS_URL) and the event streams that hand it to open
 * pages. Registered before auth, which tells it of every session that ends
 * (its streams close at once), and cases, whose write point publishes to it; the
 * streams are ended before the server closes, or it would wait on them.
 */
import fp from 'fastify-plugin'
import { createLiveBus, redisRelay, type LiveBus } from '../../live/bus'
import { liveStreams, type LiveStreams } from '../../live/sse'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    /** Word of changes to open pages (live/bus.ts): publishCase after a commit, publishToAccount for the 消息中心. */
    live: LiveBus
    /** The SSE streams this instance holds (live/sse.ts). */
    liveStreams: LiveStreams
  }
}

export default fp<PluginOptions>(async (app, { config }) => {
  const relay = config.redisUrl ? await redisRelay(config.redisUrl, config.redisPrefix, app.log) : null
  const bus = createLiveBus({ relay, log: app.log })
  const streams = liveStreams(bus, { perPerson: config.liveStreamsPerPerson })
  app.decorate('live', bus)
  app.decorate('liveStreams', streams)
  app.addHook('preClose', async () => streams.endAll())
  app.addHook('onClose', async () => bus.close())
}, { name: 'live' })
