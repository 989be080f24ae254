/**
 * Delivering a message (the outbox kind `message.deliver`): the 消息中心
 * always has it (its row exists since the event's commit); besides, it goes
 * out by the first channel that can take it, in the order people are
 * likeliest to see it — a WeChat subscribe message, then Web Push, then SMS
 * (channel.ts says what each answer means). Every attempt is recorded as a
 * delivery row: the receipts staff see on the case.
 *
 * - `unavailable` or a permanent failure: the next channel takes it.
 * - a transient failure: the job is tried again later (the outbox's retry),
 *   from the first channel, at the time the channel asked for if it did.
 * - `deadLetter`: a bug on our side; no other channel, staff see it.
 * - no channel took it: the 消息中心 is where it is (the job is done).
 *
 * A kind the person switched off in 消息设置 goes by no channel. A job run
 * twice (a crash after the send, a resend) sends nothing once a channel took
 * the message.
 */
import type { Db } from '../store/db'
import { messageRepo, type DeliveryStatus, type NewDelivery } from '../store/messages'
import type { OutboxKind, SendResult } from '../outbox/outbox'
import type { Channel, ChannelMessage, ChannelName, ChannelResult, ChannelSend } from './channel'
import { DELIVER_MESSAGE, type DeliverJob } from './effect'

export const CHANNEL_ORDER: readonly ChannelName[] = ['wechat', 'webpush', 'sms']

/**
 * A transient failure with this code means "not now, at `retryAfterMs`"
 * (SMS held for the night): recorded as still queued, not as a failure.
 */
export const HELD = 'held'

export interface ChannelRegistry {
  /** Adds a channel; the order they are tried in is CHANNEL_ORDER's, whatever the order they are added in. */
  registerChannel(channel: Channel): void
  /** The channels added, in the order they are tried. */
  channels(): Channel[]
}

export function channelRegistry(): ChannelRegistry {
  const byName = new Map<ChannelName, Channel>()
  return {
    registerChannel(channel) {
      if (byName.has(channel.name)) throw new Error(`message channel ${channel.name} registered twice`)
      byName.set(channel.name, channel)
    },
    channels: () => CHANNEL_ORDER.flatMap((name) => byName.get(name) ?? []),
  }
}

/** How many tries before a message's job is dead-lettered (a night hold is one). */
export const DELIVER_ATTEMPTS = 12

function deliveryOf(r: ChannelResult): { status: DeliveryStatus; providerCode: string | null; detail: string | null; providerId: string | null } {
  if (r.status === 'sent') return { status: 'sent', providerCode: null, detail: null, providerId: r.providerId ?? null }
  if (r.status === 'unavailable') return { status: 'unavailable', providerCode: null, detail: r.reason, providerId: null }
  return { status: !r.permanent && r.code === HELD ? 'queued' : 'failed', providerCode: r.code, detail: r.detail, providerId: null }
}

/**
 * Runs `fn` after every earlier call with the same key has settled. The outbox sends a batch at once;
 * one person's messages still go one at a time in this process, since the SMS day cap is counted
 * before it is spent.
 */
function inTurn(): <T>(key: string, fn: () => Promise<T>) => Promise<T> {
  const last = new Map<string, Promise<unknown>>()
  return async (key, fn) => {
    const mine = (last.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn)
    last.set(key, mine)
    try {
      return await mine
    } finally {
      if (last.get(key) === mine) last.delete(key)
    }
  }
}

export function messageDeliverJob(deps: { db: Db; channels: ChannelRegistry; now: () => number }): OutboxKind<DeliverJob> {
  const { db, now } = deps
  const perPerson = inTurn()
  const kind: OutboxKind<DeliverJob> = {
    kind: DELIVER_MESSAGE,
    maxAttempts: DELIVER_ATTEMPTS,
    send: async (job) => (await kind.sendMany!([job]))[0]!,
    /**
     * A batch in a few statements whatever its size: the messages with their people read at once, each
     * channel's rows read once for all (Channel.batch), every receipt written in one insert at the end.
     * A crash before that insert sends the batch again — the outbox's promise (at most one claimed
     * batch twice) — and a receipt written says "taken" to any later run.
     */
    async sendMany(jobs) {
      const repo = messageRepo(db)
      const found = new Map((await repo.toDeliver(jobs.map((j) => j.payload.messageId))).map((m) => [m.id, m]))
      const toSend = [...found.values()].filter((m) => m.recipient && !m.was_sent && !m.muted)
      const msgs = new Map(toSend.map((m): [string, ChannelMessage] => [m.id, {
        id: m.id, recipient: { accountId: m.recipient!.id, phone: m.recipient!.phone, openid: m.recipient!.wechat_openid }, content: m.content,
      }]))
      const channels = deps.channels.channels().map((c) => ({ name: c.name, send: c.batch ? c.batch([...msgs.values()], db) : (m: ChannelMessage) => c.send(m, db) }))
      const receipts: (NewDelivery & { messageId: string })[] = []
      const results = await Promise.all(jobs.map((job): Promise<SendResult> => {
        const message = found.get(job.payload.messageId)
        if (!message) return Promise.resolve({ ok: false, retry: false, error: `message ${job.payload.messageId} is gone` })
        if (!message.recipient) return Promise.resolve({ ok: false, retry: false, error: `account ${message.account_id} is gone` })
        if (message.was_sent) return Promise.resolve({ ok: true, externalId: 'sent before' })
        if (message.muted) {
          receipts.push({ messageId: message.id, channel: null, status: 'unavailable', detail: '申请人在消息设置中关闭了这类消息（消息中心仍有）', at: new Date(now()) })
          return Promise.resolve({ ok: true, externalId: 'muted' })
        }
        const msg = msgs.get(message.id)!
        return perPerson(message.account_id, () => deliver(msg, channels, (d) => receipts.push({ messageId: message.id, ...d })))
      }))
      await repo.addDeliveries(receipts)
      return results
    },
  }
  return kind

  async function deliver(msg: ChannelMessage, channels: readonly { name: ChannelName; send: ChannelSend }[], receipt: (d: NewDelivery) => void): Promise<SendResult> {
    for (const channel of channels) {
      const result = await channel.send(msg).catch((e: unknown): ChannelResult => ({
        status: 'failed', permanent: false, code: 'exception', detail: e instanceof Error ? e.message : String(e),
      }))
      receipt({ channel: channel.name, ...deliveryOf(result), at: new Date(now()) })
      if (result.status === 'sent') return { ok: true, externalId: `${channel.name}:${result.providerId ?? ''}` }
      if (result.status === 'unavailable') continue
      const error = `${channel.name} ${result.code}: ${result.detail}`
      if (result.deadLetter) return { ok: false, retry: false, error }
      if (!result.permanent) return { ok: false, retry: true, error, retryAfterMs: result.retryAfterMs, planned: result.code === HELD }
    }
    // No channel could take it: the 消息中心 has it.
    return { ok: true, externalId: 'inbox' }
  }
}
