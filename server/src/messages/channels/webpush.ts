/**
 * The Web Push channel (RFC 8030 / 8291 / 8292): a message goes to every
 * browser the person turned notifications on in, encrypted (aes128gcm) and
 * signed with our VAPID key by `web-push`'s generateRequestDetails, and
 * posted with the BFF's own HTTP client (web-push's sendNotification speaks
 * https only, and gives no say over timeouts). What the push service answers
 * decides the result:
 *
 * - 201 (any 2xx) from one browser or more: sent;
 * - 404 / 410: that subscription is gone (expired, unsubscribed; Chrome has
 *   said 404 where Firefox says 410) — its row is deleted, and when no
 *   browser is left the failure is permanent, so the next channel takes it;
 * - 429 / 5xx / no answer: try again later, after Retry-After when given;
 * - 413: the payload is too big — our bug, dead-lettered;
 * - other 4xx (400 bad headers, 401/403 a JWT the service refuses, e.g. a
 *   subscription made with another key): permanent for this message, the
 *   subscription kept (a configuration fix makes it work again).
 *
 * A subscription whose session was signed out is dropped unsent.
 */
import webpush from 'web-push'
import { URGENT_KINDS, type MessageContent, type MessageKind } from '@tongban/core'
import { once, type Channel, type ChannelMessage, type ChannelResult } from '../channel'
import type { VapidKeys } from '../vapid'
import { exchange } from '../../connectors/http'
import { pushSubscriptionRepo, type PushSubscriptionRow } from '../../store/push-subscriptions'

export interface WebPushDeps {
  vapid: VapidKeys
  /** The product's clock (an HTTP-date Retry-After is counted from it). */
  now: () => number
  fetch?: typeof fetch
  timeoutMs?: number
}

/** What the service worker (packages/web/src/sw/sw.ts) shows. */
export interface PushPayload {
  /** The message: the worker says when it showed it (POST /api/me/messages/:id/shown, the 已送达 receipt). */
  id: string
  title: string
  body: string
  /** The PWA route a tap opens. */
  url: string
  /** One notification per case: a newer one replaces the older on the screen. */
  tag: string
}

/**
 * How long a push service keeps a message for a browser that is offline.
 * A queue call is worthless after minutes; a case's news still helps the
 * next day (and is in the 消息中心 anyway), but not after a week.
 */
const TTL_SECONDS = { urgent: 10 * 60, normal: 3 * 24 * 3600 } as const

/** A notification shows a few lines; the whole text is in the 消息中心. Cut well inside a push message's 4 KB. */
const LIMITS = { title: 60, body: 400 } as const

function cut(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

export function pushPayload(content: MessageContent, id: string): PushPayload {
  return { id, title: cut(content.title, LIMITS.title), body: cut(content.body, LIMITS.body), url: content.link.web, tag: content.caseNo ?? content.kind }
}

function pushOptions(kind: MessageKind, vapid: VapidKeys, timeoutMs: number): webpush.RequestOptions {
  const urgent = URGENT_KINDS.has(kind)
  return {
    vapidDetails: vapid,
    TTL: urgent ? TTL_SECONDS.urgent : TTL_SECONDS.normal,
    // RFC 8030 §5.3: high may wake a sleeping phone; a case update can wait for the next wake-up.
    urgency: urgent ? 'high' : 'normal',
    contentEncoding: 'aes128gcm',
    timeout: timeoutMs,
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3), in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

type Outcome =
  | { kind: 'sent'; providerId: string | null }
  | { kind: 'gone'; status: number }
  | { kind: 'retry'; code: string; detail: string; retryAfterMs?: number }
  | { kind: 'refused'; code: string; detail: string; deadLetter: boolean }

const snippet = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200)

export function createWebPushChannel(deps: WebPushDeps): Channel {
  const doFetch = deps.fetch ?? fetch
  const timeoutMs = deps.timeoutMs ?? 10_000

  async function deliver(sub: PushSubscriptionRow, payload: string, options: webpush.RequestOptions): Promise<Outcome> {
    const details = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, options)
    // fetch sets Content-Length itself from the body.
    const headers = Object.fromEntries(Object.entries(details.headers).filter(([name]) => name.toLowerCase() !== 'content-length').map(([name, v]) => [name, String(v)]))
    const res = await exchange(doFetch, details.endpoint, { method: 'POST', headers, body: details.body ?? undefined }, timeoutMs)
    if (!res.ok) return { kind: 'retry', code: 'webpush_unreachable', detail: res.reason }
    const { status } = res
    if (status >= 200 && status < 300) return { kind: 'sent', providerId: res.headers.get('location') }
    if (status === 404 || status === 410) return { kind: 'gone', status }
    const detail = `push service answered ${status}${res.text ? `: ${snippet(res.text)}` : ''}`
    if (status === 429 || status >= 500) return { kind: 'retry', code: `webpush_${status}`, detail, retryAfterMs: retryAfterMs(res.headers.get('retry-after'), deps.now()) }
    return { kind: 'refused', code: `webpush_${status}`, detail, deadLetter: status === 413 }
  }

  const channel: Channel = {
    name: 'webpush',
    send: (msg, db) => channel.batch!([msg], db)(msg),
    batch(msgs, db) {
      const repo = pushSubscriptionRepo(db)
      const subscriptions = once(() => repo.forAccounts(msgs.map((m) => m.recipient.accountId)))
      // Removed by an earlier message of the batch (gone, signed out): not tried again for the next.
      const removed = new Set<string>()
      const remove = async (id: string) => {
        removed.add(id)
        await repo.removeById(id)
      }
      return async (msg) => {
        const all = ((await subscriptions()).get(msg.recipient.accountId) ?? []).filter((s) => !removed.has(s.id))
        return sendTo(msg, all, { remove, delivered: (id) => repo.delivered(id, new Date(deps.now())) })
      }
    },
  }
  return channel

  async function sendTo(
    msg: ChannelMessage, all: readonly PushSubscriptionRow[],
    rows: { remove(id: string): Promise<void>; delivered(id: string): Promise<void> },
  ): Promise<ChannelResult> {
    // Signed out there: the next person at that browser must not see this one's cases.
    for (const sub of all.filter((s) => s.signed_out)) await rows.remove(sub.id)
    const subs = all.filter((s) => !s.signed_out)
    if (!subs.length) return { status: 'unavailable', reason: '未开启网页通知' }
    const payload = JSON.stringify(pushPayload(msg.content, msg.id))
    const options = pushOptions(msg.content.kind, deps.vapid, timeoutMs)
    // Every browser of the person at once: one slow push service holds up no other.
    const outcomes = await Promise.all(subs.map(async (sub) => {
      const outcome = await deliver(sub, payload, options)
      if (outcome.kind === 'sent') await rows.delivered(sub.id)
      if (outcome.kind === 'gone') await rows.remove(sub.id)
      return outcome
    }))
    const sent = outcomes.find((o) => o.kind === 'sent')
    if (sent) return { status: 'sent', providerId: sent.providerId }
    const dead = outcomes.find((o) => o.kind === 'refused' && o.deadLetter)
    if (dead?.kind === 'refused') return { status: 'failed', permanent: true, deadLetter: true, code: dead.code, detail: dead.detail }
    const retries = outcomes.filter((o) => o.kind === 'retry')
    if (retries.length) {
      const waits = retries.map((o) => o.retryAfterMs).filter((ms): ms is number => ms !== undefined)
      const first = retries[0]!
      return {
        status: 'failed', permanent: false, code: first.code, detail: retries.map((o) => o.detail).join('; '),
        // The soonest a browser said it may be tried again; the dispatcher's back-off when none said.
        ...(waits.length ? { retryAfterMs: Math.min(...waits) } : {}),
      }
    }
    const refused = outcomes.find((o) => o.kind === 'refused')
    if (refused?.kind === 'refused') return { status: 'failed', permanent: true, code: refused.code, detail: refused.detail }
    const gone = outcomes.filter((o) => o.kind === 'gone').map((o) => o.status)
    return { status: 'failed', permanent: true, code: 'webpush_gone', detail: `subscription gone (${gone.join(', ')}); removed` }
  }
}
