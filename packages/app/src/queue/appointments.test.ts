import { describe, expect, it } from 'vitest'
import { ApiError, makeProblem, type AppointmentSlots, type AppointmentView } from '@tongban/core'
import { testPlatform } from '../testing'
import { checkInHint, useAppointmentBooking, useMyAppointments } from './appointments'
import { keptTickets } from './queue'

const NOW = Date.parse('2026-12-07T10:20:00+08:00')
const HALL_ID = 'sls-zwfwzx'
const ID = '00000000-0000-4000-8000-00000000000a'
const TICKET = '00000000-0000-4000-8000-00000000000b'

const slotsOf = (category: string, day: string): AppointmentSlots => ({
  hall: { id: HALL_ID, name: '示例市政务服务中心', address: '人民大道188号' },
  categories: [{ code: 'A', name: '综合受理', capacity: 6 }, { code: 'D', name: '公安户政', capacity: 6 }],
  days: [{ day: '2026-12-07', label: '今天 12月7日 周一' }, { day: '2026-12-08', label: '明天 12月8日 周二' }],
  category, day,
  slots: [{ start: `${day}T02:30:00.000Z`, end: `${day}T03:00:00.000Z`, label: '10:30-11:00', capacity: 6, left: 2, bookable: true }],
  rules: '可预约今天起7个办公日以内的时段',
})
const view = (over: Partial<AppointmentView> = {}): AppointmentView => ({
  id: ID, hallId: HALL_ID, hallName: '示例市政务服务中心', category: 'A', categoryName: '综合受理', day: '2026-12-07',
  slotStart: '2026-12-07T02:30:00.000Z', slotEnd: '2026-12-07T03:00:00.000Z', slotText: '今天 12月7日 周一 10:30-11:00', status: 'booked',
  checkInFrom: '2026-12-07T02:15:00.000Z', checkInUntil: '2026-12-07T03:10:00.000Z', canCheckIn: true, canCancel: true, ticketId: null, ticketNumber: null,
  bookedAt: '2026-12-06T02:00:00.000Z', ...over,
})

describe('useAppointmentBooking', () => {
  it('opens on the item\'s category, keeps the choice, and starts a new category on its first day', async () => {
    const queries: unknown[] = []
    const t = testPlatform({
      'appointments.slots': async ({ query }) => {
        queries.push(query)
        return slotsOf(query?.category ?? 'D', query?.day ?? '2026-12-07')
      },
    }, { now: () => NOW })
    const page = t.within(() => useAppointmentBooking(() => HALL_ID, { item: () => 'GA-0002' }))
    await page.load()
    expect(page.state.value).toBe('ready')
    await page.choose({ day: '2026-12-08' })
    await page.choose({ category: 'A' })
    expect(queries).toEqual([{ item: 'GA-0002' }, { category: 'D', day: '2026-12-08' }, { category: 'A' }])
  })

  it('books a slot; a refusal stays on screen and a 401 asks for a sign-in', async () => {
    const bodies: unknown[] = []
    let answer: () => Promise<AppointmentView> = async () => view()
    const t = testPlatform({
      'appointments.slots': async () => slotsOf('A', '2026-12-07'),
      'appointments.book': async ({ body }) => { bodies.push(body); return answer() },
    }, { now: () => NOW })
    const page = t.within(() => useAppointmentBooking(() => HALL_ID))
    await page.load()
    expect(await page.book('2026-12-07T02:30:00.000Z')).toMatchObject({ id: ID })
    expect(bodies).toEqual([{ hallId: HALL_ID, category: 'A', slotStart: '2026-12-07T02:30:00.000Z' }])
    answer = () => Promise.reject(new ApiError(makeProblem('APPOINTMENT_FULL')))
    expect(await page.book('2026-12-07T02:30:00.000Z')).toBeNull()
    expect(page.bookProblem.value?.title).toBe('这个时段已经约满了，请选择其他时段')
    expect(page.booking.value).toBeNull()
    answer = () => Promise.reject(new ApiError(makeProblem('UNAUTHENTICATED')))
    await page.book('2026-12-07T02:30:00.000Z')
    expect(page.needsSignIn.value).toBe(true)
  })
})

describe('useMyAppointments', () => {
  it('lists today\'s in the hall (today by the BFF\'s clock), checks in, and keeps the ticket on this device', async () => {
    const t = testPlatform({
      'appointments.mine': async () => ({ appointments: [view(), view({ id: `${ID.slice(0, -1)}c`, day: '2026-12-08', slotText: '明天' }), view({ id: `${ID.slice(0, -1)}d`, hallId: 'other' })], today: '2026-12-07' }),
      'appointments.checkIn': async () => ({
        appointment: view({ status: 'checked_in', canCheckIn: false, canCancel: false, ticketId: TICKET, ticketNumber: 'A003' }),
        ticket: { id: TICKET, number: 'A003', category: 'A', ahead: 0, wait: { min: 0, max: 5 } },
      }),
    }, { now: () => NOW })
    const page = t.within(() => useMyAppointments({ hallId: () => HALL_ID }))
    await page.load()
    expect(page.today.value.map((a) => a.id)).toEqual([ID])
    expect(page.upcoming.value).toHaveLength(2)
    expect(await page.checkIn(ID)).toBe(TICKET)
    expect(page.today.value[0]?.status).toBe('checked_in')
    expect(await keptTickets(t.storage, NOW)).toEqual([{ id: TICKET, hallId: HALL_ID, number: 'A003', category: 'A', day: '2026-12-07' }])
  })

  it('reads which are today\'s by the BFF\'s day, not a phone clock a day behind', async () => {
    const t = testPlatform({ 'appointments.mine': async () => ({ appointments: [view(), view({ id: `${ID.slice(0, -1)}c`, day: '2026-12-06' })], today: '2026-12-07' }) }, { now: () => NOW - 86_400_000 })
    const page = t.within(() => useMyAppointments())
    await page.load()
    expect(page.today.value.map((a) => a.id)).toEqual([ID])
  })

  it('keeps a refused check-in\'s words, and says signed out on a 401', async () => {
    let fail = makeProblem('CHECK_IN_TOO_EARLY', { detail: '还没到签到时间。请在10:15以后签到' })
    const t = testPlatform({
      'appointments.mine': async () => { if (fail.code === 'UNAUTHENTICATED') throw new ApiError(fail); return { appointments: [view()], today: '2026-12-07' } },
      'appointments.checkIn': async () => { throw new ApiError(fail) },
    }, { now: () => NOW })
    const page = t.within(() => useMyAppointments())
    await page.load()
    expect(await page.checkIn(ID)).toBeNull()
    expect(page.problem.value?.detail).toBe('还没到签到时间。请在10:15以后签到')
    expect(page.state.value).toBe('ready')
    fail = makeProblem('UNAUTHENTICATED')
    await page.load()
    expect(page.state.value).toBe('signedOut')
  })

  it('says when check-in opens, while it is open, and the number once checked in', () => {
    expect(checkInHint(view({ canCheckIn: false }))).toBe('10:15 起可以签到取号')
    expect(checkInHint(view())).toBe('请现在签到取号（11:10 前），签到后优先叫号')
    expect(checkInHint(view({ status: 'checked_in', ticketNumber: 'A003' }))).toBe('已签到，您的号是 A003')
    expect(checkInHint(view({ status: 'missed', canCheckIn: false }))).toBe('')
  })
})
