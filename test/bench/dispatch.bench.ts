/**
 * Message dispatch throughput (issue 18): N progress messages queued (one
 * per person, the rows a case event's commit writes), then the BFF's outbox
 * sends them — through every channel in order (WeChat and Web Push find
 * nothing for these people, SMS takes each) — to the local fake SMS provider;
 * messages/s from the first claim to the last receipt, and how many the fake
 * did not get (goal 0 lost). Baseline, same run: the SMS client alone sending
 * the same N to the same fake, as many at once as the outbox claims in one
 * batch — the fake and the HTTP client's ceiling, with no database. The
 * fake runs in a child process (a provider is not on the BFF's event loop). On
 * PostgreSQL (a schema of its own, dropped after) when it answers, and on the
 * embedded PGlite.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { createAliyunSms } from '../../server/src/connectors/sms/index'
import { loadConfig } from '../../server/src/config'
import { BATCH } from '../../server/src/outbox/outbox'
import { queueManyMessages } from '../../server/src/messages/many-queued'
import { shanghaiDayStart } from '../../server/src/messages/channels/sms'
import { migrate } from '../../server/src/store/migrations'
import { CASE_BACKFILLS } from '../../server/src/cases/responsibility'
import type { Db } from '../../server/src/store/db'
import { postgresAvailable, postgresDb, seededPglite, startTestServer } from '../../server/src/testing'
import type {} from '../../server/src/plugins/app/cases' // app.outbox
import { line, verdict } from './util'

const B = 'dispatch'
const N = Number(process.env.DISPATCH_BENCH_MESSAGES ?? 5_000)
const GOAL_PER_S = 1_000
/** `postgres` or `pglite` to time one database only (profiling); both by default. */
const ONLY = process.env.DISPATCH_BENCH_DB
/** 10:00 in Beijing on a fixed day: the SMS night hold never holds them. */
const AT = shanghaiDayStart(Date.parse('2026-12-07T04:00:00Z')) + 10 * 3_600_000

const rate = (n: number, msec: number) => Math.round(n / (msec / 1000))

/** The fake SMS provider in its own process (fake-sms-process.ts). */
interface FakeSms { url: string; accessKeyId: string; accessKeySecret: string; phones(): Promise<string[]>; close(): void }

function startFake(): Promise<FakeSms> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./fake-sms-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake SMS provider exited with ${code}`)))
    child.once('message', (m) => {
      const { url, accessKeyId, accessKeySecret } = m as { url: string; accessKeyId: string; accessKeySecret: string }
      resolve({
        url, accessKeyId, accessKeySecret,
        phones: () => new Promise((done) => {
          child.once('message', (r) => done((r as { phones: string[] }).phones))
          child.send('phones')
        }),
        close: () => { child.removeAllListeners('exit'); child.disconnect() },
      })
    })
  })
}

async function baseline(fake: FakeSms): Promise<number> {
  const base = loadConfig({}).sms
  const sms = createAliyunSms({ ...base, baseUrl: fake.url, accessKeyId: fake.accessKeyId, accessKeySecret: fake.accessKeySecret })
  const before = (await fake.phones()).length
  let next = 0
  const t = performance.now()
  await Promise.all(Array.from({ length: BATCH }, async () => {
    for (let i = next++; i < N; i = next++) {
      const res = await sms.send({ phone: `137${String(i).padStart(8, '0')}`, template: 'accepted', params: { no: `MZ-${i}`, item: '最低生活保障', next: '等待办理结果' } })
      if (!res.ok) throw new Error(`baseline send failed: ${res.message}`)
    }
  }))
  const elapsed = performance.now() - t
  line(B, `baseline, the SMS client alone, ${BATCH} at once: ${N} in ${(elapsed / 1000).toFixed(2)} s = ${rate((await fake.phones()).length - before, elapsed)} messages/s`)
  return rate(N, elapsed)
}

async function throughOutbox(label: string, db: Db, fake: FakeSms, raw: number): Promise<void> {
  const base = loadConfig({})
  const server = await startTestServer({
    db, now: () => AT, checkResponses: false,
    config: {
      seed: false,
      // No dispatcher of its own: the bench runs the one pass it times.
      approval: { ...base.approval, dispatchMs: 0 },
      sms: { ...base.sms, baseUrl: fake.url, accessKeyId: fake.accessKeyId, accessKeySecret: fake.accessKeySecret },
    },
  })
  try {
    const prefix = label === 'PGlite' ? '138' : '139'
    let t = performance.now()
    const phones = await queueManyMessages(db, { n: N, at: new Date(AT), phonePrefix: prefix })
    const queuedMs = performance.now() - t
    const before = (await fake.phones()).length
    t = performance.now()
    const outcome = await server.app.outbox.dispatch()
    const elapsed = performance.now() - t
    const got = new Set((await fake.phones()).slice(before))
    const lost = phones.filter((p) => !got.has(p)).length
    const perS = rate(N, elapsed)
    line(B, `${label}: ${N} queued in ${(queuedMs / 1000).toFixed(1)} s; dispatched in ${(elapsed / 1000).toFixed(2)} s = ${perS} messages/s `
      + `(goal ≥ ${GOAL_PER_S}: ${verdict(perS >= GOAL_PER_S)}), ${lost} lost (${verdict(lost === 0)}), outcome ${JSON.stringify(outcome)}; `
      + `${Math.round((perS / raw) * 100)} % of the baseline`)
  } finally {
    await server.close()
  }
}

export async function run(): Promise<void> {
  const fake = await startFake()
  try {
    const raw = await baseline(fake)
    const pgUrl = ONLY === 'pglite' ? null : await postgresAvailable()
    if (pgUrl) {
      const pg = await postgresDb(pgUrl)
      try {
        await migrate(pg.db, CASE_BACKFILLS)
        await throughOutbox('PostgreSQL', pg.db, fake, raw)
      } finally {
        await pg.drop()
      }
    } else {
      line(B, 'PostgreSQL not reachable at 127.0.0.1:5432: its figure is skipped')
    }
    if (ONLY === 'postgres') return
    const pglite = await seededPglite()
    try {
      await throughOutbox('PGlite', pglite, fake, raw)
    } finally {
      await pglite.close()
    }
  } finally {
    fake.close()
  }
}
