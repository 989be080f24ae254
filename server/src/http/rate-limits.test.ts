/**
 * Who a request counts against: the client address, which only configured
 * proxies may name (TRUST_PROXY); one count shared by every instance when
 * Redis is configured; and, for 办件查询, the case number whatever the address.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { PUBLIC_QUERY_FAILURES_PER_HOUR, PUBLIC_QUERY_PER_MINUTE, type Problem } from '@tongban/core'
import { Redis } from 'ioredis'
import { buildApp } from '../app'
import { loadConfig, type AppConfig } from '../config'
import { minimumLivingApplication, redisAvailable, redisSpace, seededPglite, signInCitizen, submitApplication } from '../testing'
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

/** A citizen with one submitted case: its number and the phone's last 4 digits. */
let people = 0
async function caseOf(app: FastifyInstance): Promise<{ caseNo: string; digits: string }> {
  const phone = `137${String(30_000_000 + ++people).slice(-8)}`
  const { token } = await signInCitizen(app, phone, `10.40.0.${people}`)
  const c = await submitApplication(app, token, minimumLivingApplication(phone), `rate-limits-${people}`)
  return { caseNo: c.caseNo, digits: phone.slice(-4) }
}

/** A different address for every query, as a distributed guesser would use. */
let addresses = 0
const query = (app: FastifyInstance, caseNo: string, digits: string) =>
  app.inject({ url: `/api/query?caseNo=${encodeURIComponent(caseNo)}&phone4=${digits}`, remoteAddress: `172.16.${Math.floor(++addresses / 250)}.${addresses % 250 + 1}` })
const wrong = (digits: string) => (digits === '0000' ? '1111' : '0000')

describe('办件查询 per case number', () => {
  it(`locks a number for an hour after ${PUBLIC_QUERY_FAILURES_PER_HOUR} wrong answers from any addresses, the right digits included`, async () => {
    const app = await bff({})
    const { caseNo, digits } = await caseOf(app)
    for (let i = 0; i < PUBLIC_QUERY_FAILURES_PER_HOUR; i++) expect((await query(app, caseNo, wrong(digits))).statusCode).toBe(404)
    const locked = await query(app, caseNo, digits)
    expect(locked.statusCode).toBe(429)
    expect(locked.json<Problem>()).toMatchObject({ code: 'QUERY_LOCKED', title: expect.stringContaining('请1小时后再试') })
    const retryAfter = Number(locked.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(3500)
    expect(retryAfter).toBeLessThanOrEqual(3600)

    // An unknown number locks the same way and reads the same: a lock tells nothing about the case.
    for (let i = 0; i < PUBLIC_QUERY_FAILURES_PER_HOUR; i++) expect((await query(app, 'MZ-0001-20000101-0001', digits)).statusCode).toBe(404)
    expect((await query(app, 'MZ-0001-20000101-0001', digits)).json()).toEqual(locked.json())

    // Other cases are not affected.
    const other = await caseOf(app)
    expect((await query(app, other.caseNo, other.digits)).statusCode).toBe(200)
  })

  it('counts only wrong answers: a right one neither counts nor clears them', async () => {
    const app = await bff({})
    const { caseNo, digits } = await caseOf(app)
    for (let i = 1; i < PUBLIC_QUERY_FAILURES_PER_HOUR; i++) await query(app, caseNo, wrong(digits))
    expect((await query(app, caseNo, digits)).statusCode).toBe(200)
    expect((await query(app, caseNo, digits)).statusCode).toBe(200)
    expect((await query(app, caseNo, wrong(digits))).statusCode).toBe(404)
    expect((await query(app, caseNo, digits)).json<Problem>().code).toBe('QUERY_LOCKED')
  })

  it(`takes ${PUBLIC_QUERY_PER_MINUTE} tries a minute from one address, whatever the numbers`, async () => {
    const app = await bff({})
    const from = (i: number) => app.inject({ url: `/api/query?caseNo=MZ-0001-20000102-${String(i).padStart(4, '0')}&phone4=1234`, remoteAddress: '198.51.100.40' })
    for (let i = 0; i < PUBLIC_QUERY_PER_MINUTE; i++) expect((await from(i)).statusCode).toBe(404)
    const limited = await from(PUBLIC_QUERY_PER_MINUTE)
    expect(limited.statusCode).toBe(429)
    // How long, in words and in Retry-After: within the minute.
    const seconds = Number(limited.headers['retry-after'])
    expect(seconds).toBeGreaterThan(0)
    expect(seconds).toBeLessThanOrEqual(60)
    expect(limited.json<Problem>()).toMatchObject({ code: 'RATE_LIMITED', detail: expect.stringMatching(/^请(\d+秒|1分钟)后再试$/) })
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

  it('shares the per-case-number count between instances', async () => {
    const a = await shared()
    const b = await shared()
    const { caseNo, digits } = await caseOf(a)
    for (let i = 0; i < PUBLIC_QUERY_FAILURES_PER_HOUR; i++) expect((await query(i % 2 ? a : b, caseNo, wrong(digits))).statusCode).toBe(404)
    expect((await query(a, caseNo, digits)).json<Problem>().code).toBe('QUERY_LOCKED')
    expect((await query(b, caseNo, digits)).json<Problem>().code).toBe('QUERY_LOCKED')
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
