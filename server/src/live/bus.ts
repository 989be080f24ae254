/**
 * The live bus: word that something a person has open changed, from the
 * place it changed (the commit of case events, the 消息中心) to the event
 * streams of the people concerned (live/sse.ts). Topics name who listens:
 * `account:<id>` a citizen, `staff:<id>` a staff member (an agent's own
 * cases), `desk:<desk>` a workbench desk (`window`, `department:<code>`),
 * `desk:*` every case (supervision), and `session:<token hash>` the streams
 * opened with one session, told `signed-out` when it ends.
 *
 * In-process by default. With REDIS_URL every instance publishes to one
 * Redis channel and delivers what the others published to its own streams,
 * so a step taken on instance A reaches a page whose stream is held by B.
 * Word is best effort — a page that missed it still polls when its stream
 * is down, and checks again on reconnecting — so publishing never fails a
 * request: a Redis outage is logged once and local streams are still told.
 * A session's end missed that way leaves its streams on the other instances
 * open until their age ends them and the session is checked again (sse.ts).
 */
import { randomBytes } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import { LIVE_SIGNED_OUT, type CaseStatus, type LiveEvent, type LiveSignedOut } from '@tongban/core'

/** Every case's topic besides its own desks: supervisors watch them all. */
export const ALL_DESKS = 'desk:*'

export const accountTopic = (accountId: string) => `account:${accountId}`
export const staffTopic = (staffId: string) => `staff:${staffId}`
export const deskTopic = (desk: string) => `desk:${desk}`
/** By the session's keyed hash (what the sessions table is keyed by), never its token: the hash signs no one in. */
export const sessionTopic = (tokenHash: string) => `session:${tokenHash}`
/** A service hall's queue: its screen and every ticket page open in it. */
export const hallTopic = (hallId: string) => `hall:${hallId}`

/** One piece of word: its id (the stream's `id:` field, unique across instances), who it is for and what it says. */
export interface LiveMessage {
  id: string
  topics: readonly string[]
  /** A change, or `signed-out`: the last word a stream of an ended session gets (live/sse.ts closes it). */
  event: LiveEvent | LiveSignedOut
}

export type LiveListener = (message: LiveMessage) => void

/** A case whose events just committed, and everyone who shows it. */
export interface CaseChange {
  caseNo: string
  version: number
  status: CaseStatus
  /** The applicant (the resident who consented, for an agent's case). */
  accountId: string
  /** The staff member who filed it as agent (代办), if one did. */
  agentId: string | null
  /** The desks it was on before and is on now: both lists change. */
  desks: readonly string[]
}

export interface LiveBus {
  /** Tells the applicant, the agent and the desks concerned (and supervision) that the case moved on. */
  publishCase(change: CaseChange): void
  /** Tells a hall's screen and ticket pages that one of its tickets moved. */
  publishToHall(hallId: string, event: LiveEvent): void
  /** Tells one citizen (the 消息中心: a new message). */
  publishToAccount(accountId: string, event: LiveEvent): void
  /** Tells the streams opened with these sessions, on every instance, that the sessions ended (auth/sessions.ts, on revoking them). */
  publishSessionsEnded(tokenHashes: readonly string[]): void
  /** Listens to these topics; a message naming several of them arrives once. Returns what stops it. */
  subscribe(topics: readonly string[], listener: LiveListener): () => void
  close(): Promise<void>
}

/** How word travels between instances (Redis pub/sub); absent on a single instance. */
export interface LiveRelay {
  publish(payload: string): Promise<void>
  /** Called with each payload any instance published, this one's included. */
  onMessage(handler: (payload: string) => void): void
  close(): Promise<void>
}

interface Wire {
  from: string
  message: LiveMessage
}

export function createLiveBus(opts: { relay?: LiveRelay | null; log?: FastifyBaseLogger } = {}): LiveBus {
  const relay = opts.relay ?? null
  // Ids are this instance's tag and a counter: unique across instances, and a message that comes back from Redis is known as ours.
  const instance = randomBytes(4).toString('hex')
  let seq = 0
  const byTopic = new Map<string, Set<LiveListener>>()
  let relayDown = false

  function deliver(message: LiveMessage): void {
    const listeners = new Set<LiveListener>()
    for (const topic of message.topics) for (const l of byTopic.get(topic) ?? []) listeners.add(l)
    for (const l of listeners) {
      try { l(message) } catch (err) { opts.log?.error({ err }, 'a live listener failed') }
    }
  }

  function publish(topics: string[], event: LiveMessage['event']): void {
    const message: LiveMessage = { id: `${instance}-${(++seq).toString(36)}`, topics, event }
    deliver(message)
    if (!relay) return
    relay.publish(JSON.stringify({ from: instance, message } satisfies Wire)).then(() => {
      if (relayDown) opts.log?.info('Redis reachable again: live updates reach the other instances')
      relayDown = false
    }, (err: unknown) => {
      if (!relayDown) opts.log?.warn({ err }, 'Redis unreachable: live updates reach only the streams of this instance')
      relayDown = true
    })
  }

  relay?.onMessage((payload) => {
    let wire: Wire
    try { wire = JSON.parse(payload) as Wire } catch { return }
    if (wire.from === instance || !wire.message || !Array.isArray(wire.message.topics)) return
    deliver(wire.message)
  })

  return {
    publishCase(change) {
      const topics = [accountTopic(change.accountId), ALL_DESKS, ...new Set(change.desks.map(deskTopic))]
      if (change.agentId) topics.push(staffTopic(change.agentId))
      publish(topics, { type: 'case', caseNo: change.caseNo, version: change.version, status: change.status })
    },
    publishToHall(hallId, event) {
      publish([hallTopic(hallId)], event)
    },
    publishToAccount(accountId, event) {
      publish([accountTopic(accountId)], event)
    },
    publishSessionsEnded(tokenHashes) {
      // One message for them all (退出其他设备 may end many): a stream listens to its own session only.
      if (tokenHashes.length) publish([...new Set(tokenHashes)].map(sessionTopic), { type: LIVE_SIGNED_OUT })
    },
    subscribe(topics, listener) {
      for (const t of topics) {
        let set = byTopic.get(t)
        if (!set) byTopic.set(t, (set = new Set()))
        set.add(listener)
      }
      return () => {
        for (const t of topics) {
          const set = byTopic.get(t)
          set?.delete(listener)
          if (set?.size === 0) byTopic.delete(t)
        }
      }
    },
    async close() {
      byTopic.clear()
      await relay?.close()
    },
  }
}

/**
 * Redis pub/sub on one channel (`<REDIS_PREFIX>live`): a subscriber
 * connection (ioredis subscribes again by itself after a reconnect) and a
 * publisher that fails at once while Redis is away rather than queueing word
 * that would arrive late.
 */
export async function redisRelay(url: string, prefix: string, log: FastifyBaseLogger): Promise<LiveRelay> {
  // Loaded only with REDIS_URL: a single instance never needs the client.
  const { Redis } = await import('ioredis')
  const channel = `${prefix}live`
  const pub = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 })
  const sub = new Redis(url, { connectTimeout: 2000 })
  // Errors are reported by the bus when a publish fails; ioredis's own would repeat every retry.
  pub.on('error', () => {})
  sub.on('error', (err: Error) => log.debug({ err }, 'live subscriber: Redis error'))
  const handlers: ((payload: string) => void)[] = []
  sub.on('message', (ch: string, payload: string) => { if (ch === channel) for (const h of handlers) h(payload) })
  // Subscribed before the app serves, so nothing published once it listens is missed; a Redis that is away does not hold the start.
  await Promise.race([sub.subscribe(channel).catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000).unref())])
  return {
    async publish(payload) { await pub.publish(channel, payload) },
    onMessage(handler) { handlers.push(handler) },
    async close() {
      pub.disconnect()
      sub.disconnect()
    },
  }
}
