/**
 * Rate limits (@fastify/rate-limit): RATE_LIMIT_MAX a minute per client
 * address, tighter where routes say so. Counted in Redis when REDIS_URL is
 * set, so that several BFF instances share one count; in memory otherwise.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import type { Redis } from 'ioredis'
import { retryAfterText } from '@tongban/core'
import { ProblemError } from './errors'
import type { AppConfig } from './config'

/**
 * A Redis client that fails fast: a command while Redis is away errors at once
 * (no offline queue, one retry) instead of holding the request, and the limiter
 * then lets the request through (skipOnError) — an outage must not stop the
 * service. The outage is logged once, and its end.
 */
async function limitRedis(url: string, log: FastifyBaseLogger): Promise<Redis> {
  // Loaded only with REDIS_URL: a single instance never needs the client.
  const { Redis } = await import('ioredis')
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 })
  let down = false
  redis.on('error', (err: Error) => {
    if (!down) log.warn({ err }, 'Redis unreachable: rate limits are not counted until it is back')
    down = true
  })
  redis.on('ready', () => {
    if (down) log.info('Redis reachable again: rate limits are counted')
    down = false
  })
  return redis
}

/** The first connection, tried (not required) before serving, so the first requests are counted too. */
async function firstConnection(redis: Redis): Promise<void> {
  await new Promise<void>((resolve) => {
    const done = () => { redis.off('ready', done); redis.off('error', done); resolve() }
    redis.once('ready', done)
    redis.once('error', done)
  })
}

export async function installRateLimits(app: FastifyInstance, config: AppConfig): Promise<void> {
  const redis = config.redisUrl ? await limitRedis(config.redisUrl, app.log) : null
  if (redis) {
    app.addHook('onClose', async () => redis.disconnect())
    await firstConnection(redis)
  }
  await app.register(rateLimit, {
    max: config.rateLimitMax,
    timeWindow: '1 minute',
    // The wait in words too (Retry-After says it in seconds): a person is told how long, not only "a while".
    errorResponseBuilder: (_request, context) => {
      const retryAfter = Math.max(1, Math.ceil(context.ttl / 1000))
      return Object.assign(new ProblemError('RATE_LIMITED', { detail: retryAfterText(retryAfter), retryAfter }), { statusCode: 429 })
    },
    ...(redis ? { redis, nameSpace: `${config.redisPrefix}rate-limit:`, skipOnError: true } : {}),
  })
}
