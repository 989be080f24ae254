/**
 * The seam between the message dispatcher and each outside channel
 * (WeChat subscribe messages, Web Push, SMS). The dispatcher picks the
 * channels in order for a person and a message; each channel says whether
 * it could take the message, and how it failed when it did not:
 *
 * - `sent`: the provider accepted it (its id is kept as the receipt);
 * - `unavailable`: this channel cannot reach this person for this message
 *   now (no subscription, no WeChat acceptance left, no phone, SMS cap or
 *   night hold) — nothing was sent, the next channel takes it;
 * - `failed` + `permanent`: it can never go this way (43101 refused, 410
 *   subscription gone, 40003 bad openid) — the channel cleans up what it
 *   must (delete the subscription) and the next channel takes it;
 * - `failed`, not permanent: try this channel again later
 *   (`retryAfterMs` when the provider said how long, e.g. 45009).
 * - `failed` + `deadLetter`: a bug on our side (47003 a value shaped
 *   wrongly): no other channel is tried, staff see it with `detail`.
 */
import type { MessageContent } from '@tongban/core'
import type { Queryable } from '../store/db'

export type ChannelName = 'wechat' | 'webpush' | 'sms'

export interface Recipient {
  accountId: string
  phone: string | null
  /** The mini-program openid, when the person signed in through it. */
  openid: string | null
}

export interface ChannelMessage {
  /** The message's id (stable across retries: a provider-side idempotency key where one exists). */
  id: string
  recipient: Recipient
  content: MessageContent
}

export type ChannelResult =
  | { status: 'sent'; providerId?: string | null }
  | { status: 'unavailable'; reason: string }
  | { status: 'failed'; permanent: boolean; deadLetter?: boolean; code: string; detail: string; retryAfterMs?: number }

export type ChannelSend = (msg: ChannelMessage) => Promise<ChannelResult>

export interface Channel {
  name: ChannelName
  /** `db` is for the channel's own rows (WeChat's acceptance ledger, push subscriptions); not a held transaction. */
  send(msg: ChannelMessage, db: Queryable): Promise<ChannelResult>
  /**
   * For a dispatched batch: the send to use for each of `msgs`, which reads what `send` would read for
   * each (acceptances, subscriptions, the day's SMS count) once for all of them, the first time one
   * needs it. Each message is sent through it at most once.
   */
  batch?(msgs: readonly ChannelMessage[], db: Queryable): ChannelSend
}

/** Runs `load` once, the first time it is asked for, and keeps its answer (a batch's prefetch that may not be needed). */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null
  return () => (p ??= load())
}
