/**
 * 排队取号 rows (issue 19): each hall's queue configuration, the day's
 * counters and the tickets. A number comes from the counter in the
 * ticket's own transaction (`insert … on conflict do update … returning`
 * locks the counter row until the commit), so simultaneous takes on any
 * number of instances get consecutive numbers, and a take refused after
 * it (the person already waits there) gives its number back. Every step of
 * a ticket is a conditional update on its state: two clerks pressing at
 * once make one step.
 */
import { ticketNumber, type HallQueueConfig, type TicketState } from '@tongban/core'
import type { Db, Queryable } from './db'

export interface TicketRow {
  id: string
  hall_id: string
  category: string
  day: string
  seq: number
  number: string
  state: TicketState
  priority: number
  account_id: string | null
  device_id: string | null
  phone: string | null
  case_no: string | null
  window_no: number | null
  recalls: number
  queued_at: Date
  taken_at: Date
  called_at: Date | null
  serving_at: Date | null
  finished_at: Date | null
  no_show_at: Date | null
  transferred_from: string | null
  transferred_to: string | null
  rating: number | null
}

/**
 * A ticket's priority at an instant (a query parameter): an appointment's
 * goes first only within its slot (`priority_until`, the slot's end); after
 * it the ticket waits by its time like any other.
 */
const effective = (at: string) => `(case when priority_until is null or priority_until > ${at}::timestamptz then priority else 0 end)`

const COLUMNS = `id::text as id, hall_id, category, to_char(day, 'YYYY-MM-DD') as day, seq, number, state, priority, account_id::text as account_id,
  device_id, phone, case_no, window_no, recalls, queued_at, taken_at, called_at, serving_at, finished_at, no_show_at,
  transferred_from::text as transferred_from, transferred_to::text as transferred_to, rating`

/** Who holds a ticket: an account, else a device. */
export interface TicketHolder { accountId: string | null; deviceId: string | null; phone: string | null; caseNo?: string | null }

export class TicketHeld extends Error {
  constructor(readonly ticketId: string | null) { super('the person already waits in this category') }
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505'

export function queueRepo(db: Db | Queryable) {
  const one = async (sql: string, params: unknown[]) => (await db.query<TicketRow>(sql, params))[0] ?? null
  /** Its own transaction on a Db; inside the caller's on a transaction. */
  const inTx = <T>(fn: (q: Queryable) => Promise<T>): Promise<T> => ('transaction' in db ? (db as Db).transaction(fn) : fn(db))

  /** The person's active ticket in a category today, if any. */
  async function activeOf(q: Queryable, hallId: string, category: string, day: string, who: TicketHolder): Promise<TicketRow | null> {
    if (who.accountId) {
      return (await q.query<TicketRow>(`select ${COLUMNS} from queue_tickets where hall_id = $1 and category = $2 and day = $3 and account_id = $4 and state in ('waiting', 'called')`, [hallId, category, day, who.accountId]))[0] ?? null
    }
    return (await q.query<TicketRow>(`select ${COLUMNS} from queue_tickets where hall_id = $1 and category = $2 and day = $3 and account_id is null and device_id = $4 and state in ('waiting', 'called')`, [hallId, category, day, who.deviceId]))[0] ?? null
  }

  return {
    async config(hallId: string): Promise<HallQueueConfig | null> {
      return (await db.query<{ doc: HallQueueConfig }>('select doc from queue_halls where hall_id = $1', [hallId]))[0]?.doc ?? null
    },

    async saveConfig(hallId: string, config: HallQueueConfig): Promise<void> {
      await db.query(
        'insert into queue_halls (hall_id, doc) values ($1, $2) on conflict (hall_id) do update set doc = excluded.doc, updated_at = now()',
        [hallId, JSON.stringify(config)],
      )
    },

    /**
     * A new ticket: the next number of the category's day, in one transaction
     * with the row (`priority`: 1 for a checked-in appointment, 0 for a
     * walk-in). Throws TicketHeld when the person already waits in that
     * category (the counter's step is rolled back with it).
     */
    async take(t: { hallId: string; category: string; day: string; holder: TicketHolder; at: Date; nearAhead: number; priority?: number; priorityUntil?: Date | null }): Promise<TicketRow & { ahead: number }> {
      const holder = [t.holder.accountId, t.holder.accountId ? null : t.holder.deviceId]
      let row: TicketRow
      try {
        // One statement: the counter's step and the row commit together, and the counter's row is locked only for
        // as long as this statement runs — a burst at the door queues on it for microseconds, not round trips.
        // A person already waiting here trips the partial unique index: the statement fails whole, the number
        // goes back with it (no gap).
        row = (await db.query<TicketRow>(
          `with c as (
             insert into queue_counters (hall_id, category, day, last) values ($1, $2, $3, 1)
             on conflict (hall_id, category, day) do update set last = queue_counters.last + 1 returning last)
           insert into queue_tickets (hall_id, category, day, seq, number, state, account_id, device_id, phone, case_no, queued_at, taken_at, updated_at, priority, priority_until)
           select $1, $2, $3, c.last, $2 || lpad(c.last::text, greatest(3, length(c.last::text)), '0'), 'waiting', $4::uuid, $5, $6, $8, $7, $7, $7, $9, $10 from c
           returning ${COLUMNS}`,
          [t.hallId, t.category, t.day, ...holder, t.holder.phone, t.at, t.holder.caseNo ?? null, t.priority ?? 0, t.priorityUntil ?? null],
        ))[0]!
      } catch (e) {
        if (!isUniqueViolation(e)) throw e
        throw new TicketHeld((await activeOf(db, t.hallId, t.category, t.day, t.holder))?.id ?? null)
      }
      if (row.number !== ticketNumber(t.category, row.seq)) throw new Error(`ticket number ${row.number} is not the core's ${ticketNumber(t.category, row.seq)}`)
      const ahead = await this.ahead(row, t.at)
      // Near already when taken: the page says so; no 快到号了 later.
      if (ahead <= t.nearAhead) await db.query('update queue_tickets set near_told_at = $2 where id = $1', [row.id, t.at])
      return { ...row, ahead }
    },

    async byId(id: string): Promise<TicketRow | null> {
      return one(`select ${COLUMNS} from queue_tickets where id = $1`, [id])
    },

    /** Waiting tickets per category of a hall's day. */
    async waitingCounts(hallId: string, day: string): Promise<Map<string, number>> {
      const rows = await db.query<{ category: string; n: number }>(
        `select category, count(*)::int as n from queue_tickets where hall_id = $1 and day = $2 and state = 'waiting' group by category`, [hallId, day],
      )
      return new Map(rows.map((r) => [r.category, r.n]))
    },

    /** Waiting tickets of the category called before this one (higher priority, or earlier in time, or the lower number). */
    async ahead(t: Pick<TicketRow, 'hall_id' | 'day' | 'category' | 'queued_at' | 'seq' | 'id'>, at: Date): Promise<number> {
      const [row] = await db.query<{ n: number }>(
        `with mine as (select ${effective('$4')} as p from queue_tickets where id = $1)
         select count(*)::int as n from queue_tickets, mine
         where hall_id = $2 and day = $3 and category = $5 and state = 'waiting' and id <> $1
           and (${effective('$4')} > mine.p or (${effective('$4')} = mine.p and (queued_at < $6 or (queued_at = $6 and seq < $7))))`,
        [t.id, t.hall_id, t.day, at, t.category, t.queued_at, t.seq],
      )
      return row?.n ?? 0
    },

    /** Minutes each of the latest finished tickets of a category took at the window (newest first). */
    async serviceMinutes(hallId: string, category: string, since: Date, limit = 20): Promise<number[]> {
      const rows = await db.query<{ m: number }>(
        `select extract(epoch from (finished_at - serving_at)) / 60 as m from queue_tickets
         where hall_id = $1 and category = $2 and state = 'done' and serving_at is not null and finished_at >= $3
         order by finished_at desc limit $4`,
        [hallId, category, since, limit],
      )
      return rows.map((r) => Number(r.m))
    },

    /** Waiting tickets of these categories in the order they are called. */
    async waiting(hallId: string, day: string, categories: readonly string[], at: Date, limit = 200): Promise<TicketRow[]> {
      return db.query<TicketRow>(
        `select ${COLUMNS} from queue_tickets where hall_id = $1 and day = $2 and category = any($3::text[]) and state = 'waiting'
         order by ${effective('$5')} desc, queued_at, seq, category limit $4`,
        [hallId, day, [...categories], limit, at],
      )
    },

    /** The ticket called to or served at a window today. */
    async atWindow(hallId: string, day: string, windowNo: number): Promise<TicketRow | null> {
      return one(`select ${COLUMNS} from queue_tickets where hall_id = $1 and day = $2 and window_no = $3 and state in ('called', 'serving') order by called_at desc limit 1`, [hallId, day, windowNo])
    },

    /** The tickets called to or served at each window today (the latest per window). */
    async atWindows(hallId: string, day: string): Promise<TicketRow[]> {
      return db.query<TicketRow>(
        `select ${COLUMNS} from queue_tickets where hall_id = $1 and day = $2 and state in ('called', 'serving') and window_no is not null
         order by window_no, called_at desc`,
        [hallId, day],
      )
    },

    /** Today's latest calls, newest first (a ticket called again counts once, at its latest call). */
    async recentCalls(hallId: string, day: string, limit = 8): Promise<TicketRow[]> {
      return db.query<TicketRow>(
        `select ${COLUMNS} from queue_tickets where hall_id = $1 and day = $2 and called_at is not null and window_no is not null
         order by called_at desc, seq desc limit $3`,
        [hallId, day, limit],
      )
    },

    /**
     * Calls the next waiting ticket of these categories to a window, or null
     * when nobody waits. Two windows calling at once take two tickets
     * (`skip locked`), never one twice.
     */
    async callNext(hallId: string, day: string, windowNo: number, categories: readonly string[], at: Date): Promise<TicketRow | null> {
      return one(
        `update queue_tickets set state = 'called', window_no = $3, called_at = $5, updated_at = $5
         where id = (select id from queue_tickets where hall_id = $1 and day = $2 and category = any($4::text[]) and state = 'waiting'
                     order by ${effective('$5')} desc, queued_at, seq, category limit 1 for update skip locked)
           and state = 'waiting'
         returning ${COLUMNS}`,
        [hallId, day, windowNo, [...categories], at],
      )
    },

    /**
     * The waiting tickets of a category now `nearAhead` or fewer from the
     * window that were not told yet, marked told (each is told once), with
     * how many wait before each.
     */
    async nearToTell(hallId: string, day: string, category: string, nearAhead: number, at: Date): Promise<(TicketRow & { ahead: number })[]> {
      const first = await db.query<TicketRow & { near_told_at: Date | null }>(
        `select ${COLUMNS}, near_told_at from queue_tickets where hall_id = $1 and day = $2 and category = $3 and state = 'waiting'
         order by ${effective('$5')} desc, queued_at, seq limit $4`,
        [hallId, day, category, nearAhead + 1, at],
      )
      const out: (TicketRow & { ahead: number })[] = []
      for (const [ahead, t] of first.entries()) {
        if (t.near_told_at) continue
        const marked = await db.query('update queue_tickets set near_told_at = $2 where id = $1 and near_told_at is null returning id', [t.id, at])
        if (marked.length) out.push({ ...t, ahead })
      }
      return out
    },

    /** The visitor's rating of a finished ticket, once (一次一评); null when it is not done or already rated. */
    async rate(id: string, score: number, note: string | null, at: Date): Promise<TicketRow | null> {
      return one(`update queue_tickets set rating = $2, rating_note = $3, rated_at = $4 where id = $1 and state = 'done' and rating is null returning ${COLUMNS}`, [id, score, note, at])
    },

    /** One step of a ticket, made only from the state it was read in; null when it moved meanwhile. */
    async step(id: string, from: TicketState, to: TicketState, at: Date, extra: { recall?: boolean } = {}): Promise<TicketRow | null> {
      return one(
        `update queue_tickets set state = $3, updated_at = $4,
           recalls = recalls + case when $5 then 1 else 0 end,
           serving_at = case when $3 = 'serving' then $4 else serving_at end,
           finished_at = case when $3 in ('done', 'cancelled') then $4 else finished_at end,
           no_show_at = case when $3 = 'no_show' then $4 else no_show_at end,
           called_at = case when $5 then $4 else called_at end,
           window_no = case when $3 = 'waiting' then null else window_no end
         where id = $1 and state = $2 returning ${COLUMNS}`,
        [id, from, to, at, extra.recall === true],
      )
    },

    /** Moves a ticket to another category, keeping its number and its place in time; the new ticket is returned. */
    async transfer(id: string, from: TicketState, category: string, at: Date): Promise<TicketRow | null> {
      return inTx(async (tx) => {
        const [old] = await tx.query<TicketRow>(`update queue_tickets set state = 'transferred', updated_at = $3 where id = $1 and state = $2 returning ${COLUMNS}`, [id, from, at])
        if (!old) return null
        const [moved] = await tx.query<TicketRow>(
          `insert into queue_tickets (hall_id, category, day, seq, number, state, priority, priority_until, account_id, device_id, phone, case_no, queued_at, taken_at, transferred_from, updated_at)
           select $1, $2, $3, $4, $5, 'waiting', $6, priority_until, $7, $8, $9, $10, $11, $12, $13, $14 from queue_tickets where id = $13 returning ${COLUMNS}`,
          [old.hall_id, category, old.day, old.seq, old.number, old.priority, old.account_id, old.device_id, old.phone, old.case_no, old.queued_at, old.taken_at, old.id, at],
        )
        await tx.query('update queue_tickets set transferred_to = $2 where id = $1', [old.id, moved!.id])
        return moved!
      })
    },
  }
}
