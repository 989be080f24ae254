/**
 * Server-sent event streams, written on Node's own response: Fastify's reply
 * is hijacked, so nothing after the handler (compression's onSend, the
 * contract's cache header, the response check) buffers or rewrites the
 * stream — @fastify/compress would otherwise hold events back until a
 * gzip block fills. Every stream gets `retry:` and a `ready` event first;
 * a client that comes back with a Last-Event-ID then where things stand now
 * (where the route can say: a citizen's cases); then one `id:`-numbered event
 * per message of its topics, and a comment every heartbeat (proxies and phones drop a connection silent for a minute).
 *
 * Cheap per client, for thousands of them on one instance: a message is
 * serialised once and the same bytes written to every stream; one timer
 * beats for all of them; a client that stops reading is cut off rather than
 * buffered without end (it connects again and checks what it shows).
 *
 * A stream whose topics include its session's (bus.ts sessionTopic) is told
 * `signed-out` when that session ends, on whichever instance, and closed
 * after it: a shared phone signed out at once stops hearing its last
 * person's cases. Besides, a stream is ended after `maxAgeMs`, so every
 * client's session is checked again now and then (changed desks; a
 * sign-out whose word was lost with Redis).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import { LIVE_HEARTBEAT_MS, LIVE_READY, LIVE_RETRY_MS, LIVE_SIGNED_OUT, type LiveEvent, type LiveReady } from '@tongban/core'
import { ProblemError } from '../errors'
import type { LiveBus, LiveMessage } from './bus'

export interface LiveStreamsOptions {
  /** Streams one person may hold at once (tabs, devices); past it 429 — their pages poll instead. */
  perPerson: number
  heartbeatMs?: number
  retryMs?: number
  /** Bytes a slow client may have waiting before it is cut off. */
  maxBuffered?: number
  /**
   * How long a stream is kept before it is ended, so the client connects
   * again and its session is checked again: a staff member's changed desks,
   * or a signed-out session whose `signed-out` never came, hold a stream no
   * longer than this.
   */
  maxAgeMs?: number
}

export interface LiveStreams {
  /**
   * Answers the request with a stream of the messages of `topics`, counted
   * against `person`'s streams. 406 for a client that did not ask for an event
   * stream (a plain fetch would wait for an answer that never ends).
   */
  open(request: FastifyRequest, reply: FastifyReply, person: string, topics: readonly string[], replay?: Replay, limit?: number): FastifyReply
  /** Streams open on this instance. */
  readonly size: number
  /** Ends every stream (the app is closing: clients connect again, to another instance). */
  endAll(): void
}

/**
 * For a client that comes back with a Last-Event-ID: the events that say where
 * things stand now (read from the stored cases), written after `ready`. Word
 * published meanwhile may arrive twice; a client keeps the newest version.
 */
export type Replay = () => Promise<LiveEvent[]>

/** The bytes of one message as an event: written once, sent to every stream that listens. */
const frames = new WeakMap<LiveMessage, Buffer>()
export function frameOf(m: LiveMessage): Buffer {
  let frame = frames.get(m)
  if (!frame) frames.set(m, (frame = Buffer.from(`id: ${m.id}\nevent: ${m.event.type}\ndata: ${JSON.stringify(m.event)}\n\n`)))
  return frame
}

const HEARTBEAT = Buffer.from(': heartbeat\n\n')

export function wantsEventStream(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((t) => t.trim().toLowerCase().startsWith('text/event-stream'))
}

export function liveStreams(bus: LiveBus, opts: LiveStreamsOptions): LiveStreams {
  const maxBuffered = opts.maxBuffered ?? 256 * 1024
  const maxAge = opts.maxAgeMs ?? 15 * 60_000
  /** Each open stream and when it opened. */
  const open = new Map<ServerResponse, number>()
  const perPerson = new Map<string, number>()
  let beat: NodeJS.Timeout | null = null

  function startBeat(): void {
    if (beat) return
    beat = setInterval(() => {
      const now = performance.now()
      for (const [res, since] of open) {
        // Ended (signed out, past its age) but not closed yet: a write after the end would be an error.
        if (res.writableEnded) continue
        if (now - since >= maxAge) res.end()
        else res.write(HEARTBEAT)
      }
    }, opts.heartbeatMs ?? LIVE_HEARTBEAT_MS)
    beat.unref()
  }

  return {
    get size() { return open.size },
    open(request, reply, person, topics, replay, limit) {
      if (!wantsEventStream(request.headers.accept)) throw new ProblemError('NOT_ACCEPTABLE', { detail: '请求头 Accept 须为 text/event-stream' })
      const held = perPerson.get(person) ?? 0
      const max = limit ?? opts.perPerson
      if (held >= max) throw new ProblemError('LIVE_STREAMS_TOO_MANY', { detail: limit === undefined ? `同一账户最多同时保持${max}个实时更新连接` : `这里同时打开的页面太多了（最多${max}个）` })
      perPerson.set(person, held + 1)

      reply.hijack()
      const res = reply.raw
      // Counted down however the stream ends, even should something below throw.
      let unsubscribe = () => {}
      res.on('close', () => {
        unsubscribe()
        open.delete(res)
        const left = (perPerson.get(person) ?? 1) - 1
        if (left > 0) perPerson.set(person, left)
        else perPerson.delete(person)
        if (open.size === 0 && beat) { clearInterval(beat); beat = null }
      })
      const socket = request.raw.socket
      // A stream is quiet for long stretches: no idle timeout, and small writes go out at once.
      socket.setTimeout(0)
      socket.setNoDelay(true)
      socket.setKeepAlive(true, 60_000)
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform: a proxy must not compress or hold it; X-Accel-Buffering: nginx must not buffer it.
        'cache-control': 'no-store, no-transform',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      })
      const ready: LiveReady = { resumed: request.headers['last-event-id'] !== undefined }
      res.write(`retry: ${opts.retryMs ?? LIVE_RETRY_MS}\nevent: ${LIVE_READY}\ndata: ${JSON.stringify(ready)}\n\n`)
      open.set(res, performance.now())
      startBeat()

      unsubscribe = bus.subscribe(topics, (m) => {
        if (res.writableEnded) return
        if (res.writableLength > maxBuffered) { res.destroy(); return }
        res.write(frameOf(m))
        // Its session ended: the word said, nothing more for this stream (and the client knows not to come back).
        if (m.event.type === LIVE_SIGNED_OUT) res.end()
      })
      const lastId = request.headers['last-event-id']
      if (ready.resumed && replay) {
        // Subscribed first, then read: nothing that happens in between is missed.
        replay().then((events) => {
          const id = typeof lastId === 'string' && /^[\w.-]{1,64}$/.test(lastId) ? `id: ${lastId}\n` : ''
          for (const e of events) if (!res.writableEnded && !res.destroyed) res.write(`${id}event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`)
        }, (err: unknown) => request.log.warn({ err }, 'live stream: the replay after a reconnection failed'))
      }
      return reply
    },
    endAll() {
      for (const res of open.keys()) if (!res.writableEnded) res.end()
    },
  }
}
