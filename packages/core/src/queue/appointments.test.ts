import { describe, expect, it } from 'vitest'
import {
  appointmentRulesText, appointmentSettings, appointmentStatus, bookableDays, bookingIssues, checkInRefusalText, checkInText, checkInTiming, checkInWindow,
  dayLabel, slotCapacity, slotLabel, slotRefusal, slotText, slotTimes,
} from './appointments'
import type { HallQueueConfig } from './rules'

const at = (s: string) => Date.parse(s)
const bj = (day: string, hhmm: string) => at(`${day}T${hhmm}:00+08:00`)

/** The city hall's shape: A served by windows 1, 2 and 9; B by 3, 4 and 9; C by nobody. */
const config: HallQueueConfig = {
  categories: [
    { code: 'A', name: '综合受理', items: [], serviceMinutes: 10 },
    { code: 'B', name: '社保医保', items: [], serviceMinutes: 8 },
    { code: 'C', name: '不动产登记', items: [], serviceMinutes: 15 },
  ],
  windows: [{ no: 1, categories: ['A'] }, { no: 2, categories: ['A'] }, { no: 3, categories: ['B'] }, { no: 4, categories: ['B'] }, { no: 9, categories: ['A', 'B'] }],
  hours: { workdays: [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:00' }], saturday: [{ from: '09:00', to: '12:00' }], lastTakeMinutes: 30 },
  recalls: 2, recallWindowMinutes: 30, nearAhead: 3,
}
/** Monday 2026-12-07, 10:05 in Beijing. */
const NOW = bj('2026-12-07', '10:05')

describe('slots', () => {
  it('cuts each opening session into 30-minute slots ending by the last time to take a number', () => {
    const slots = slotTimes(config, '2026-12-07')
    expect(slots.map(slotLabel)).toEqual([
      '9:00-9:30', '9:30-10:00', '10:00-10:30', '10:30-11:00', '11:00-11:30',
      '13:30-14:00', '14:00-14:30', '14:30-15:00', '15:00-15:30', '15:30-16:00', '16:00-16:30',
    ])
    expect(slots[0]).toEqual({ start: at('2026-12-07T01:00:00Z'), end: at('2026-12-07T01:30:00Z') })
    // Saturday: the morning only; Sunday and a holiday: none; a make-up Saturday: a working day's.
    expect(slotTimes(config, '2026-12-12').length).toBe(5)
    expect(slotTimes(config, '2026-12-13')).toEqual([])
    expect(slotTimes(config, '2026-10-01')).toEqual([])
    expect(slotTimes(config, '2026-10-10').length).toBe(11)
  })

  it('follows the hall\'s own slot length, and never lets a slot run past the session', () => {
    const hourly = { ...config, appointments: { slotMinutes: 45, perWindow: 1, daysAhead: 3 } }
    // 9:00–11:30 holds three 45-minute slots (the fourth would end at 12:15).
    expect(slotTimes(hourly, '2026-12-07').map(slotLabel).slice(0, 4)).toEqual(['9:00-9:45', '9:45-10:30', '10:30-11:15', '13:30-14:15'])
    expect(slotTimes({ ...config, appointments: { slotMinutes: 0, perWindow: 2, daysAhead: 7 } }, '2026-12-07')).toEqual([])
  })

  it('holds perWindow appointments for each window serving the category', () => {
    expect(appointmentSettings(config)).toEqual({ slotMinutes: 30, perWindow: 2, daysAhead: 7 })
    expect(slotCapacity(config, 'A')).toBe(6)
    expect(slotCapacity(config, 'B')).toBe(6)
    expect(slotCapacity(config, 'C')).toBe(0)
    expect(slotCapacity({ ...config, appointments: { slotMinutes: 30, perWindow: 1, daysAhead: 7 } }, 'A')).toBe(3)
  })
})

describe('which may be booked', () => {
  it('offers today while a slot lies ahead, then the next 7 days the hall opens (Saturday mornings count, Sundays not)', () => {
    expect(bookableDays(config, NOW)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-14', '2026-12-15'])
    // After the last slot began, today is gone.
    expect(bookableDays(config, bj('2026-12-07', '16:00'))[0]).toBe('2026-12-08')
    // Before the National Day holiday: the days after it.
    expect(bookableDays({ ...config, appointments: { slotMinutes: 30, perWindow: 2, daysAhead: 2 } }, bj('2026-09-30', '18:00'))).toEqual(['2026-10-08', '2026-10-09'])
  })

  it('takes a future slot of a served category within the days ahead, and says why not otherwise', () => {
    expect(slotRefusal(config, 'A', bj('2026-12-07', '10:30'), NOW)).toBeNull()
    expect(slotRefusal(config, 'A', bj('2026-12-15', '16:00'), NOW)).toBeNull()
    expect(slotRefusal(config, 'Z', bj('2026-12-07', '10:30'), NOW)).toBe('not_in_hall')
    expect(slotRefusal(config, 'C', bj('2026-12-07', '10:30'), NOW)).toBe('no_appointments')
    expect(slotRefusal(config, 'A', bj('2026-12-07', '10:15'), NOW)).toBe('not_a_slot')
    expect(slotRefusal(config, 'A', bj('2026-12-07', '12:00'), NOW)).toBe('not_a_slot')
    expect(slotRefusal(config, 'A', bj('2026-12-13', '10:00'), NOW)).toBe('not_a_slot') // Sunday
    expect(slotRefusal(config, 'A', bj('2026-12-07', '10:00'), NOW)).toBe('started')
    expect(slotRefusal(config, 'A', bj('2026-12-16', '09:00'), NOW)).toBe('too_far')
  })

  it('gives each problem at its field in Chinese', () => {
    expect(bookingIssues(config, { category: 'A', slotStart: '2026-12-07T02:30:00.000Z' }, NOW)).toEqual([])
    expect(bookingIssues(config, { category: 'Z', slotStart: '2026-12-07T02:30:00.000Z' }, NOW)).toEqual([{ path: 'category', code: 'not_in_hall', message: '这个大厅没有这项业务，请重新选择' }])
    expect(bookingIssues(config, { category: 'C', slotStart: '2026-12-07T02:30:00.000Z' }, NOW)).toEqual([{ path: 'category', code: 'no_appointments', message: '这项业务暂不接受预约，请到大厅直接取号' }])
    expect(bookingIssues(config, { category: 'A', slotStart: 'tomorrow' }, NOW)).toEqual([{ path: 'slotStart', code: 'not_a_slot', message: '没有这个预约时段，请重新选择' }])
    expect(bookingIssues(config, { category: 'A', slotStart: '2026-12-07T01:30:00.000Z' }, NOW)[0]?.message).toBe('这个时段已经开始或已过去，请选择以后的时段')
    expect(bookingIssues(config, { category: 'A', slotStart: '2026-12-16T01:00:00.000Z' }, NOW)[0]?.message).toBe('只能预约今天起7个办公日以内的时段，请重新选择')
  })
})

describe('checking in', () => {
  const slot = { start: bj('2026-12-07', '10:30'), end: bj('2026-12-07', '11:00') }

  it('is taken from 15 minutes before the slot to 10 minutes after it', () => {
    expect(checkInWindow(slot)).toEqual({ from: bj('2026-12-07', '10:15'), until: bj('2026-12-07', '11:10') })
    expect(checkInTiming(slot, bj('2026-12-07', '10:14'))).toBe('early')
    expect(checkInTiming(slot, bj('2026-12-07', '10:15'))).toBe('open')
    expect(checkInTiming(slot, bj('2026-12-07', '11:10'))).toBe('open')
    expect(checkInTiming(slot, bj('2026-12-07', '11:11'))).toBe('late')
  })

  it('makes a booking whose check-in time went by 已过期; cancelled and checked in stay so', () => {
    expect(appointmentStatus('booked', slot, bj('2026-12-07', '11:00'))).toBe('booked')
    expect(appointmentStatus('booked', slot, bj('2026-12-07', '11:11'))).toBe('missed')
    expect(appointmentStatus('checked_in', slot, bj('2026-12-07', '15:00'))).toBe('checked_in')
    expect(appointmentStatus('cancelled', slot, bj('2026-12-07', '15:00'))).toBe('cancelled')
  })

  it('says the times in words', () => {
    expect(checkInText(slot)).toBe('请在10:15-11:10到大厅扫码签到取号')
    expect(checkInRefusalText('early', slot, bj('2026-12-07', '09:00'))).toBe('还没到签到时间。您预约的是今天 12月7日 周一 10:30-11:00，请在10:15以后签到')
    expect(checkInRefusalText('early', slot, bj('2026-12-06', '09:00'))).toBe('还没到签到时间。您预约的是明天 12月7日 周一 10:30-11:00，请在明天 12月7日 周一 10:15以后签到')
    expect(checkInRefusalText('late', slot, bj('2026-12-07', '12:00'))).toBe('签到时间已过（预约时段10:30-11:00，签到截止11:10），这个预约已失效。请直接取号排队，或重新预约')
    expect(dayLabel('2026-12-09', NOW)).toBe('12月9日 周三')
    expect(slotText(slot, bj('2026-12-05', '09:00'))).toBe('12月7日 周一 10:30-11:00')
    expect(appointmentRulesText(config)).toContain('可预约今天起7个办公日以内的时段')
  })
})
