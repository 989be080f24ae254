/**
 * The slot counter under simultaneous bookings, on PGlite and on the local
 * PostgreSQL (a pool of connections, so the bookings truly race): a slot
 * holding K takes exactly K of N; one person's simultaneous bookings of a
 * category's day make one; a booking checked in twice at once gives one
 * ticket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseVariants } from '../testing'
import type { Db } from './db'
import { migrate } from './migrations'
import { CASE_BACKFILLS } from '../cases/responsibility'
import { appointmentsRepo, AppointmentHeld } from './appointments'

const variants = await databaseVariants()
const HALL_ID = 'appt-test-hall'
const AT = new Date('2026-12-07T10:00:00+08:00')
const slot = (hhmm: string) => ({ slotStart: new Date(`2026-12-08T${hhmm}:00+08:00`), slotEnd: new Date(Date.parse(`2026-12-08T${hhmm}:00+08:00`) + 30 * 60_000) })

describe.each(variants)('appointment slots under simultaneous bookings, on $label', (variant) => {
  let db: Db
  let close: () => Promise<void>
  let phones = 0
  const accounts = async (n: number) => {
    const out: string[] = []
    for (let i = 0; i < n; i++) out.push((await db.query<{ id: string }>('insert into accounts (phone) values ($1) returning id::text as id', [`1378800${String(++phones).padStart(4, '0')}`]))[0]!.id)
    return out
  }
  beforeAll(async () => {
    ;({ db, close } = await variant.open())
    await migrate(db, CASE_BACKFILLS) // PostgreSQL comes empty; the PGlite snapshot is migrated already
    await db.query(`insert into halls (id, level, doc) values ($1, 'village', $2) on conflict (id) do nothing`, [HALL_ID, JSON.stringify({ id: HALL_ID, name: '测试便民服务站', address: '测试路1号' })])
  })
  afterAll(async () => { await close?.() })

  it('takes exactly K of N simultaneous bookings of one slot', async () => {
    const people = await accounts(60)
    const repo = appointmentsRepo(db)
    const results = await Promise.all(people.map((accountId) => repo.book({ hallId: HALL_ID, category: 'A', day: '2026-12-08', ...slot('09:00'), accountId, capacity: 7, at: AT })))
    expect(results.filter((r) => r !== null)).toHaveLength(7)
    expect((await repo.bookedPerSlot(HALL_ID, 'A', slot('09:00').slotStart, slot('09:30').slotStart)).get(slot('09:00').slotStart.getTime())).toBe(7)
    const [{ n }] = (await db.query<{ n: number }>(`select count(*)::int as n from queue_appointments where hall_id = $1 and slot_start = $2`, [HALL_ID, slot('09:00').slotStart])) as [{ n: number }]
    expect(n).toBe(7)
  }, 60_000)

  it('makes one of a person\'s simultaneous bookings of a category\'s day, counting only that one', async () => {
    const [me] = await accounts(1)
    const repo = appointmentsRepo(db)
    const times = ['13:30', '14:00', '14:30', '15:00', '15:30', '16:00']
    const settled = await Promise.allSettled(times.map((t) => repo.book({ hallId: HALL_ID, category: 'B', day: '2026-12-08', ...slot(t), accountId: me!, capacity: 3, at: AT })))
    expect(settled.filter((s) => s.status === 'fulfilled' && s.value !== null)).toHaveLength(1)
    expect(settled.filter((s) => s.status === 'rejected').every((s) => (s as PromiseRejectedResult).reason instanceof AppointmentHeld)).toBe(true)
    const counted = await repo.bookedPerSlot(HALL_ID, 'B', slot('13:30').slotStart, slot('16:30').slotStart)
    expect([...counted.values()].reduce((a, b) => a + b, 0)).toBe(1)
  }, 60_000)

  it('gives one ticket to a booking checked in twice at once', async () => {
    const [me] = await accounts(1)
    const repo = appointmentsRepo(db)
    const booked = (await repo.book({ hallId: HALL_ID, category: 'C', day: '2026-12-08', ...slot('10:00'), accountId: me!, capacity: 2, at: AT }))!
    const at = new Date('2026-12-08T09:50:00+08:00')
    const both = await Promise.all([0, 1].map(() => repo.checkIn({ id: booked.id, accountId: me!, at, nearAhead: 3 })))
    expect(both.filter((r) => r !== null)).toHaveLength(1)
    const ticket = both.find((r) => r !== null)!.ticket
    expect(ticket).toMatchObject({ number: 'C001', priority: 1, state: 'waiting', ahead: 0 })
    expect((await repo.byId(booked.id))).toMatchObject({ state: 'checked_in', ticket_id: ticket.id, ticket_number: 'C001' })
    const [{ n }] = (await db.query<{ n: number }>(`select count(*)::int as n from queue_tickets where hall_id = $1 and category = 'C'`, [HALL_ID])) as [{ n: number }]
    expect(n).toBe(1)
  }, 60_000)
})
