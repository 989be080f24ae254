/**
 * The SSE bench's clients, in a child process of their own (on 2 cores the
 * server gets one, the clients the other): N event-stream connections to
 * one URL, opened in batches; for each `case` event, the wall-clock time it
 * arrived on each connection. Lean on purpose — raw sockets, a chunk
 * searched for the event's version rather than parsed as a stream — so the
 * clients' own work weighs as little as it can on the delivery times.
 *
 * argv: url, count, bearer token, and optionally the event's name (`case`)
 * and a pattern whose group names each event (`"version":(\d+)`). Over IPC:
 * → {opened, failed} once all are up; ← 'report' → {arrivals: {[name]:
 * number[]}} and exit.
 */
import { connect } from 'node:net'
import { performance } from 'node:perf_hooks'

const [url, countArg, token, eventName = 'case', pattern = '"version":(\\d+)'] = process.argv.slice(2)
const count = Number(countArg)
const target = new URL(url!)
const arrivals = new Map<string, number[]>()
const wallNow = () => performance.timeOrigin + performance.now()
const VERSION = new RegExp(pattern, 'g')
const CASE = Buffer.from(`event: ${eventName}`)
// A raw socket and a hand-written request, read without Node's HTTP parser: the clients' share of the time stays small.
const REQUEST = `GET ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nAccept: text/event-stream\r\nAuthorization: Bearer ${token}\r\n\r\n`

function open(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(Number(target.port), target.hostname, () => socket.write(REQUEST))
    let first = true
    socket.on('data', (chunk: Buffer) => {
      if (first) {
        first = false
        const ok = chunk.subarray(0, 12).toString() === 'HTTP/1.1 200'
        if (!ok) socket.destroy()
        resolve(ok)
      }
      if (chunk.indexOf(CASE) < 0) return
      const at = wallNow()
      for (const m of chunk.toString().matchAll(VERSION)) {
        const v = m[1]!
        let list = arrivals.get(v)
        if (!list) arrivals.set(v, (list = []))
        list.push(at)
      }
    })
    socket.on('error', () => { if (first) { first = false; resolve(false) } })
  })
}

let opened = 0
let failed = 0
for (let i = 0; i < count; i += 500) {
  const batch = await Promise.all(Array.from({ length: Math.min(500, count - i) }, open))
  for (const ok of batch) if (ok) opened++; else failed++
}
process.send!({ opened, failed })
process.on('message', (m) => {
  if (m !== 'report') return
  process.send!({ arrivals: Object.fromEntries(arrivals) }, () => process.exit(0))
})
