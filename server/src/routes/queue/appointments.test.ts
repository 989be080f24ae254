/**
 * 预约 as a citizen and a window use it: a hall's slots with the room left,
 * booking (one per category and day; a full slot refused), cancelling
 * (the place goes back), checking in on arrival — too early and too late
 * refused in words, in time a priority ticket through the hall's own
 * counter, called before the walk-ins who took numbers earlier; a booking
 * whose slot is past gives no ticket and jumps nobody. Then N simultaneous
 * bookings of a slot holding K: exactly K.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppointmentHalls, AppointmentSlots, AppointmentView, CheckedIn, HallQueue, HallQueueSetup, MyAppointments, Problem, StaffTicket, TakenTicket, TicketView } from '@tongban/core'
import { signInCitizen, startTestServer, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { HALL } from '../../../seed/halls'
import { queueRepo } from '../../store/queue'

/** Monday 2026-12-07, 10:00 in Beijing. */
let clock = Date.parse('2026-12-07T10:00:00+08:00')
const bj = (hhmm: string, day = '2026-12-07') => Date.parse(`${day}T${hhmm}:00+08:00`)
const iso = (hhmm: string, day = '2026-12-07') => new Date(bj(hhmm, day)).toISOString()
let server: TestServer
let clerk: string
beforeAll(async () => {
  server = await startTestServer({ now: () => clock, config: { processRole: 'web' } })
  clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
})
afterAll(async () => server?.close())

const CITY: string = HALL.city.id
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
let phones = 0
let ips = 0
/** A new citizen, signed in. */
const citizen = async () => (await signInCitizen(server.app, `1396677${String(++phones).padStart(4, '0')}`, `10.71.${Math.floor(++ips / 200)}.${ips % 200}`, { realName: false })).token
const slots = async (query: string, hall = CITY) => server.app.inject({ url: `/api/halls/${hall}/appointment-slots${query}` })
const book = (token: string, body: object) => server.app.inject({ method: 'POST', url: '/api/me/appointments', payload: body, headers: bearer(token) })
const mine = async (token: string) => (await server.app.inject({ url: '/api/me/appointments', headers: bearer(token) })).json<MyAppointments>().appointments
const cancel = (token: string, id: string) => server.app.inject({ method: 'POST', url: `/api/me/appointments/${id}/cancel`, headers: bearer(token) })
const checkIn = (token: string, id: string) => server.app.inject({ method: 'POST', url: `/api/me/appointments/${id}/check-in`, headers: bearer(token) })
const take = (body: object, headers: Record<string, string> = {}) => server.app.inject({ method: 'POST', url: `/api/halls/${CITY}/tickets`, payload: body, headers })
const device = (n: number) => `appt-device-${String(n).padStart(8, '0')}`
const call = (windowNo: number) => server.app.inject({ method: 'POST', url: `/api/staff/queue/windows/${windowNo}/call`, headers: bearer(clerk) })
const finish = async (id: string) => {
  for (const action of ['serve', 'finish']) expect((await server.app.inject({ method: 'POST', url: `/api/staff/tickets/${id}/actions`, payload: { action }, headers: bearer(clerk) })).statusCode).toBe(200)
}
const problemOf = (res: { statusCode: number; headers: Record<string, unknown>; json<T>(): T }) => {
  expect(String(res.headers['content-type'])).toContain('application/problem+json')
  return res.json<Problem>()
}
/** Runs `fn` with the clock at a moment, then puts it back. */
async function at<T>(moment: number, fn: () => Promise<T>): Promise<T> {
  const saved = clock
  clock = moment
  try { return await fn() } finally { clock = saved }
}

describe('a hall\'s slots', () => {
  it('lists the bookable days and a category\'s slots with the room each has left', async () => {
    const res = await slots('?category=A')
    expect(res.statusCode).toBe(200)
    const s = res.json<AppointmentSlots>()
    expect(s.hall.name).toBe(HALL.city.name)
    // Two windows each for A–D and window 9 for all: 3 windows × 2.
    expect(s.categories).toEqual([
      { code: 'A', name: '综合受理', capacity: 6 }, { code: 'B', name: '社保医保', capacity: 6 }, { code: 'C', name: '不动产登记', capacity: 6 }, { code: 'D', name: '公安户政', capacity: 6 },
    ])
    expect(s.days.map((d) => d.label)).toEqual(['今天 12月7日 周一', '明天 12月8日 周二', '12月9日 周三', '12月10日 周四', '12月11日 周五', '12月12日 周六', '12月14日 周一', '12月15日 周二'])
    expect([s.category, s.day]).toEqual(['A', '2026-12-07'])
    expect(s.slots.map((x) => x.label)).toEqual(['9:00-9:30', '9:30-10:00', '10:00-10:30', '10:30-11:00', '11:00-11:30', '13:30-14:00', '14:00-14:30', '14:30-15:00', '15:00-15:30', '15:30-16:00', '16:00-16:30'])
    // Those begun are not offered.
    expect(s.slots.filter((x) => x.bookable).map((x) => x.label)[0]).toBe('10:30-11:00')
    expect(s.slots.find((x) => x.label === '10:30-11:00')).toEqual({ start: iso('10:30'), end: iso('11:00'), label: '10:30-11:00', capacity: 6, left: 6, bookable: true })
    expect(s.rules).toContain('签到后优先叫号')
  })

  it('opens on the category serving the item the guide came from, and lists the halls taking appointments for it', async () => {
    expect((await slots('?item=GA-0002')).json<AppointmentSlots>().category).toBe('D')
    const halls = (await server.app.inject({ url: '/api/items/GA-0002/appointment-halls' })).json<AppointmentHalls>().halls
    expect(halls[0]).toEqual({ hallId: CITY, hallName: HALL.city.name, category: 'D', categoryName: '公安户政' })
    expect(halls.map((h) => h.hallId)).toContain(HALL.qingshan.id)
    expect((await server.app.inject({ url: '/api/items/NO-9999/appointment-halls' })).statusCode).toBe(404)
  })

  it('answers an unknown hall, a category not there and a day out of reach in words', async () => {
    const unknown = await slots('', 'no-such-hall')
    expect(unknown.statusCode).toBe(404)
    expect(problemOf(unknown).code).toBe('HALL_NOT_FOUND')
    expect(problemOf(await slots('?category=Z')).errors).toEqual([{ path: 'category', code: 'not_in_hall', message: '这个大厅没有这项业务，请重新选择' }])
    expect(problemOf(await slots('?day=2026-12-13')).errors?.[0]?.message).toBe('这一天不能预约，请在列出的日子里选择')
    expect((await slots('?day=tomorrow')).statusCode).toBe(400)
  })
})

describe('booking', () => {
  it('books a slot for a signed-in citizen, one per category and day, and shows it under 我的预约', async () => {
    const token = await citizen()
    const res = await book(token, { hallId: CITY, category: 'A', slotStart: iso('14:00') })
    expect(res.statusCode).toBe(201)
    const a = res.json<AppointmentView>()
    expect(a).toMatchObject({
      hallId: CITY, hallName: HALL.city.name, category: 'A', categoryName: '综合受理', day: '2026-12-07', slotStart: iso('14:00'), slotEnd: iso('14:30'),
      slotText: '今天 12月7日 周一 14:00-14:30', status: 'booked', checkInFrom: iso('13:45'), checkInUntil: iso('14:40'), canCheckIn: false, canCancel: true, ticketId: null,
    })
    expect((await slots('?category=A')).json<AppointmentSlots>().slots.find((s) => s.start === iso('14:00'))?.left).toBe(5)

    // Another slot of A that day: refused, saying which one they hold; B that day and A tomorrow are fine.
    const again = await book(token, { hallId: CITY, category: 'A', slotStart: iso('15:00') })
    expect(again.statusCode).toBe(409)
    expect(problemOf(again)).toMatchObject({ code: 'APPOINTMENT_HELD', title: '您这一天已经预约了这项业务，不用重复预约；要换时段请先取消原来的预约', detail: '您已预约了今天 12月7日 周一 14:00-14:30的综合受理' })
    expect((await book(token, { hallId: CITY, category: 'B', slotStart: iso('15:00') })).statusCode).toBe(201)
    expect((await book(token, { hallId: CITY, category: 'A', slotStart: iso('09:00', '2026-12-08') })).statusCode).toBe(201)
    expect((await server.app.inject({ url: '/api/me/appointments', headers: bearer(token) })).json<MyAppointments>().today).toBe('2026-12-07')
    expect((await mine(token)).map((x) => `${x.category} ${x.slotText}`)).toEqual(['A 今天 12月7日 周一 14:00-14:30', 'B 今天 12月7日 周一 15:00-15:30', 'A 明天 12月8日 周二 9:00-9:30'])
  })

  it('refuses a slot begun, out of reach or not a slot, field by field, and anyone not signed in', async () => {
    const token = await citizen()
    for (const [slotStart, message] of [
      [iso('09:30'), '这个时段已经开始或已过去，请选择以后的时段'],
      [iso('10:15'), '没有这个预约时段，请重新选择'],
      [iso('09:00', '2026-12-16'), '只能预约今天起7个办公日以内的时段，请重新选择'],
    ] as const) {
      const res = await book(token, { hallId: CITY, category: 'C', slotStart })
      expect(res.statusCode).toBe(400)
      expect(problemOf(res).errors).toEqual([{ path: 'slotStart', code: expect.any(String), message }])
    }
    expect((await book(token, { hallId: 'no-such-hall', category: 'C', slotStart: iso('14:00') })).statusCode).toBe(404)
    const anonymous = await server.app.inject({ method: 'POST', url: '/api/me/appointments', payload: { hallId: CITY, category: 'C', slotStart: iso('14:00') } })
    expect(anonymous.statusCode).toBe(401)
    expect((await mine(token))).toEqual([])
  })

  it('refuses a full slot with 409 in words; a cancellation gives the place back', async () => {
    const tokens = await Promise.all(Array.from({ length: 7 }, () => citizen()))
    const body = { hallId: CITY, category: 'C', slotStart: iso('16:00') }
    const ids: string[] = []
    for (const t of tokens.slice(0, 6)) {
      const res = await book(t, body)
      expect(res.statusCode).toBe(201)
      ids.push(res.json<AppointmentView>().id)
    }
    const full = await book(tokens[6]!, body)
    expect(full.statusCode).toBe(409)
    expect(problemOf(full)).toMatchObject({ code: 'APPOINTMENT_FULL', title: '这个时段已经约满了，请选择其他时段', detail: '今天 12月7日 周一 16:00-16:30已经约满了，请选择其他时段' })
    expect((await slots('?category=C')).json<AppointmentSlots>().slots.find((s) => s.start === iso('16:00'))).toMatchObject({ left: 0, bookable: false })

    // Someone else cannot cancel it (it is not found for them); its holder can, once.
    expect(problemOf(await cancel(tokens[6]!, ids[0]!)).code).toBe('APPOINTMENT_NOT_FOUND')
    const cancelled = await cancel(tokens[0]!, ids[0]!)
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json<AppointmentView>()).toMatchObject({ status: 'cancelled', canCancel: false, canCheckIn: false })
    const twice = await cancel(tokens[0]!, ids[0]!)
    expect(twice.statusCode).toBe(409)
    expect(problemOf(twice)).toMatchObject({ code: 'APPOINTMENT_STATE', detail: '这个预约已经取消了' })
    expect((await slots('?category=C')).json<AppointmentSlots>().slots.find((s) => s.start === iso('16:00'))?.left).toBe(1)
    expect((await book(tokens[6]!, body)).statusCode).toBe(201)
    // A cancelled booking no longer counts as the day's one.
    expect((await book(tokens[0]!, { ...body, slotStart: iso('15:30') })).statusCode).toBe(201)
  })
})

describe('checking in', () => {
  it('refuses too early in words; in time gives a priority ticket called before older walk-ins', async () => {
    const token = await citizen()
    const a = (await book(token, { hallId: CITY, category: 'A', slotStart: iso('10:30') })).json<AppointmentView>()
    const early = await checkIn(token, a.id)
    expect(early.statusCode).toBe(409)
    expect(problemOf(early)).toMatchObject({ code: 'CHECK_IN_TOO_EARLY', title: '还没到签到时间，预约时段开始前15分钟起可以签到', detail: '还没到签到时间。您预约的是今天 12月7日 周一 10:30-11:00，请在10:15以后签到' })
    expect((await mine(token))[0]).toMatchObject({ status: 'booked', ticketId: null })

    // Two walk-ins take numbers in A first.
    const w1 = (await take({ category: 'A', deviceId: device(1) })).json<TakenTicket>()
    const w2 = (await take({ category: 'A', deviceId: device(2) })).json<TakenTicket>()
    expect([w1.number, w2.number]).toEqual(['A001', 'A002'])

    const checked = await at(bj('10:20'), async () => checkIn(token, a.id))
    expect(checked.statusCode).toBe(201)
    const c = checked.json<CheckedIn>()
    // The next number of the day's counter, first in line.
    expect(c.ticket).toMatchObject({ number: 'A003', category: 'A', ahead: 0 })
    expect(c.appointment).toMatchObject({ status: 'checked_in', ticketId: c.ticket.id, ticketNumber: 'A003', canCheckIn: false, canCancel: false })
    expect((await server.app.inject({ url: `/api/tickets/${w1.id}` })).json<TicketView>().ahead).toBe(1)
    expect((await queueRepo(server.app.db).byId(c.ticket.id))).toMatchObject({ priority: 1, account_id: expect.any(String) })
    // Pressed again: the same ticket, no second number.
    const again = await at(bj('10:21'), async () => checkIn(token, a.id))
    expect([again.statusCode, again.json<CheckedIn>().ticket.id]).toEqual([200, c.ticket.id])
    // Cancelling a booking checked in is refused: the ticket is what to cancel.
    expect(problemOf(await cancel(token, a.id)).detail).toBe('已经签到取号了，预约不能再取消；不办了请在“我的号”里取消排队')

    // Window 1 calls: the appointment first, then the walk-ins in their order.
    const first = await at(bj('10:30'), async () => call(1))
    expect(first.json<StaffTicket>()).toMatchObject({ id: c.ticket.id, number: 'A003' })
    await finish(c.ticket.id)
    expect((await call(1)).json<StaffTicket>().number).toBe('A001')
    await finish(w1.id)
    expect((await call(1)).json<StaffTicket>().number).toBe('A002')
    await finish(w2.id)
  })

  it('goes first only within its slot: once the slot has ended, a checked-in ticket waits by its time', async () => {
    const token = await citizen()
    const a = (await book(token, { hallId: CITY, category: 'C', slotStart: iso('10:30') })).json<AppointmentView>()
    // A walk-in came before the check-in.
    const walkIn = (await at(bj('10:20'), async () => take({ category: 'C', deviceId: device(30) }))).json<TakenTicket>()
    const c = (await at(bj('10:25'), async () => checkIn(token, a.id))).json<CheckedIn>()
    const ahead = async (id: string, when: number) => at(when, async () => (await server.app.inject({ url: `/api/tickets/${id}` })).json<TicketView>().ahead)
    // Within the slot (10:30–11:00) the appointment goes first …
    expect([await ahead(c.ticket.id, bj('10:50')), await ahead(walkIn.id, bj('10:50'))]).toEqual([0, 1])
    // … once it has ended, both wait by their time: the walk-in came first.
    expect([await ahead(c.ticket.id, bj('11:05')), await ahead(walkIn.id, bj('11:05'))]).toEqual([1, 0])
    expect((await at(bj('11:05'), async () => call(5))).json<StaffTicket>().id).toBe(walkIn.id)
    await finish(walkIn.id)
    expect((await at(bj('11:06'), async () => call(5))).json<StaffTicket>().id).toBe(c.ticket.id)
    await finish(c.ticket.id)
  })

  it('raises the walk-in number a person already holds in that category instead of giving a second', async () => {
    const token = await citizen()
    const a = (await book(token, { hallId: CITY, category: 'B', slotStart: iso('10:30') })).json<AppointmentView>()
    const walkIn = (await take({ category: 'B', deviceId: device(10) })).json<TakenTicket>()
    const own = (await take({ category: 'B' }, bearer(token))).json<TakenTicket>()
    expect(own.ahead).toBe(1)
    const c = (await at(bj('10:15'), async () => checkIn(token, a.id))).json<CheckedIn>()
    expect(c.ticket).toMatchObject({ id: own.id, number: own.number, ahead: 0 })
    expect((await server.app.inject({ url: `/api/tickets/${walkIn.id}` })).json<TicketView>().ahead).toBe(1)
    expect((await call(3)).json<StaffTicket>().id).toBe(own.id)
  })

  it('after the check-in time refuses in words: no ticket, nobody jumped, the booking shown 已过期', async () => {
    const token = await citizen()
    const a = (await book(token, { hallId: CITY, category: 'D', slotStart: iso('10:30') })).json<AppointmentView>()
    const walkIn = (await take({ category: 'D', deviceId: device(20) })).json<TakenTicket>()
    await at(bj('11:11'), async () => {
      const late = await checkIn(token, a.id)
      expect(late.statusCode).toBe(409)
      expect(problemOf(late)).toMatchObject({ code: 'CHECK_IN_TOO_LATE', title: '签到时间已过，这个预约已失效，请直接取号排队', detail: '签到时间已过（预约时段10:30-11:00，签到截止11:10），这个预约已失效。请直接取号排队，或重新预约' })
      expect((await mine(token))[0]).toMatchObject({ status: 'missed', canCheckIn: false, canCancel: false, ticketId: null })
      expect(problemOf(await cancel(token, a.id)).detail).toBe('预约时段已过，这个预约已失效，不用取消')
      const q = (await server.app.inject({ url: `/api/halls/${CITY}/queue` })).json<HallQueue>()
      expect(q.categories.find((x) => x.code === 'D')?.waiting).toBe(1)
      // The window calls the walk-in: the past booking jumps nobody.
      expect((await call(7)).json<StaffTicket>().id).toBe(walkIn.id)
    })
    // A booking of another account is not theirs to check in.
    const stranger = await citizen()
    expect(problemOf(await checkIn(stranger, a.id)).code).toBe('APPOINTMENT_NOT_FOUND')
  })

  it('checks in a booking of another day only on that day', async () => {
    const token = await citizen()
    const a = (await book(token, { hallId: CITY, category: 'C', slotStart: iso('09:00', '2026-12-08') })).json<AppointmentView>()
    expect(problemOf(await checkIn(token, a.id)).detail).toBe('还没到签到时间。您预约的是明天 12月8日 周二 9:00-9:30，请在明天 12月8日 周二 8:45以后签到')
    const c = await at(bj('08:50', '2026-12-08'), async () => checkIn(token, a.id))
    expect(c.statusCode).toBe(201)
    expect(c.json<CheckedIn>().ticket.number).toBe('C001')
  })
})

describe('N simultaneous bookings of a slot holding K (PGlite)', () => {
  it('books exactly K and refuses the rest as full', async () => {
    const hall = HALL.shiqiao.id
    const repo = queueRepo(server.app.db)
    const config = (await repo.config(hall))!
    // One window serves A there; 5 per window.
    await repo.saveConfig(hall, { ...config, appointments: { slotMinutes: 30, perWindow: 5, daysAhead: 7 } })
    const tokens = await Promise.all(Array.from({ length: 30 }, () => citizen()))
    const slotStart = iso('14:00', '2026-12-08')
    const answers = await Promise.all(tokens.map((t) => book(t, { hallId: hall, category: 'A', slotStart })))
    const codes = answers.map((r) => (r.statusCode === 201 ? 'booked' : problemOf(r).code))
    expect(codes.filter((c) => c === 'booked')).toHaveLength(5)
    expect(codes.filter((c) => c === 'APPOINTMENT_FULL')).toHaveLength(25)
    const [row] = await server.app.db.query<{ booked: number; n: number }>(
      `select s.booked, (select count(*)::int from queue_appointments a where a.hall_id = s.hall_id and a.slot_start = s.slot_start and a.state = 'booked') as n
       from queue_appointment_slots s where s.hall_id = $1 and s.category = 'A' and s.slot_start = $2`, [hall, slotStart],
    )
    expect(row).toEqual({ booked: 5, n: 5 })
    expect((await slots('?category=A&day=2026-12-08', hall)).json<AppointmentSlots>().slots.find((s) => s.start === slotStart)).toMatchObject({ capacity: 5, left: 0, bookable: false })
  }, 120_000)
})

describe('the hall_admin\'s 排队设置', () => {
  it('keeps a hall\'s appointment settings through a save, and refuses them out of bounds', async () => {
    const admin = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'hall_admin', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    const setup = (await server.app.inject({ url: '/api/staff/hall/queue-config', headers: bearer(admin) })).json<HallQueueSetup>()
    expect(setup.config.appointments).toBeUndefined()
    const put = (config: object) => server.app.inject({ method: 'PUT', url: '/api/staff/hall/queue-config', payload: config, headers: bearer(admin) })
    try {
      const saved = await put({ ...setup.config, appointments: { slotMinutes: 20, perWindow: 1, daysAhead: 5 } })
      expect(saved.statusCode, saved.body).toBe(200)
      expect(saved.json<HallQueueSetup>().config.appointments).toEqual({ slotMinutes: 20, perWindow: 1, daysAhead: 5 })
      // The console sends back what it read: the settings stay.
      const again = (await server.app.inject({ url: '/api/staff/hall/queue-config', headers: bearer(admin) })).json<HallQueueSetup>()
      expect((await put(again.config)).json<HallQueueSetup>().config.appointments).toEqual({ slotMinutes: 20, perWindow: 1, daysAhead: 5 })
      const bad = await put({ ...setup.config, appointments: { slotMinutes: 5, perWindow: 1, daysAhead: 5 } })
      expect(bad.statusCode).toBe(400)
      expect(problemOf(bad).errors).toEqual([{ path: 'appointments.slotMinutes', code: 'minimum', message: '预约时段长度请填10到240分钟' }])
    } finally {
      expect((await put(setup.config)).statusCode).toBe(200)
    }
  })
})
