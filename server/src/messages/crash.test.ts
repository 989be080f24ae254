/**
 * Nothing lost when the BFF dies mid-dispatch: 5,000 messages queued on
 * PostgreSQL, the BFF (`server/src/main.ts`, a process of its own) sending
 * them to a fake SMS provider that runs in this test and so outlives it, a
 * SIGKILL while it sends, and a second BFF on the same database. Every
 * message reaches the provider at least once; a message sent twice is one
 * whose send went out but whose receipt the dead process never wrote, so at
 * most one claimed batch per kill (the count is printed).
 *
 * The product's clock is moved with /dev/clock: to 10:00 in Beijing (so the
 * SMS night hold does not depend on the hour the test runs at), on a day
 * after today (so nothing is due, and nothing sent, before the clock is
 * set); the second BFF's clock past the dead one's lease, as if it had come
 * up after the five minutes a crashed sender's jobs wait.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, postgresAvailable, postgresDb } from '../testing'
import type { Db } from '../store/db'
import { migrate } from '../store/migrations'
import { CASE_BACKFILLS } from '../cases/responsibility'
import { startFakeSmsServer, type FakeSmsServer } from '../connectors/sms/index'
import { BATCH, LEASE_MS } from '../outbox/outbox'
import { shanghaiDayStart } from './channels/sms'
import { queueManyMessages } from './many-queued'

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
const N = 5_000
const KILL_AFTER = 1_000
const HOUR = 3_600_000
/** 10:00 in Beijing, two days after today: daytime whatever the hour now, and in the future. */
const T0 = shanghaiDayStart(Date.now()) + 2 * 24 * HOUR + 10 * HOUR

const pgUrl = await postgresAvailable()
if (!pgUrl) console.warn('crash.test: PostgreSQL is not reachable at 127.0.0.1:5432; the kill -9 test is skipped')

const until = async (what: string, ok: () => Promise<boolean> | boolean, ms: number, child?: { proc: ChildProcess; output: () => string }) => {
  const end = Date.now() + ms
  while (!(await ok())) {
    if (child && child.proc.exitCode !== null) throw new Error(`the BFF exited (${child.proc.exitCode}) before ${what}: ${child.output()}`)
    if (Date.now() > end) throw new Error(`not ${what} after ${ms / 1000} s${child ? `: ${child.output()}` : ''}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe.skipIf(!pgUrl)('a BFF killed while it dispatches 5,000 messages (PostgreSQL)', () => {
  let fake: FakeSmsServer
  let pg: { db: Db; schema: string; drop(): Promise<void> }
  const children: ChildProcess[] = []

  /** The BFF as `npm start` runs it from source, on the test's schema and fake provider, its clock moved to `at`. */
  async function startBff(at: number) {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    let output = ''
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env, NODE_ENV: 'test', NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', WEB_ROOT: '',
        DATABASE_URL: pgUrl!, DATABASE_SCHEMA: pg.schema, SEED: 'false',
        SMS_BASE_URL: fake.url, SMS_ACCESS_KEY_ID: fake.accessKeyId, SMS_ACCESS_KEY_SECRET: fake.accessKeySecret,
        APPROVAL_DISPATCH_MS: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.push(proc)
    proc.stdout!.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000) })
    proc.stderr!.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000) })
    const child = { proc, output: () => output }
    await until('answering /healthz', () => fetch(`${base}/healthz`).then((r) => r.ok, () => false), 60_000, child)
    const res = await fetch(`${base}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at: new Date(at).toISOString() }) })
    expect(res.status, await res.text()).toBe(200)
    return child
  }

  const pending = async () =>
    Number((await pg.db.query<{ n: string }>('select count(*)::text as n from outbox where sent_at is null and dead_at is null'))[0]!.n)

  beforeAll(async () => {
    fake = await startFakeSmsServer()
    pg = await postgresDb(pgUrl!)
    await migrate(pg.db, CASE_BACKFILLS)
  })
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    await fake?.close()
    await pg?.drop()
  })

  it('sends every message at least once after a kill -9 and a restart, duplicates at most one claimed batch', async () => {
    const t = Date.now()
    const phones = await queueManyMessages(pg.db, { n: N, at: new Date(T0) })
    const queuedIn = Date.now() - t

    const first = await startBff(T0)
    await until(`${KILL_AFTER} sent`, () => fake.messages().length >= KILL_AFTER, 60_000, first)
    const died = new Promise((r) => first.proc.once('exit', r))
    first.proc.kill('SIGKILL')
    await died
    const beforeKill = fake.messages().length
    expect(beforeKill, 'the kill came after every message was sent: nothing was left to recover').toBeLessThan(N)

    const t2 = Date.now()
    const second = await startBff(T0 + LEASE_MS + 5 * 60_000)
    await until('the outbox drained', async () => (await pending()) === 0, 120_000, second)
    const drainedIn = Date.now() - t2
    second.proc.kill('SIGTERM')

    const got = new Map<string, number>()
    for (const m of fake.messages()) got.set(m.phone, (got.get(m.phone) ?? 0) + 1)
    const missing = phones.filter((p) => !got.has(p))
    const duplicates = [...got.values()].reduce((s, n) => s + n - 1, 0)
    const [{ dead }] = await pg.db.query<{ dead: string }>('select count(*)::text as dead from outbox where dead_at is not null') as [{ dead: string }]
    console.log(`crash.test: ${N} queued in ${queuedIn} ms; ${beforeKill} sent before the kill -9; the restarted BFF drained the rest in ${drainedIn} ms; `
      + `${fake.messages().length} received, ${got.size} distinct, ${duplicates} duplicate(s) (limit ${BATCH}, one claimed batch)`)
    expect(missing.length, `never sent: ${missing.slice(0, 5).join(', ')}…`).toBe(0)
    expect(got.size).toBe(N)
    expect(Number(dead)).toBe(0)
    expect(duplicates).toBeLessThanOrEqual(BATCH)
    // Every message has one "sent" receipt at least, so a later replay sends nothing.
    const [{ unsent }] = await pg.db.query<{ unsent: string }>(
      `select count(*)::text as unsent from messages m where not exists (select 1 from message_deliveries d where d.message_id = m.id and d.status = 'sent')`,
    ) as [{ unsent: string }]
    expect(Number(unsent)).toBe(0)
  }, 180_000)
})
