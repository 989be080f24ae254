/**
 * One event to 10,000 SSE clients on one instance: how long until each
 * client has it (p50/p99/max over every client and event), the server's
 * own time to hand one event to all (the synchronous write loop), and the
 * RSS the held streams cost. Through the BFF as it runs — a supervisor's
 * `GET /api/staff/events` (every case: one topic for all) with auth, rate
 * limits, helmet and compression registered — against a baseline measured
 * in the same run: a bare Fastify that serialises the event again for each
 * client and beats each with its own timer, the naive fan-out.
 * Clients live in a child process (sse-clients.ts). Prints only.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import Fastify from 'fastify'
import type { ServerResponse } from 'node:http'
import { startTestServer } from '../../server/src/testing'
import { DEMO_STAFF_PASSWORD } from '../../server/seed/staff'
import type {} from '../../server/src/plugins/app/live'
import { line, mb, ms, percentile, sleep, verdict } from './util'

const B = 'sse'
const CLIENTS = Number(process.env.SSE_BENCH_CLIENTS ?? 10_000)
const EVENTS = 5
const GOAL_P99_MS = 300

interface Clients { child: ChildProcess; opened: number; failed: number }

function startClients(url: string, token: string): Promise<Clients> {
  const child = fork(fileURLToPath(new URL('./sse-clients.ts', import.meta.url)), [url, String(CLIENTS), token], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, ...(m as { opened: number; failed: number }) }))
    child.once('exit', (code) => reject(new Error(`the clients exited with ${code} before opening`)))
  })
}

function report(c: Clients): Promise<Record<string, number[]>> {
  return new Promise((resolve) => {
    c.child.once('message', (m) => resolve((m as { arrivals: Record<string, number[]> }).arrivals))
    c.child.send('report')
  })
}

const wallNow = () => performance.timeOrigin + performance.now()

/** Opens the clients, sends EVENTS events a while apart with `publish(version)`, and prints what it measured. */
async function measure(label: string, url: string, token: string, publish: (version: number) => void): Promise<{ p99: number }> {
  const rssBefore = process.memoryUsage().rss
  let t = performance.now()
  const clients = await startClients(url, token)
  line(B, `${label}: ${clients.opened} streams open (${clients.failed} refused) in ${ms(performance.now() - t)}`)
  await sleep(1000)
  const rssHeld = process.memoryUsage().rss
  const sentAt = new Map<number, number>()
  const serverTimes: number[] = []
  for (let v = 1; v <= EVENTS; v++) {
    sentAt.set(v, wallNow())
    t = performance.now()
    publish(v)
    serverTimes.push(performance.now() - t)
    await sleep(1500)
  }
  const arrivals = await report(clients)
  const delays: number[] = []
  let missing = 0
  for (let v = 1; v <= EVENTS; v++) {
    const got = arrivals[v] ?? []
    missing += clients.opened - got.length
    for (const at of got) delays.push(at - sentAt.get(v)!)
  }
  delays.sort((a, b) => a - b)
  serverTimes.sort((a, b) => a - b)
  const p99 = percentile(delays, 99)
  line(B, `${label}: delivery over ${EVENTS} events × ${clients.opened} clients — p50 ${ms(percentile(delays, 50))}, p99 ${ms(p99)}, max ${ms(delays.at(-1) ?? NaN)}; ${missing} not delivered`)
  line(B, `${label}: server time to hand one event to all — median ${ms(percentile(serverTimes, 50))} (${((percentile(serverTimes, 50) * 1000) / Math.max(1, clients.opened)).toFixed(1)} µs per client)`)
  line(B, `${label}: RSS ${mb(rssBefore)} before, ${mb(rssHeld)} with the streams held (${((rssHeld - rssBefore) / 1024 / Math.max(1, clients.opened)).toFixed(1)} KB per stream)`)
  clients.child.kill()
  return { p99 }
}

export async function run(): Promise<void> {
  const server = await startTestServer({ checkResponses: false, config: { liveStreamsPerPerson: CLIENTS + 10, rateLimitMax: 100_000_000 } })
  let bff: { p99: number }
  try {
    const login = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'supervisor', password: DEMO_STAFF_PASSWORD } })
    const token = login.json<{ token: string }>().token
    bff = await measure('BFF', `${server.url}/api/staff/events`, token, (version) => {
      server.app.live.publishCase({ caseNo: 'MZ-0001-20261207-0001', version, status: 'accepted', accountId: '00000000-0000-0000-0000-000000000000', agentId: null, desks: ['window', 'department:mzj'] })
    })
    await sleep(500)
  } finally {
    await server.close()
  }
  line(B, `BFF p99 ≤ ${GOAL_P99_MS} ms: ${verdict(bff.p99 <= GOAL_P99_MS)}`)

  // The naive fan-out: a bare Fastify, the event serialised per client, a heartbeat timer per client.
  const bare = Fastify()
  const streams = new Set<ServerResponse>()
  bare.get('/events', async (request, reply) => {
    reply.hijack()
    const res = reply.raw
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
    res.write('retry: 5000\nevent: ready\ndata: {}\n\n')
    const beat = setInterval(() => res.write(': heartbeat\n\n'), 25_000)
    streams.add(res)
    res.on('close', () => { clearInterval(beat); streams.delete(res) })
  })
  await bare.listen({ port: 0, host: '127.0.0.1' })
  const address = bare.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  let seq = 0
  try {
    const naive = await measure('baseline (naive)', `http://127.0.0.1:${port}/events`, 'none', (version) => {
      const event = { type: 'case', caseNo: 'MZ-0001-20261207-0001', version, status: 'accepted' }
      for (const res of streams) res.write(`id: ${++seq}\nevent: case\ndata: ${JSON.stringify(event)}\n\n`)
    })
    line(B, `BFF p99 / baseline p99: ${(bff.p99 / naive.p99).toFixed(2)}`)
  } finally {
    for (const res of streams) res.end()
    await bare.close()
  }
}
