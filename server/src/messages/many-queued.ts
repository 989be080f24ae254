/**
 * Test and benchmark support: `n` people, each with a phone of their own and
 * one progress message queued for delivery — the rows a case event's commit
 * writes (messages/effect.ts: the message, its "queued" receipt, the outbox
 * job), through the same repositories, many to a transaction so that
 * thousands are written in seconds. Each person's phone is the key a test
 * counts the fake provider's receipts by.
 */
import { caseLinks, type MessageContent } from '@tongban/core'
import type { Db } from '../store/db'
import { messageRepo } from '../store/messages'
import { outboxRepo } from '../store/outbox'
import { DELIVER_MESSAGE, type DeliverJob } from './effect'

const PER_TRANSACTION = 500

/** The phone of person `i` (0-based) of a run: distinct 11-digit mainland mobiles under a prefix of three digits. */
export const phoneOf = (prefix: string, i: number) => `${prefix}${String(i).padStart(8, '0')}`

export async function queueManyMessages(db: Db, opts: { n: number; at: Date; phonePrefix?: string }): Promise<string[]> {
  const prefix = opts.phonePrefix ?? '139'
  const phones = Array.from({ length: opts.n }, (_, i) => phoneOf(prefix, i))
  const accounts = await db.query<{ id: string; phone: string }>(
    'insert into accounts (phone) select unnest($1::text[]) returning id, phone', [phones],
  )
  for (let from = 0; from < accounts.length; from += PER_TRANSACTION) {
    await db.transaction(async (tx) => {
      const messages = messageRepo(tx)
      const outbox = outboxRepo(tx)
      for (const { id: accountId, phone } of accounts.slice(from, from + PER_TRANSACTION)) {
        const caseNo = `MZ-0001-20261207-${phone.slice(-6)}`
        const content: MessageContent = {
          kind: 'accepted', caseNo, itemName: '最低生活保障', title: '您的申请已受理', body: `您的办件${caseNo}已受理。`,
          status: '已受理', next: '等待办理结果', at: opts.at.toISOString(), link: caseLinks(caseNo),
        }
        const id = (await messages.create({ accountId, caseId: null, dedupeKey: `load:${phone}`, content, at: opts.at }))!
        await messages.addDelivery(id, { channel: null, status: 'queued', at: opts.at })
        await outbox.enqueue(DELIVER_MESSAGE, null, { messageId: id } satisfies DeliverJob, opts.at)
      }
    })
  }
  return phones
}
