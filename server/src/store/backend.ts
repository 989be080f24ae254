/**
 * The approval backend's own rows: the outbox of cases to hand over to an
 * approval system (claimed with FOR UPDATE SKIP LOCKED, tried again with
 * back-off, dead-lettered after too many tries and shown to staff), and the
 * ids of the webhooks already acted on.
 */
import type { Queryable } from './db'

export interface OutboxRow {
  id: string
  case_id: string
  case_no: string
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

export function backendRepo(db: Queryable) {
  return {
    async enqueue(caseId: string, kind: string, payload: unknown, at: Date): Promise<void> {
      await db.query('insert into backend_outbox (case_id, kind, payload, next_at) values ($1, $2, $3, $4)', [caseId, kind, JSON.stringify(payload), at])
    },
    /** Rows due by `now`, locked for this transaction; others running the dispatcher skip them. */
    /**
     * Claims up to `limit` due handovers for one sender: each is leased until `leaseUntil` (its next_at moves
     * there), so other instances skip it while this one sends it outside any transaction. A sender that dies
     * mid-send leaves the row to come back when the lease ends (the system dedupes by Idempotency-Key).
     * Call inside a transaction.
     */
    async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<OutboxRow[]> {
      const rows = await db.query<OutboxRow>(
        `select ${COLUMNS} from backend_outbox o join cases c on c.id = o.case_id
         where o.sent_at is null and o.dead_at is null and o.next_at <= $1
         order by o.next_at, o.id limit $2 for update of o skip locked`,
        [now, limit],
      )
      if (rows.length) await db.query('update backend_outbox set next_at = $2 where id = any($1::bigint[])', [rows.map((r) => r.id), leaseUntil])
      return rows
    },
    async sent(id: string, externalId: string, at: Date): Promise<void> {
      await db.query('update backend_outbox set sent_at = $2, external_id = $3, attempts = attempts + 1, last_error = null where id = $1', [id, at, externalId])
    },
    async retryLater(id: string, error: string, nextAt: Date): Promise<void> {
      await db.query('update backend_outbox set attempts = attempts + 1, last_error = $2, next_at = $3 where id = $1', [id, error, nextAt])
    },
    async dead(id: string, error: string, at: Date): Promise<void> {
      await db.query('update backend_outbox set attempts = attempts + 1, last_error = $2, dead_at = $3 where id = $1', [id, error, at])
    },
    /** Handovers not through yet: failing or dead (staff see these). */
    async pending(): Promise<OutboxRow[]> {
      return db.query<OutboxRow>(`select ${COLUMNS} from backend_outbox o join cases c on c.id = o.case_id where o.sent_at is null order by o.dead_at nulls last, o.next_at limit 200`)
    },
    async forCase(caseId: string): Promise<OutboxRow[]> {
      return db.query<OutboxRow>(`select ${COLUMNS} from backend_outbox o join cases c on c.id = o.case_id where o.case_id = $1 order by o.id`, [caseId])
    },
    /** Give a dead handover another go now. */
    async revive(id: string, at: Date): Promise<boolean> {
      return (await db.query<{ id: string }>('update backend_outbox set dead_at = null, next_at = $2 where id = $1 and sent_at is null returning id', [id, at])).length === 1
    },
    /** True the first time a webhook id is seen (in the acting transaction, so a failed act forgets it). */
    async claimWebhook(eventId: string, caseId: string): Promise<boolean> {
      return (await db.query<{ event_id: string }>(
        'insert into backend_webhooks (event_id, case_id) values ($1, $2) on conflict (event_id) do nothing returning event_id', [eventId, caseId],
      )).length === 1
    },
  }
}
