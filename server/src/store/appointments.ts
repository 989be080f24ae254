/**
 * 预约 rows (issue 19): each slot's counter and the bookings. A booking steps
 * its slot's counter in the same statement as its insert, and only while
 * the counter is below the slot's capacity (`on conflict do update … where
 * booked < capacity` locks the counter row for the statement): simultaneous
 * bookings on any number of instances fill a slot exactly, never past it.
 * One live booking per person, category and day is a partial unique index;
 * a second trips it and the counter's step goes back with the statement.
 * Checking in takes a priority ticket through the queue's own day counter,
 * in one transaction with the booking's change.
 */
import { APPOINTMENT_PRIORITY, type AppointmentState } from '@tongban/core'
import type { Db, Queryable } from './db'
import { queueRepo, type TicketRow } from './queue'

export interface AppointmentRow {
  id: string
  hall_id: string
  category: string
  day: string
  slot_start: Date
  slot_end: Date
  account_id: string
  state: AppointmentState
  ticket_id: string | null
  /** The number of the ticket check-in gave. */
  ticket_number: string | null
  booked_at: Date
  cancelled_at: Date | null
  checked_in_at: Date | null
}

const COLUMNS = `a.id::text as id, a.hall_id, a.category, to_char(a.day, 'YYYY-MM-DD') as day, a.slot_start, a.slot_end, a.account_id::text as account_id,
  a.state, a.ticket_id::text as ticket_id, t.number as ticket_number, a.booked_at, a.cancelled_at, a.checked_in_at`
const FROM = 'queue_appointments a left join queue_tickets t on t.id = a.ticket_id'

export class AppointmentHeld extends Error {
  constructor(readonly appointmentId: string | null) { super('the person already has an appointment in this category that day') }
}

const codeOf = (e: unknown) => (e as { code?: string }).code
/** A unique index tripped (23505), or a transaction that one aborted (25P02). */
const isConflict = (e: unknown) => codeOf(e) === '23505' || codeOf(e) === '25P02'

export function appointmentsRepo(db: Db) {
  const one = async (q: Queryable, sql: string, params: unknown[]) => (await q.query<AppointmentRow>(sql, params))[0] ?? null

  async function heldBy(q: Queryable, accountId: string, hallId: string, category: string, day: string): Promise<AppointmentRow | null> {
    return one(q, `select ${COLUMNS} from ${FROM} where a.account_id = $1 and a.hall_id = $2 and a.category = $3 and a.day = $4 and a.state in ('booked', 'checked_in')`, [accountId, hallId, category, day])
  }

  return {
    /** Bookings held per slot start (ms) of a category between two instants. */
    async bookedPerSlot(hallId: string, category: string, from: Date, to: Date): Promise<Map<number, number>> {
      const rows = await db.query<{ slot_start: Date; booked: number }>(
        'select slot_start, booked from queue_appointment_slots where hall_id = $1 and category = $2 and slot_start >= $3 and slot_start < $4',
        [hallId, category, from, to],
      )
      return new Map(rows.map((r) => [r.slot_start.getTime(), r.booked]))
    },

    /** The person's live booking of a category on a day, if any. */
    async heldBy(accountId: string, hallId: string, category: string, day: string): Promise<AppointmentRow | null> {
      return heldBy(db, accountId, hallId, category, day)
    },

    /**
     * Books a slot: null when it is full. Throws AppointmentHeld when the
     * person already has one that day in that category (nothing counted).
     */
    async book(b: { hallId: string; category: string; day: string; slotStart: Date; slotEnd: Date; accountId: string; capacity: number; at: Date }): Promise<AppointmentRow | null> {
      if (b.capacity < 1) return null
      try {
        const [row] = await db.query<{ id: string }>(
          `with s as (
             insert into queue_appointment_slots (hall_id, category, slot_start, booked) values ($1, $2, $3, 1)
             on conflict (hall_id, category, slot_start) do update set booked = queue_appointment_slots.booked + 1
               where queue_appointment_slots.booked < $8
             returning booked)
           insert into queue_appointments (hall_id, category, day, slot_start, slot_end, account_id, state, booked_at, updated_at)
           select $1, $2, $4, $3, $5, $6, 'booked', $7, $7 from s
           returning id::text as id`,
          [b.hallId, b.category, b.slotStart, b.day, b.slotEnd, b.accountId, b.at, b.capacity],
        )
        return row ? this.byId(row.id) : null
      } catch (e) {
        if (codeOf(e) !== '23505') throw e
        throw new AppointmentHeld((await heldBy(db, b.accountId, b.hallId, b.category, b.day))?.id ?? null)
      }
    },

    async byId(id: string): Promise<AppointmentRow | null> {
      return one(db, `select ${COLUMNS} from ${FROM} where a.id = $1`, [id])
    },

    /** The person's bookings from this day on, by slot. */
    async mine(accountId: string, fromDay: string, limit = 50): Promise<AppointmentRow[]> {
      return db.query<AppointmentRow>(`select ${COLUMNS} from ${FROM} where a.account_id = $1 and a.day >= $2 order by a.slot_start, a.booked_at limit $3`, [accountId, fromDay, limit])
    },

    /** Cancels a booking still booked, giving its place back to the slot; null when it moved meanwhile. */
    async cancel(id: string, accountId: string, at: Date): Promise<AppointmentRow | null> {
      const done = await db.transaction(async (tx) => {
        const [a] = await tx.query<{ hall_id: string; category: string; slot_start: Date }>(
          `update queue_appointments set state = 'cancelled', cancelled_at = $3, updated_at = $3 where id = $1 and account_id = $2 and state = 'booked'
           returning hall_id, category, slot_start`,
          [id, accountId, at],
        )
        if (!a) return false
        await tx.query('update queue_appointment_slots set booked = booked - 1 where hall_id = $1 and category = $2 and slot_start = $3 and booked > 0', [a.hall_id, a.category, a.slot_start])
        return true
      })
      return done ? this.byId(id) : null
    },

    /**
     * Checks a booking in: a priority ticket of its category today through
     * the queue's day counter — or, when the person already waits there
     * with a walk-in number, that ticket raised to the priority — and the
     * booking marked, in one transaction. Null when it is no longer booked.
     */
    async checkIn(c: { id: string; accountId: string; at: Date; nearAhead: number }): Promise<{ appointment: AppointmentRow; ticket: TicketRow & { ahead: number } } | null> {
      const attempt = () => db.transaction(async (tx) => {
        const [a] = await tx.query<{ hall_id: string; category: string; day: string; slot_end: Date }>(
          `select hall_id, category, to_char(day, 'YYYY-MM-DD') as day, slot_end from queue_appointments where id = $1 and account_id = $2 and state = 'booked' for update`,
          [c.id, c.accountId],
        )
        if (!a) return null
        const queue = queueRepo(tx)
        const [held] = await tx.query<{ id: string }>(
          `select id::text as id from queue_tickets where hall_id = $1 and category = $2 and day = $3 and account_id = $4 and state in ('waiting', 'called') for update`,
          [a.hall_id, a.category, a.day, c.accountId],
        )
        let ticket: TicketRow & { ahead: number }
        if (held) {
          // First within the slot only (priority_until: its end), as a new priority ticket would be.
          const [raised] = await tx.query<{ id: string }>('update queue_tickets set priority = greatest(priority, $2), priority_until = $4, updated_at = $3 where id = $1 returning id::text as id', [held.id, APPOINTMENT_PRIORITY, c.at, a.slot_end])
          const row = (await queue.byId(raised!.id))!
          ticket = { ...row, ahead: row.state === 'waiting' ? await queue.ahead(row, c.at) : 0 }
        } else {
          ticket = await queue.take({
            hallId: a.hall_id, category: a.category, day: a.day, holder: { accountId: c.accountId, deviceId: null, phone: null }, at: c.at, nearAhead: c.nearAhead, priority: APPOINTMENT_PRIORITY, priorityUntil: a.slot_end,
          })
        }
        await tx.query(`update queue_appointments set state = 'checked_in', ticket_id = $2, checked_in_at = $3, updated_at = $3 where id = $1`, [c.id, ticket.id, c.at])
        return ticket
      })
      let ticket: (TicketRow & { ahead: number }) | null
      try {
        ticket = await attempt()
      } catch (e) {
        // A walk-in number taken by the same person at this very moment: once more, and that ticket is raised instead.
        if (!isConflict(e)) throw e
        ticket = await attempt()
      }
      if (!ticket) return null
      return { appointment: (await this.byId(c.id))!, ticket }
    },
  }
}
