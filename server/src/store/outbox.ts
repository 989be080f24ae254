/**
 * The outbox: work to do outside our transaction (hand a case to an approval
 * system, issue a notice, and with later issues send a message, book EMS,
 * query a payment), written in the transaction of the event that causes it
 * and done afterwards by whoever claims it. A claim leases rows (FOR UPDATE
 * SKIP LOCKED, then next_at moves to the lease's end), so any number of
 * senders never take the same row; a sender that dies leaves the row to come
 * back when its lease ends.
 */
import type { Queryable } from './db'

export interface OutboxRow {
  id: string
  case_id: string | null
  case_no: string | null
  kind: string
  payload: Record<string, unknown>
  attempts: number
  next_at: Date
  sent_at: Date | null
  dead_at: Date | null
  last_error: string | null
  external_id: string | null
}

const COLUMNS = 'o.id::text as id, o.case_id, c.case_no, o.kind, o.payload, o.attempts, o.next_at, o.sent_at, o.dead_at, o.last_error, o.external_id'
const FROM = 'outbox o left join cases c on c.id = o.case_id'

export function outboxRepo(db: Queryable) {
  return {
    /** A job due at `at`; its id. */
    async enqueue(kind: string, caseId: string | null, payload: unknown, at: Date): Promise<string> {
      const rows = await db.query<{ id: string }>(
        'insert into outbox (case_id, kind, payload, next_at, created_at) values ($1, $2, $3, $4, $4) returning id::text as id',
        [caseId, kind, JSON.stringify(payload), at],
      )
      return rows[0]!.id
    },
    /**
     * Up to `limit` due jobs of these kinds (or of the ids given), oldest first, leased to this sender until
     * `leaseUntil`. Call inside a transaction.
     */
    async claimDue(scope: { kinds: readonly string[] } | { ids: readonly string[] }, now: Date, limit: number, leaseUntil: Date): Promise<OutboxRow[]> {
      const [where, arg] = 'ids' in scope ? ['o.id = any($3::bigint[])', scope.ids] : ['o.kind = any($3::text[])', scope.kinds]
      const rows = await db.query<OutboxRow>(
        `select ${COLUMNS} from ${FROM}
         where o.sent_at is null and o.dead_at is null and o.next_at <= $1 and ${where}
         order by o.next_at, o.id limit $2 for update of o skip locked`,
        [now, limit, arg],
      )
      if (rows.length) await db.query('update outbox set next_at = $2 where id = any($1::bigint[])', [rows.map((r) => r.id), leaseUntil])
      return rows
    },
    /** Jobs done (a dispatched batch's, at once: one statement). */
    async sentMany(jobs: readonly { id: string; externalId: string | null }[], at: Date): Promise<void> {
      if (!jobs.length) return
      await db.query(
        `update outbox o set sent_at = $3, external_id = v.external_id, attempts = o.attempts + 1, last_error = null
         from unnest($1::bigint[], $2::text[]) as v(id, external_id) where o.id = v.id`,
        [jobs.map((j) => j.id), jobs.map((j) => j.externalId), at],
      )
    },
    async retryLater(id: string, error: string, nextAt: Date): Promise<void> {
      await db.query('update outbox set attempts = attempts + 1, last_error = $2, next_at = $3 where id = $1', [id, error, nextAt])
    },
    async dead(id: string, error: string, at: Date): Promise<void> {
      await db.query('update outbox set attempts = attempts + 1, last_error = $2, dead_at = $3 where id = $1', [id, error, at])
    },
    /** Jobs of these kinds not done yet, failing or dead (staff see these), dead first. */
    async pending(kinds: readonly string[], limit = 200): Promise<OutboxRow[]> {
      return db.query<OutboxRow>(
        `select ${COLUMNS} from ${FROM} where o.sent_at is null and o.kind = any($1::text[]) order by o.dead_at nulls last, o.next_at, o.id limit $2`,
        [kinds, limit],
      )
    },
    async forCase(caseId: string): Promise<OutboxRow[]> {
      return db.query<OutboxRow>(`select ${COLUMNS} from ${FROM} where o.case_id = $1 order by o.id`, [caseId])
    },
    /** Give a dead (or waiting) job of one of these kinds another go now; false when it is done or unknown. */
    async revive(id: string, kinds: readonly string[], at: Date): Promise<boolean> {
      return (await db.query<{ id: string }>(
        'update outbox set dead_at = null, next_at = $2 where id = $1 and sent_at is null and kind = any($3::text[]) returning id', [id, at, kinds],
      )).length === 1
    },
  }
}
