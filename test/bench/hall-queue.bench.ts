/**
 * 排队取号 under a crowd (issue 19). Prints only.
 *
 * 1. A burst at the hall door: 1,000 simultaneous takes in one category,
 *    spread over two BFF instances on PostgreSQL + Redis — p50/p99/max of
 *    the answer, and whether the numbers came out consecutive — against a
 *    baseline measured in the same run: 1,000 simultaneous reads of the
 *    same hall's queue through the same instances (GET …/queue). Goal: take
 *    p99 ≤ 200 ms. Needs the local PostgreSQL and Redis (else it says so).
 * 2. One call to 2,000 phones holding the hall's stream (PGlite, one
 *    instance): from the clerk's 叫下一位 to the event on each stream,
 *    p50/p99/max over every client and call. Clients run in a child process
 *    (sse-clients.ts).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { Agent, request as httpRequest } from 'node:http'
import { postgresAvailable, postgresDb, redisAvailable, redisSpace, startTestServer, type TestServer } from '../../server/src/testing'
import { DEMO_STAFF_PASSWORD } from '../../server/seed/staff'
import { line, ms, percentile, sleep, verdict } from './util'

const B = 'hall-queue'
const TAKES = 1_000
const CLIENTS = Number(process.env.HALL_BENCH_CLIENTS ?? 2_000)
const GOAL_P99_MS = 200
const HALL = 'sls-zwfwzx'
const wallNow = () => performance.timeOrigin + performance.now()

/** `n` requests at once, half to each server; the time each took. */
async function burst(servers: Pick<TestServer, 'url'>[], n: number, request: (server: Pick<TestServer, 'url'>, i: number) => Promise<{ status: number; body: unknown }>): Promise<{ times: number[]; answers: { status: number; body: unknown }[] }> {
  const times: number[] = []
  const answers = await Promise.all(Array.from({ length: n }, async (_, i) => {
    const t = performance.now()
    const a = await request(servers[i % servers.length]!, i)
    times.push(performance.now() - t)
    return a
  }))
  return { times: times.sort((a, b) => a - b), answers }
}

const summary = (times: number[]) => `p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}, max ${ms(times.at(-1) ?? NaN)}`

async function takes(): Promise<void> {
  const pgUrl = await postgresAvailable()
  const redisUrl = await redisAvailable()
  if (!pgUrl || !redisUrl) { line(B, 'takes: PostgreSQL or Redis not reachable here — not measured'); return }
  const pg = await postgresDb(pgUrl)
  const space = redisSpace(redisUrl)
  const config = { seed: true, redisUrl, redisPrefix: space.prefix, processRole: 'web' as const, queue: { ignoreHours: true }, rateLimitMax: 100_000_000 }
  // Migrated and seeded once here; each instance in a process of its own, as deployed.
  const seeder = await startTestServer({ db: pg.db, config, checkResponses: false })
  await seeder.close()
  const children = await Promise.all([0, 1].map(() => instance(pgUrl, pg.schema, config)))
  const [a, b] = children.map((c) => ({ url: c.url })) as [Pick<TestServer, 'url'>, Pick<TestServer, 'url'>]
  // Enough sockets for the whole burst at once, as 1,000 phones would open.
  const agent = new Agent({ keepAlive: true, maxSockets: TAKES })
  const call = (url: string, init: { method?: string; body?: string } = {}) => new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') }))
    })
    req.on('error', reject)
    req.end(init.body)
  })
  try {
    // Warm both instances (connections, JIT) with a few of each.
    for (const s of [a, b]) for (let i = 0; i < 20; i++) await call(`${s.url}/api/halls/${HALL}/queue`)
    const reads = await burst([a, b], TAKES, (s) => call(`${s.url}/api/halls/${HALL}/queue`))
    line(B, `baseline: ${TAKES} simultaneous reads of the hall's queue over two instances — ${summary(reads.times)}`)
    const taken = await burst([a, b], TAKES, (s, i) => call(`${s.url}/api/halls/${HALL}/tickets`, { method: 'POST', body: JSON.stringify({ category: 'B', deviceId: `bench-${String(i).padStart(12, '0')}` }) }))
    const ok = taken.answers.filter((r) => r.status === 201)
    const seqs = ok.map((r) => Number((r.body as { number: string }).number.slice(1))).sort((x, y) => x - y)
    const consecutive = seqs.length === TAKES && seqs.every((n, i) => n === i + 1)
    line(B, `takes: ${TAKES} simultaneous over two instances (PostgreSQL + Redis) — ${summary(taken.times)}; ${ok.length} taken, numbers ${consecutive ? '1…1000, consecutive' : 'NOT consecutive'}`)
    line(B, `take p99 / read p99: ${(percentile(taken.times, 99) / percentile(reads.times, 99)).toFixed(2)}`)
    line(B, `take p99 ≤ ${GOAL_P99_MS} ms: ${verdict(percentile(taken.times, 99) <= GOAL_P99_MS)}`)
  } finally {
    agent.destroy()
    for (const c of children) await c.stop()
    await pg.drop()
    await space.drop()
  }
}

/** A BFF in its own process (bff-process.ts) on the given PostgreSQL schema. */
function instance(pgUrl: string, schema: string, config: object): Promise<{ url: string; stop(): Promise<void> }> {
  const child = fork(fileURLToPath(new URL('./bff-process.ts', import.meta.url)), [pgUrl, schema, JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({
      url: (m as { url: string }).url,
      stop: () => new Promise((done) => { child.once('exit', () => done()); child.disconnect() }),
    }))
    child.once('exit', (code) => reject(new Error(`the BFF process exited with ${code} before listening`)))
  })
}

interface Clients { child: ChildProcess; opened: number; failed: number }

function startClients(url: string): Promise<Clients> {
  const child = fork(fileURLToPath(new URL('./sse-clients.ts', import.meta.url)), [url, String(CLIENTS), 'none', 'queue', '"number":"([A-Z]\\d+)"'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, ...(m as { opened: number; failed: number }) }))
    child.once('exit', (code) => reject(new Error(`the clients exited with ${code} before opening`)))
  })
}

async function calls(): Promise<void> {
  const server = await startTestServer({ checkResponses: false, config: { rateLimitMax: 100_000_000, processRole: 'web', queue: { ignoreHours: true } } })
  try {
    const login = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })
    const token = login.json<{ token: string }>().token
    // The numbers are taken before the phones listen: each stream then sees one event per call.
    const plan: { category: string; window: number }[] = [{ category: 'A', window: 1 }, { category: 'A', window: 2 }, { category: 'B', window: 3 }, { category: 'B', window: 4 }, { category: 'C', window: 5 }]
    for (const [i, p] of plan.entries()) {
      await server.app.inject({ method: 'POST', url: `/api/halls/${HALL}/tickets`, payload: { category: p.category, deviceId: `screen-bench-${String(i).padStart(8, '0')}` } })
    }
    let t = performance.now()
    const clients = await startClients(`${server.url}/api/halls/${HALL}/events`)
    line(B, `stream: ${clients.opened} phones hold the hall's stream (${clients.failed} refused), opened in ${ms(performance.now() - t)}`)
    await sleep(1000)
    const sentAt = new Map<string, number>()
    const handling: number[] = []
    for (const p of plan) {
      const at = wallNow()
      t = performance.now()
      const res = await server.app.inject({ method: 'POST', url: `/api/staff/queue/windows/${p.window}/call`, headers: { authorization: `Bearer ${token}` } })
      handling.push(performance.now() - t)
      sentAt.set(res.json<{ number: string }>().number, at)
      await sleep(1500)
    }
    const arrivals = await new Promise<Record<string, number[]>>((resolve) => {
      clients.child.once('message', (m) => resolve((m as { arrivals: Record<string, number[]> }).arrivals))
      clients.child.send('report')
    })
    const delays: number[] = []
    let missing = 0
    for (const [number, at] of sentAt) {
      const got = arrivals[number] ?? []
      missing += clients.opened - got.length
      for (const arrived of got) delays.push(arrived - at)
    }
    delays.sort((a, b) => a - b)
    handling.sort((a, b) => a - b)
    line(B, `stream: ${sentAt.size} calls × ${clients.opened} phones, from 叫下一位 to each stream — ${summary(delays)}; ${missing} not delivered`)
    line(B, `stream: the call's own request (the step, its messages, the word) — median ${ms(percentile(handling, 50))}`)
    clients.child.kill()
  } finally {
    await server.close()
  }
}

export async function run(): Promise<void> {
  await takes()
  await calls()
}
