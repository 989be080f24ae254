/**
 * Who a request counts against: the client address, which only configured
 * proxies may name (TRUST_PROXY); one count shared by every instance when
 * Redis is configured.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import { buildApp } from '../app'
import { loadConfig, type AppConfig } from '../config'
import { redisAvailable, redisSpace, seededPglite } from '../testing'
import type { Db } from '../store/db'

const redisUrl = await redisAvailable()

let db: Db
beforeAll(async () => { db = await seededPglite() })
afterAll(async () => { await db?.close() })

let open: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(open.map((app) => app.close()))
  open = []
})

/** A BFF on the shared database, as TRUST_PROXY / REDIS_URL would configure it. */
async function bff(config: Partial<AppConfig>): Promise<FastifyInstance> {
  const app = await buildApp({ ...loadConfig({}), dataDir: 'memory://', webRoot: undefined, rateLimitMax: 100_000, ...config }, { db, logger: false })
  open.push(app)
  return app
}

const health = (app: FastifyInstance, remoteAddress: string, forwardedFor?: string) =>
  app.inject({ url: '/healthz', remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })

/** Statuses of `n` health checks from one connection, each claiming another client. */
async function spoofed(app: FastifyInstance, remoteAddress: string, n: number): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 1; i <= n; i++) statuses.push((await health(app, remoteAddress, `203.0.113.${i}`)).statusCode)
  return statuses
}

describe('the client address behind a proxy', () => {
  it('ignores X-Forwarded-For by default, so a made-up address is no fresh limit', async () => {
    const app = await bff({ rateLimitMax: 2 })
    expect(await spoofed(app, '198.51.100.7', 3)).toEqual([200, 200, 429])
  })

  it('takes X-Forwarded-For from the proxies TRUST_PROXY names, and only from them', async () => {
    const app = await bff({ rateLimitMax: 2, trustProxy: loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy })
    expect(await spoofed(app, '10.0.0.5', 3)).toEqual([200, 200, 200])
    expect(await spoofed(app, '198.51.100.7', 3)).toEqual([200, 200, 429])
  })
})

describe.skipIf(!redisUrl)('rate limits in Redis (REDIS_URL)', () => {
  const space = redisSpace(redisUrl ?? '')
  afterAll(async () => { await space.drop() })
  const shared = (config: Partial<AppConfig> = {}) => bff({ redisUrl: redisUrl!, redisPrefix: space.prefix, ...config })

  it('shares one count between instances, under the configured prefix', async () => {
    const a = await shared({ rateLimitMax: 3 })
    const b = await shared({ rateLimitMax: 3 })
    const statuses = []
    for (const app of [a, b, a, b]) statuses.push((await health(app, '198.51.100.20')).statusCode)
    expect(statuses).toEqual([200, 200, 200, 429])
    const redis = new Redis(redisUrl!)
    try {
      expect(await redis.keys(`${space.prefix}rate-limit:*`)).not.toHaveLength(0)
    } finally {
      redis.disconnect()
    }
  })
})

describe('a Redis outage', () => {
  it('lets requests through uncounted rather than failing or holding them', async () => {
    // Nothing listens on port 1: every Redis command fails at once.
    const app = await bff({ redisUrl: 'redis://127.0.0.1:1', rateLimitMax: 2 })
    const started = Date.now()
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await health(app, '198.51.100.30')).statusCode)
    expect(statuses).toEqual([200, 200, 200])
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
