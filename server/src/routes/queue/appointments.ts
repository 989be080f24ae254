/**
 * 预约 (API.appointments): a hall's slots of a category for a day with the
 * room left in each, the halls taking appointments for an item; for the
 * signed-in citizen, booking, their appointments, cancelling and checking
 * in on arrival, which gives a priority ticket of the hall's queue (called
 * before the walk-ins; only within the check-in window, so a booking whose
 * slot is long past never jumps anyone).
 */
import type { FastifyInstance } from 'fastify'
import {
  API, appointmentRulesText, appointmentStatus, beijingTime, bookableDays, bookingIssues, checkInRefusalText, checkInTiming, checkInWindow, dayLabel,
  minutesEach, slotCapacity, slotLabel, slotText, slotTimes, waitRange, windowsServing,
  type AppointmentView, type HallQueueConfig, type TakenTicket,
} from '@tongban/core'
import { ProblemError } from '../../errors'
import { appointmentsRepo, AppointmentHeld, type AppointmentRow } from '../../store/appointments'
import { queueRepo, type TicketRow } from '../../store/queue'
import { implement } from '../define'
import { hallCache, type QueueHall } from './halls'

const DAY_MS = 86_400_000
/** Finished tickets this recent say how long a visitor takes. */
const SAMPLE_DAYS = 7

type Hall = QueueHall

export async function appointmentRoutes(app: FastifyInstance): Promise<void> {
  const repo = () => appointmentsRepo(app.db)
  const now = () => app.now()
  const calendar = () => app.clock.calendar

  const halls = hallCache(app)
  const findHall = (hallId: string) => halls.find(hallId)
  const hallOf = (hallId: string) => halls.get(hallId)

  const categoryName = (config: HallQueueConfig, code: string) => config.categories.find((c) => c.code === code)?.name ?? code
  const slotOf = (a: AppointmentRow) => ({ start: a.slot_start.getTime(), end: a.slot_end.getTime() })

  function view(a: AppointmentRow, hall: Hall | null, config: HallQueueConfig | null, at: number): AppointmentView {
    const slot = slotOf(a)
    const status = appointmentStatus(a.state, slot, at)
    const w = checkInWindow(slot)
    return {
      id: a.id, hallId: a.hall_id, hallName: hall?.name ?? a.hall_id, category: a.category, categoryName: config ? categoryName(config, a.category) : a.category,
      day: a.day, slotStart: a.slot_start.toISOString(), slotEnd: a.slot_end.toISOString(), slotText: slotText(slot, at), status,
      checkInFrom: new Date(w.from).toISOString(), checkInUntil: new Date(w.until).toISOString(),
      canCheckIn: status === 'booked' && checkInTiming(slot, at) === 'open', canCancel: status === 'booked',
      ticketId: a.ticket_id, ticketNumber: a.ticket_number, bookedAt: a.booked_at.toISOString(),
    }
  }

  async function viewOf(a: AppointmentRow, at: number): Promise<AppointmentView> {
    const found = await findHall(a.hall_id)
    return view(a, found?.hall ?? null, found?.config ?? null, at)
  }

  /** The ticket as a take answers it: its place and the wait as a range. */
  async function taken(t: TicketRow, ahead: number, config: HallQueueConfig): Promise<TakenTicket> {
    const category = config.categories.find((c) => c.code === t.category)
    const recent = category ? await queueRepo(app.db).serviceMinutes(t.hall_id, t.category, new Date(now() - SAMPLE_DAYS * DAY_MS)) : []
    const wait = waitRange(ahead, category ? minutesEach(category, recent) : 10, windowsServing(config, t.category).length)
    return { id: t.id, number: t.number, category: t.category, ahead, wait }
  }

  /** The citizen's own booking; another's is answered as none. */
  async function ownBooking(id: string, accountId: string): Promise<AppointmentRow> {
    const a = await repo().byId(id)
    if (!a || a.account_id !== accountId) throw new ProblemError('APPOINTMENT_NOT_FOUND')
    return a
  }

  implement(app, API.appointments.slots, async (request) => {
    const { hall, config } = await hallOf(request.params.hallId)
    const at = now()
    const q = request.query
    const days = bookableDays(config, at, calendar())
    const categories = config.categories.map((c) => ({ code: c.code, name: c.name, capacity: slotCapacity(config, c.code) }))
    const takes = (code: string) => categories.some((c) => c.code === code && c.capacity > 0)
    if (q.category !== undefined && !categories.some((c) => c.code === q.category)) {
      throw new ProblemError('VALIDATION', { errors: [{ path: 'category', code: 'not_in_hall', message: '这个大厅没有这项业务，请重新选择' }] })
    }
    if (q.day !== undefined && !days.includes(q.day)) {
      throw new ProblemError('VALIDATION', { errors: [{ path: 'day', code: 'too_far', message: '这一天不能预约，请在列出的日子里选择' }] })
    }
    const forItem = q.item ? config.categories.find((c) => c.items.includes(q.item!) && takes(c.code))?.code : undefined
    const category = q.category ?? forItem ?? categories.find((c) => c.capacity > 0)?.code ?? null
    const day = q.day ?? days[0] ?? null
    let slots: { start: string; end: string; label: string; capacity: number; left: number; bookable: boolean }[] = []
    if (category && day) {
      const times = slotTimes(config, day, calendar())
      const capacity = slotCapacity(config, category)
      const booked = times.length ? await repo().bookedPerSlot(hall.id, category, new Date(times[0]!.start), new Date(times.at(-1)!.end)) : new Map<number, number>()
      slots = times.map((s) => {
        const left = Math.max(0, capacity - (booked.get(s.start) ?? 0))
        return { start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), label: slotLabel(s), capacity, left, bookable: s.start > at && left > 0 }
      })
    }
    return {
      hall, categories, days: days.map((d) => ({ day: d, label: dayLabel(d, at) })), category, day: category && day ? day : null, slots, rules: appointmentRulesText(config),
    }
  })

  implement(app, API.appointments.halls, async (request) => {
    const guide = await app.catalogue.guide(request.params.code)
    if (!guide) throw new ProblemError('ITEM_NOT_FOUND')
    const out: { hallId: string; hallName: string; category: string; categoryName: string }[] = []
    for (const location of guide.item.locations) {
      const found = await findHall(location.hallId)
      if (!found || out.some((h) => h.hallId === found.hall.id)) continue
      const category = found.config.categories.find((c) => c.items.includes(guide.item.code) && slotCapacity(found.config, c.code) > 0)
      if (category) out.push({ hallId: found.hall.id, hallName: found.hall.name, category: category.code, categoryName: category.name })
    }
    return { halls: out }
  })

  implement(app, API.appointments.book, async (request, reply) => {
    const { hall, config } = await hallOf(request.body.hallId)
    const accountId = request.citizen.accountId
    const at = now()
    const errors = bookingIssues(config, request.body, at, calendar())
    if (errors.length) throw new ProblemError('VALIDATION', { errors })
    const start = Date.parse(request.body.slotStart)
    const day = beijingTime(start).day
    const slot = slotTimes(config, day, calendar()).find((s) => s.start === start)!
    const category = request.body.category
    const heldText = (a: AppointmentRow | null) => (a ? `您已预约了${slotText(slotOf(a), at)}的${categoryName(config, category)}` : undefined)
    // One a day per category, said before whether the slot has room.
    const held = await repo().heldBy(accountId, hall.id, category, day)
    if (held) throw new ProblemError('APPOINTMENT_HELD', { detail: heldText(held)! })
    let row: AppointmentRow | null
    try {
      row = await repo().book({ hallId: hall.id, category, day, slotStart: new Date(slot.start), slotEnd: new Date(slot.end), accountId, capacity: slotCapacity(config, category), at: new Date(at) })
    } catch (e) {
      if (!(e instanceof AppointmentHeld)) throw e
      const detail = heldText(e.appointmentId ? await repo().byId(e.appointmentId) : null)
      throw new ProblemError('APPOINTMENT_HELD', detail ? { detail } : {})
    }
    if (!row) throw new ProblemError('APPOINTMENT_FULL', { detail: `${slotText(slot, at)}已经约满了，请选择其他时段` })
    request.log.info({ hall: hall.id, category, slot: row.slot_start.toISOString() }, 'appointment booked')
    reply.code(201)
    return view(row, hall, config, at)
  })

  implement(app, API.appointments.mine, async (request) => {
    const at = now()
    const rows = await repo().mine(request.citizen.accountId, beijingTime(at).day)
    return { appointments: await Promise.all(rows.map((a) => viewOf(a, at))), today: beijingTime(at).day }
  })

  const NOT_BOOKED_TEXT = {
    checked_in: '已经签到取号了，预约不能再取消；不办了请在“我的号”里取消排队',
    cancelled: '这个预约已经取消了',
    missed: '预约时段已过，这个预约已失效，不用取消',
  } as const

  implement(app, API.appointments.cancel, async (request) => {
    const accountId = request.citizen.accountId
    const a = await ownBooking(request.params.id, accountId)
    const at = now()
    const status = appointmentStatus(a.state, slotOf(a), at)
    if (status !== 'booked') throw new ProblemError('APPOINTMENT_STATE', { detail: NOT_BOOKED_TEXT[status] })
    const row = await repo().cancel(a.id, accountId, new Date(at))
    if (!row) throw new ProblemError('APPOINTMENT_STATE')
    return viewOf(row, at)
  })

  implement(app, API.appointments.checkIn, async (request, reply) => {
    const accountId = request.citizen.accountId
    const a = await ownBooking(request.params.id, accountId)
    const { config } = await hallOf(a.hall_id)
    const at = now()
    // Pressed twice (or on a second device): the same ticket again.
    if (a.state === 'checked_in' && a.ticket_id) {
      const t = await queueRepo(app.db).byId(a.ticket_id)
      if (t) return { appointment: await viewOf(a, at), ticket: await taken(t, t.state === 'waiting' ? await queueRepo(app.db).ahead(t, new Date(at)) : 0, config) }
    }
    if (a.state === 'cancelled') throw new ProblemError('APPOINTMENT_STATE', { detail: '这个预约已经取消了，请直接取号排队' })
    const slot = slotOf(a)
    const timing = checkInTiming(slot, at)
    if (timing === 'early') throw new ProblemError('CHECK_IN_TOO_EARLY', { detail: checkInRefusalText('early', slot, at) })
    if (timing === 'late') throw new ProblemError('CHECK_IN_TOO_LATE', { detail: checkInRefusalText('late', slot, at) })
    const done = await repo().checkIn({ id: a.id, accountId, at: new Date(at), nearAhead: config.nearAhead })
    if (!done) throw new ProblemError('APPOINTMENT_STATE')
    const t = done.ticket
    app.live.publishToHall(t.hall_id, { type: 'queue', hallId: t.hall_id, ticketId: t.id, number: t.number, category: t.category, state: t.state, windowNo: t.window_no, recall: false })
    request.log.info({ hall: t.hall_id, number: t.number }, 'appointment checked in')
    reply.code(201)
    return { appointment: await viewOf(done.appointment, at), ticket: await taken(t, t.ahead, config) }
  })
}
