/**
 * The notices a case's events call for (受理通知书, 一次性告知书, 不予受理 /
 * 不予批准决定书), whoever took the step — the workbench, the citizen or an
 * approval system's webhook: each is queued in the acting transaction and
 * issued right after it commits, so 文号 follow the order of the decisions,
 * not of the downloads. A notice that fails to issue is tried again by the
 * outbox; its first download issues it meanwhile (issueDocument is
 * idempotent per case, kind and event).
 */
import { noticeKindOf, type NoticeKind } from '@tongban/core'
import type { Db } from '../store/db'
import { caseRepo } from '../store/cases'
import { loadEvents } from '../cases/events'
import type { caseLookups } from '../cases/act'
import type { CaseEffect } from '../cases/effects'
import type { OutboxKind } from '../outbox/outbox'
import { issueCaseNotice } from './case-documents'

export const ISSUE_NOTICE = 'notice.issue'

interface NoticeJob { caseNo: string; eventIndex: number; notice: NoticeKind; at: string }

export const noticeEffect: CaseEffect = {
  name: 'notices',
  async run(ctx) {
    // An item gone from the catalogue has no notice face; its documents are issued on download, if ever.
    if (!ctx.item) return
    const events = ctx.after.events
    for (let i = ctx.before.events.length; i < events.length; i++) {
      const notice = noticeKindOf(events, i)
      if (notice) await ctx.enqueue(ISSUE_NOTICE, { caseNo: ctx.row.case_no, eventIndex: i, notice, at: events[i]!.at } satisfies NoticeJob)
    }
  },
}

export function noticeJob(deps: { db: Db; lookups: ReturnType<typeof caseLookups>; origin: () => string }): OutboxKind<NoticeJob> {
  return {
    kind: ISSUE_NOTICE,
    immediate: true,
    async send(job) {
      const { caseNo, eventIndex, notice, at } = job.payload
      const row = await caseRepo(deps.db).byNo(caseNo)
      const item = row && (await deps.lookups.itemOf(row.item_code))
      if (!row || !item) return { ok: false, retry: false, error: `case ${caseNo} or its item is gone` }
      const events = await loadEvents(deps.db, row.id)
      const doc = await issueCaseNotice({ db: deps.db, origin: deps.origin(), at: new Date(at), departmentName: await deps.lookups.departmentNames() }, row, item, events, notice, eventIndex)
      return { ok: true, externalId: doc.row.number }
    },
  }
}
