/**
 * Test support: a BFF on 127.0.0.1 with the demo catalogue, on an in-memory
 * PGlite started from a cached snapshot (a cold PGlite takes seconds; a
 * snapshot about one), or on the local PostgreSQL in a schema of its own.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { shanghaiDate, type CaseDetail, type RealName, type SubmitCaseBody, type UploadedFile } from '@tongban/core'
import { buildApp } from './app'
import type { SmsProvider } from './connectors/sms/provider'
import { loadConfig, type AppConfig } from './config'
import { openDb, type Db } from './store/db'
import { MIGRATIONS, migrate } from './store/migrations'
import { CASE_BACKFILLS } from './cases/responsibility'
import { seedCatalogue, seedDemoStaff } from './seed'
import { departments, halls, seedItems } from '../seed/index'
import { demoStaff } from '../seed/staff'
import { seedQueues } from '../seed/queue'
import { realNameFor, residentIdFor } from './testing-people'

export { realNameFor, residentIdFor }

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const cacheDir = join(root, 'node_modules/.cache/tongban')

function snapshotKey(): string {
  return createHash('sha256').update(JSON.stringify([MIGRATIONS, departments, halls, seedItems, demoStaff, seedQueues(seedItems)])).digest('hex').slice(0, 16)
}

/** A fresh in-memory PGlite, migrated and seeded. */
export async function seededPglite(): Promise<Db> {
  const file = join(cacheDir, `pglite-${snapshotKey()}.tar.gz`)
  const base: AppConfig = { ...loadConfig({}), dataDir: 'memory://' }
  if (existsSync(file)) {
    return openDb({ ...base, pgliteSnapshot: new Blob([readFileSync(file)]) })
  }
  const db = await openDb(base)
  await migrate(db, CASE_BACKFILLS)
  await seedCatalogue(db)
  await seedDemoStaff(db)
  const dump = await db.dump?.()
  if (dump) {
    mkdirSync(cacheDir, { recursive: true })
    const tmp = `${file}.${randomBytes(4).toString('hex')}`
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
    renameSync(tmp, file)
  }
  return db
}

/** A port on 127.0.0.1 nobody listens on now: for a process the test starts (its own server needs none: port 0). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer().once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => done(port))
    })
  })
}

/** Is the local PostgreSQL reachable? Under REQUIRE_SERVICES=1 its absence is a failure, not a skip. */
export async function postgresAvailable(url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'): Promise<string | null> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return url
  } catch (e) {
    if (process.env.REQUIRE_SERVICES === '1') throw new Error(`PostgreSQL required (REQUIRE_SERVICES=1) but not reachable at ${url}: ${String(e)}`)
    console.warn(`PostgreSQL not reachable at ${url}; its tests are skipped`)
    return null
  }
}

export interface DatabaseVariant {
  label: 'PGlite' | 'PostgreSQL'
  open(): Promise<{ db: Db; close(): Promise<void> }>
}

/** The databases a test runs on: the embedded PGlite, and the local PostgreSQL when it is there (required under REQUIRE_SERVICES). */
export async function databaseVariants(): Promise<DatabaseVariant[]> {
  const pgUrl = await postgresAvailable()
  return [
    { label: 'PGlite', open: async () => { const db = await seededPglite(); return { db, close: () => db.close() } } },
    ...(pgUrl ? [{ label: 'PostgreSQL' as const, open: async () => { const pg = await postgresDb(pgUrl); return { db: pg.db, close: () => pg.drop() } } }] : []),
  ]
}

/** A PostgreSQL database in a fresh schema; drop() removes it. */
export async function postgresDb(url: string): Promise<{ db: Db; schema: string; drop(): Promise<void> }> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const db = await openDb({ ...loadConfig({}), databaseUrl: url, databaseSchema: schema })
  return {
    db,
    schema,
    async drop() {
      await db.query(`drop schema if exists ${schema} cascade`)
      await db.close()
    },
  }
}

/** Is the local Redis reachable? Under REQUIRE_SERVICES=1 its absence is a failure, not a skip. */
export async function redisAvailable(url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'): Promise<string | null> {
  const { Redis } = await import('ioredis')
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  // The socket's own error (ECONNREFUSED…) says more than connect()'s "Connection is closed".
  let cause: unknown = null
  client.on('error', (e) => { cause ??= e })
  try {
    await client.connect()
    await client.ping()
    return url
  } catch (e) {
    if (process.env.REQUIRE_SERVICES === '1') throw new Error(`Redis required (REQUIRE_SERVICES=1) but not reachable at ${url}: ${String(cause ?? e)}`)
    console.warn(`Redis not reachable at ${url}; its tests are skipped`)
    return null
  } finally {
    client.disconnect()
  }
}

/** A key prefix of its own on the local Redis; drop() removes every key under it. */
export function redisSpace(url: string): { prefix: string; drop(): Promise<void> } {
  const prefix = `t-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}:`
  return {
    prefix,
    async drop() {
      const { Redis } = await import('ioredis')
      const client = new Redis(url)
      try {
        for await (const keys of client.scanStream({ match: `${prefix}*`, count: 100 }) as AsyncIterable<string[]>) {
          if (keys.length) await client.del(...keys)
        }
      } finally {
        client.disconnect()
      }
    },
  }
}

/**
 * Today (YYYY-MM-DD, Asia/Shanghai) for a test that needs the real day — the
 * one helper every such test takes it from. A server started with a `now`
 * of its own is asked with that: `today(now())`.
 */
export function today(now = Date.now()): string {
  return shanghaiDate(now)
}

export interface TestServer {
  app: FastifyInstance
  url: string
  close(): Promise<void>
}

export async function startTestServer(opts: {
  db?: Db; config?: Partial<AppConfig>; sms?: SmsProvider; now?: () => number
  /** Check every answer against its contract's response schema (default; a benchmark measures the server without). */
  checkResponses?: boolean
} = {}): Promise<TestServer> {
  const db = opts.db ?? (await seededPglite())
  const base = loadConfig({})
  // Tests sweep for warnings by hand (with their own clock), and sign staff in hundreds of times from one address.
  const config: AppConfig = { ...base, clock: { ...base.clock, warningSweepMs: 0 }, dataDir: 'memory://', webRoot: undefined, logLevel: 'silent', rateLimitMax: 100_000, staffLogin: { ...base.staffLogin, ratePerMinute: 100_000 }, ...opts.config }
  // Every answer of a contract route is checked against its response schema (routes/check-responses.ts).
  const app = await buildApp(config, { db, logger: false, sms: opts.sms, now: opts.now, ...(opts.checkResponses === false ? {} : { responseIssues: [] }) })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close()
      if (!opts.db) await db.close()
    },
  }
}

/** The code the fake SMS provider delivered last to `phone` (read from /dev/inbox.json). */
export async function smsCodeFor(app: FastifyInstance, phone: string): Promise<string> {
  const inbox = (await app.inject('/dev/inbox.json')).json<{ phone: string; text: string }[]>()
  // The newest code: a progress message (issue 18) may have come since.
  const text = inbox.find((m) => m.phone === phone && /验证码为\d{6}/.test(m.text))?.text
  const code = text && /验证码为(\d{6})/.exec(text)?.[1]
  if (!code) throw new Error(`no SMS code for ${phone} in the dev inbox`)
  return code
}

/** Gives the signed-in citizen a real name (实名信息, as 我的 does); throws unless it was taken. */
export async function giveRealName(app: FastifyInstance, token: string, realName: RealName): Promise<RealName> {
  const res = await app.inject({ method: 'PUT', url: '/api/me/profile', payload: realName, headers: { authorization: `Bearer ${token}` } })
  if (res.statusCode !== 200) throw new Error(`profile answered ${res.statusCode}: ${res.body}`)
  return realName
}

/**
 * Signs a citizen in by phone + SMS code and, as applying needs one, gives
 * them a real name (`realNameFor(phone)` unless another is passed; `false`:
 * none, a new phone as it first signs in). Returns the session (token for a
 * bearer header) and that real name.
 */
export async function signInCitizen(
  app: FastifyInstance, phone: string, ip = '10.250.0.1', opts: { realName?: RealName | false } = {},
): Promise<{ token: string; account: { id: string; phone: string | null }; realName: RealName | null }> {
  const sent = await app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress: ip })
  if (sent.statusCode !== 202) throw new Error(`sms send answered ${sent.statusCode}: ${sent.body}`)
  const res = await app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone, code: await smsCodeFor(app, phone) } })
  if (res.statusCode !== 200) throw new Error(`verify answered ${res.statusCode}: ${res.body}`)
  const session = res.json<{ token: string; account: { id: string; phone: string | null } }>()
  const realName = opts.realName === false ? null : await giveRealName(app, session.token, opts.realName ?? realNameFor(phone))
  return { ...session, realName }
}

/**
 * 最低生活保障 (MZ-0001) needs no files: a whole application in one request body, by the citizen who signed in
 * with `phone` (the applicant fields hold `realNameFor(phone, who.name)` unless `who.idNumber` says otherwise).
 */
export function minimumLivingApplication(phone: string, who: { name?: string; idNumber?: string; address?: string; reason?: string; monthlyIncome?: number; savings?: number } = {}): SubmitCaseBody {
  const name = who.name ?? '王芳'
  const idNumber = who.idNumber ?? residentIdFor(phone)
  return {
    itemCode: 'MZ-0001', formVersion: 1, answers: {}, delivery: 'pickup', personalDataConsent: true,
    values: {
      applicantName: name, idNumber, phone, region: { province: '330000', city: '330100', district: '330106' },
      address: who.address ?? '杏花村3组12号', members: [{ name, relation: 'self', idNumber, monthlyIncome: who.monthlyIncome ?? 800 }],
      savings: who.savings ?? 2000, reason: who.reason ?? '丈夫去世后独自抚养两个孩子，收入不足以维持基本生活。', checkAuth: true, pledge: true,
    },
  }
}

/** 食品经营许可 (SJ-0001, 市场监管局) with its business licence uploaded as `fileId`, the 负责人 being `applicant` (who signed in). */
export function foodLicenceApplication(fileId: string, applicant: RealName): SubmitCaseBody {
  return {
    itemCode: 'SJ-0001', formVersion: 1, answers: { category: 'prepack' }, delivery: 'electronic', personalDataConsent: true,
    values: {
      operatorName: '示例市杏花村小吃店', creditCode: '91350100M000100Y43', legalPerson: applicant.name, legalPersonId: applicant.idNumber,
      phone: '13600000000', premisesRegion: { province: '330000', city: '330100', district: '330106' }, premisesAddress: '文三路100号1楼',
      premisesArea: 60, mainBusiness: 'sales', businessItems: ['prepacked'],
      businessLicenceFile: { kind: 'upload', fileId }, pledge: true,
    },
  }
}

/** Uploads a file as the signed-in citizen; throws unless it was taken. */
export async function uploadAs(app: FastifyInstance, token: string, name: string, data: Buffer, type: string): Promise<UploadedFile> {
  // Loaded here, not at the top: the fixtures read files beside them, which the mini-program's test environment cannot.
  const { multipartBody } = await import('./uploads/fixtures/files')
  const { body, contentType } = multipartBody([{ name: 'file', filename: name, type, data }])
  const res = await app.inject({ method: 'POST', url: '/api/uploads', payload: body, headers: { 'content-type': contentType, authorization: `Bearer ${token}` } })
  if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${res.body}`)
  return res.json<UploadedFile>()
}

/**
 * `n` copies of a submitted case, numbered `<item>-20250101-NNNN`, submitted
 * 1 to 60 days before it and at the window since (each due two days after
 * its submission, so before any case submitted now): many open cases in one
 * statement, for the queue tests and benchmark.
 */
export async function cloneOpenCases(db: Db, templateId: string, n: number): Promise<void> {
  const like = `%-20250101-%`
  await db.query(
    `insert into cases (case_no, item_code, account_id, form_version, form, form_values, answers, materials, delivery, status, submitted_at, due, desks_ready)
     select item_code || '-20250101-' || lpad(g::text, 4, '0'), item_code, account_id, form_version, form, form_values, answers, materials, delivery, status,
            submitted_at - (g % 60 + 1) * interval '1 day', (submitted_at - (g % 60 + 1) * interval '1 day')::date + 2, true
     from cases, generate_series(1, $2::int) g where id = $1`,
    [templateId, n],
  )
  await db.query(
    `insert into case_events (case_id, type, actor, data, at)
     select c.id, e.type, e.actor, e.data, c.submitted_at from cases c, case_events e where c.case_no like $2 and e.case_id = $1`,
    [templateId, like],
  )
  await db.query(`insert into case_desks (case_id, desk, due, submitted_at, case_no) select id, 'window', due, submitted_at, case_no from cases where case_no like $1`, [like])
}

/** Submits as the signed-in citizen; throws unless a case was created. */
export async function submitApplication(app: FastifyInstance, token: string, body: SubmitCaseBody, key: string): Promise<CaseDetail> {
  const res = await app.inject({ method: 'POST', url: '/api/cases', payload: body, headers: { authorization: `Bearer ${token}`, 'idempotency-key': key.padEnd(20, '0') } })
  if (res.statusCode !== 201) throw new Error(`submit answered ${res.statusCode}: ${res.body}`)
  return res.json<CaseDetail>()
}
