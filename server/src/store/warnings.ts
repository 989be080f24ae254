/**
 * 黄牌/红牌: a warning is raised once per step and light (unique on case,
 * step, light — two instances sweeping at once raise it once), for an
 * audience (`window` or `department:<code>`); each staff member marks it read.
 */
import type { Queryable } from './db'

export interface WarningRow {
  id: string
  case_no: string
  item_name: string
  step: string
  light: 'yellow' | 'red'
  audience: string
  deadline: string
  raised_at: Date
  read: boolean
}

export function warningsRepo(db: Queryable) {
  return {
    /** True when this raised it (false: already raised). */
    async raise(caseId: string, step: string, light: 'yellow' | 'red', audience: string, deadline: string, at: Date): Promise<boolean> {
      return (await db.query<{ id: string }>(
        `insert into case_warnings (case_id, step, light, audience, deadline, raised_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (case_id, step, light) do nothing returning id`,
        [caseId, step, light, audience, deadline, at],
      )).length === 1
    },
    /** Warnings for these audiences (all of them when null), unread first, newest first. */
    async forStaff(staffId: string, audiences: string[] | null, limit = 100): Promise<WarningRow[]> {
      return db.query<WarningRow>(
        `select w.id::text as id, c.case_no, i.doc->>'name' as item_name, w.step, w.light, w.audience, to_char(w.deadline, 'YYYY-MM-DD') as deadline,
                w.raised_at, (r.warning_id is not null) as read
         from case_warnings w join cases c on c.id = w.case_id left join items i on i.code = c.item_code
         left join case_warning_reads r on r.warning_id = w.id and r.staff_id = $1
         where ($2::text[] is null or w.audience = any($2::text[]))
         order by (r.warning_id is not null), w.raised_at desc, w.id desc limit $3`,
        [staffId, audiences, limit],
      )
    },
    async markRead(id: string, staffId: string, audiences: string[] | null): Promise<boolean> {
      const rows = await db.query<{ id: string }>(
        `insert into case_warning_reads (warning_id, staff_id)
         select w.id, $2 from case_warnings w where w.id = $1 and ($3::text[] is null or w.audience = any($3::text[]))
         on conflict do nothing returning warning_id as id`,
        [id, staffId, audiences],
      )
      if (rows.length) return true
      return (await db.query('select 1 from case_warning_reads r join case_warnings w on w.id = r.warning_id where r.warning_id = $1 and r.staff_id = $2 and ($3::text[] is null or w.audience = any($3::text[]))', [id, staffId, audiences])).length > 0
    },
  }
}
