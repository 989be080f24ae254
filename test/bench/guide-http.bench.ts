/**
 * One guide, GET /api/items/<code>, through the real BFF (every plugin:
 * helmet, compress, rate-limit at 10,000,000/min, schema validation, the
 * catalogue service's cache) against a bare `fastify()` with one route that
 * sends the very same JSON string. Both servers run in this process on
 * 127.0.0.1 and are loaded one at a time by autocannon's CLI in a child
 * process (`--json`), so the load generator does not share the server's
 * event loop or core (on 2 cores: one for the server, one for autocannon).
 * Each server gets a 2 s warm-up run (discarded), then the two are measured
 * in alternating 5 s rounds (BFF, bare, BFF, bare: 10 s each), 50
 * connections, no pipelining, no Accept-Encoding (so no gzip either side).
 * autocannon reports latency in whole milliseconds; p50/p99 are the worse
 * round's. Also prints this process's CPU time per request while each
 * server is loaded: a cross-check of the ratio that a busy machine skews
 * less than req/s.
 */
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import Fastify from 'fastify'
import { startTestServer } from '../../server/src/testing'
import { line, verdict } from './util'

const B = 'guide-http'
const CONNECTIONS = 50
const WARMUP_S = 2
/** Two alternating rounds of 5 s per server (BFF, bare, BFF, bare): ~10 s each, and a load change on a shared machine hits both. */
const ROUNDS = 2
const ROUND_S = 5
const GOAL_RATIO = 0.7
const GOAL_P99_MS = 20

const run$ = promisify(execFile)
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js')

/** cpuUs: this process's CPU time during the run — the loaded server's, since autocannon runs elsewhere. */
interface Result { requests: number; seconds: number; p50: number; p99: number; bad: number; cpuUs: number }

async function cannon(url: string, seconds: number): Promise<Result> {
  const cpu0 = process.cpuUsage()
  const { stdout } = await run$(process.execPath, [autocannonCli, '-c', String(CONNECTIONS), '-d', String(seconds), '-n', '-j', url], { maxBuffer: 16 * 1024 * 1024 })
  const cpu = process.cpuUsage(cpu0)
  const r = JSON.parse(stdout)
  return { requests: r.requests.total, seconds, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts, cpuUs: cpu.user + cpu.system }
}

/** Sums rounds: req/s over all of them; p50 and p99 the worst round's (percentiles cannot be merged). */
function merge(rounds: Result[]): Result {
  return rounds.reduce((a, r) => ({
    requests: a.requests + r.requests, seconds: a.seconds + r.seconds,
    p50: Math.max(a.p50, r.p50), p99: Math.max(a.p99, r.p99), bad: a.bad + r.bad, cpuUs: a.cpuUs + r.cpuUs,
  }))
}

function print(name: string, r: Result): void {
  const bad = r.bad ? `  (!! ${r.bad} non-2xx/errors/timeouts)` : ''
  line(B, `${name.padEnd(12)} ${(r.requests / r.seconds).toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ${(r.cpuUs / r.requests).toFixed(0).padStart(4)} µs server CPU/request  (${r.requests} requests in ${r.seconds} s)${bad}`)
}

export async function run(): Promise<void> {
  const bff = await startTestServer({ config: { rateLimitMax: 10_000_000 }, checkResponses: false })
  const bare = Fastify()
  try {
    const list = (await (await fetch(`${bff.url}/api/items?pageSize=1`)).json()) as { items: { code: string }[] }
    const code = list.items[0]!.code
    const json = await (await fetch(`${bff.url}/api/items/${code}`)).text()
    bare.get('/api/items/:code', (_req, reply) => { reply.type('application/json; charset=utf-8').send(json) })
    await bare.listen({ port: 0, host: '127.0.0.1' })
    const urls = { BFF: `${bff.url}/api/items/${code}`, 'bare fastify': `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/api/items/${code}` }
    line(B, `guide ${code}: ${json.length} chars of JSON; autocannon CLI in a child process, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up, then ${ROUNDS} alternating rounds of ${ROUND_S} s per server`)

    for (const url of Object.values(urls)) await cannon(url, WARMUP_S)
    const rounds: Record<keyof typeof urls, Result[]> = { BFF: [], 'bare fastify': [] }
    for (let i = 0; i < ROUNDS; i++) for (const name of Object.keys(urls) as (keyof typeof urls)[]) rounds[name].push(await cannon(urls[name], ROUND_S))

    const b = merge(rounds.BFF)
    const f = merge(rounds['bare fastify'])
    print('BFF', b)
    print('bare fastify', f)
    const ratio = (b.requests / b.seconds) / (f.requests / f.seconds)
    line(B, `BFF/bare throughput ${(ratio * 100).toFixed(0)} % (goal ≥ ${GOAL_RATIO * 100} %: ${verdict(ratio >= GOAL_RATIO)}); BFF p99 ${b.p99} ms (goal ≤ ${GOAL_P99_MS} ms: ${verdict(b.p99 <= GOAL_P99_MS)})`)
    // CPU per request moves less than req/s when other processes compete for the cores, and it is not
    // capped by autocannon's own core (which can flatter req/s ratios when the bare server outruns it).
    const cpuRatio = (f.cpuUs / f.requests) / (b.cpuUs / b.requests)
    line(B, `  cross-check, less load-sensitive: bare/BFF server CPU per request ${(cpuRatio * 100).toFixed(0)} %`)
  } finally {
    await bare.close()
    await bff.close()
  }
}
