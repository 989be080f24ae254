/**
 * The messages a case's events make (core messages/rules.ts), written in the
 * transaction of the events, whoever took the step: one message row for the
 * applicant — the account the case belongs to, which for a 代办 case is the
 * resident who consented (cases/agent.ts), not the agent who acts — and one
 * outbox job to deliver it. Its dedupe key (the event, the kind, the
 * recipient) makes a replay of the same event write nothing.
 */
import { caseMessageOf, issuesELicence, type MessageFacts } from '@tongban/core'
import type { CaseEffect, EffectContext } from '../cases/effects'
import { messageRepo } from '../store/messages'

export const DELIVER_MESSAGE = 'message.deliver'

export interface DeliverJob { messageId: string }

function factsOf(ctx: EffectContext): MessageFacts {
  return {
    caseNo: ctx.row.case_no,
    itemName: ctx.item?.name ?? ctx.row.item_name,
    delivery: ctx.row.delivery,
    eLicence: ctx.item ? issuesELicence(ctx.item) : false,
    resultName: ctx.item?.result.name ?? '',
    departmentName: ctx.departmentName,
  }
}

export const messageEffect: CaseEffect = {
  name: 'messages',
  async run(ctx) {
    const events = ctx.after.events
    const repo = messageRepo(ctx.tx)
    const recipient = ctx.row.account_id
    for (let i = ctx.before.events.length; i < events.length; i++) {
      const content = caseMessageOf(events, i, factsOf(ctx))
      if (!content) continue
      // An event's place in its case never changes: with the case's id it names the event.
      const dedupeKey = `case:${ctx.row.id}:${i}:${content.kind}:${recipient}`
      const id = await repo.create({ accountId: recipient, caseId: ctx.row.id, dedupeKey, content, at: new Date(events[i]!.at) })
      if (!id) continue
      await repo.addDelivery(id, { channel: null, status: 'queued', at: new Date(events[i]!.at) })
      await ctx.enqueue(DELIVER_MESSAGE, { messageId: id } satisfies DeliverJob)
      // Her open pages: the 消息 badge and the 消息中心 read themselves again.
      ctx.announce(recipient, { type: 'message', id, caseNo: ctx.row.case_no })
    }
  },
}
