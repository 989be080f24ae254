/**
 * What a queue tells its visitor (issue 19, through issue 18's channels),
 * written in the transaction of the ticket's step: a signed-in visitor gets
 * a 消息中心 message and its `message.deliver` job (WeChat, Web Push, SMS as
 * for a case); a visitor who is not signed in but left a phone number gets
 * an SMS job of its own (`queue.sms`: the same template and parameters, no
 * account to keep a message for). Both are urgent kinds: no night hold.
 */
import { queueMessageOf, smsParamsOf, type QueueMessageFacts } from '@tongban/core'
import type { Queryable } from '../store/db'
import { messageRepo } from '../store/messages'
import { outboxRepo } from '../store/outbox'
import type { OutboxKind } from '../outbox/outbox'
import type { SmsProvider } from '../connectors/sms/index'
import { DELIVER_MESSAGE, type DeliverJob } from './effect'

export const QUEUE_SMS = 'queue.sms'

export interface QueueSmsJob { phone: string; kind: 'queue_near' | 'queue_called'; params: Record<string, string> }

/** Who holds the ticket, as the queue knows them. */
export interface QueueVisitor { ticketId: string; accountId: string | null; phone: string | null }

/**
 * Writes what to tell the visitor; the id of the 消息中心 message when one
 * was written (the caller announces it on the person's stream after the
 * commit). `key` makes the same word twice write nothing.
 */
export async function tellVisitor(tx: Queryable, who: QueueVisitor, kind: QueueSmsJob['kind'], facts: QueueMessageFacts, key: string, at: Date): Promise<{ accountId: string; messageId: string } | null> {
  const content = queueMessageOf(kind, facts)
  if (who.accountId) {
    const repo = messageRepo(tx)
    const id = await repo.create({ accountId: who.accountId, caseId: null, dedupeKey: `ticket:${who.ticketId}:${key}:${who.accountId}`, content, at })
    if (!id) return null
    await repo.addDelivery(id, { channel: null, status: 'queued', at })
    await outboxRepo(tx).enqueue(DELIVER_MESSAGE, null, { messageId: id } satisfies DeliverJob, at)
    return { accountId: who.accountId, messageId: id }
  }
  if (who.phone) await outboxRepo(tx).enqueue(QUEUE_SMS, null, { phone: who.phone, kind, params: smsParamsOf(content) } satisfies QueueSmsJob, at)
  return null
}

/** Sends a queue SMS to a phone with no account behind it; the provider's retryable failures are tried again. */
export function queueSmsJob(provider: SmsProvider): OutboxKind<QueueSmsJob> {
  return {
    kind: QUEUE_SMS,
    // A call is useless an hour later: a few quick tries, then it is dead.
    maxAttempts: 4,
    backoffMs: (n) => 5_000 * 2 ** n,
    async send(job) {
      const { phone, kind, params } = job.payload
      const res = await provider.send({ phone, template: kind, params })
      if (res.ok) return { ok: true, externalId: res.providerId }
      return { ok: false, retry: res.retryable, error: `sms ${res.code}: ${res.message}` }
    },
  }
}
