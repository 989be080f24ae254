import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  addCalendarDays, addWorkingDays, CHINA_CALENDAR, createCalendar, extendCalendar, isWorkingDay, workingDaysBetween,
} from './calendar'
import { lightFor, workingDaysLeft } from './lights'

describe('working days (工作日) in 2025 and 2026', () => {
  it.each([
    ['2025-01-26', true, 'Sunday made a working day before Spring Festival'],
    ['2025-01-28', false, 'Spring Festival eve'],
    ['2025-02-04', false, 'last day of Spring Festival'],
    ['2025-02-08', true, 'Saturday made a working day after it'],
    ['2025-09-28', true, 'Sunday made a working day before National Day'],
    ['2025-10-08', false, 'last day of National Day and Mid-Autumn'],
    ['2025-10-11', true, 'Saturday made a working day after it'],
    ['2026-02-14', true, 'Saturday made a working day before Spring Festival'],
    ['2026-02-23', false, 'a Monday inside Spring Festival'],
    ['2026-02-24', true, 'back at work'],
    ['2026-02-28', true, 'Saturday made a working day after it'],
    ['2026-09-20', true, 'Sunday made a working day before National Day'],
    ['2026-10-07', false, 'National Day'],
    ['2026-10-10', true, 'Saturday made a working day after it'],
    ['2026-11-21', false, 'an ordinary Saturday'],
    ['2026-11-23', true, 'an ordinary Monday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected)
  })

  it('counts the n-th working day after the day, across holidays and make-up days', () => {
    expect(addWorkingDays('2025-01-27', 1)).toBe('2025-02-05') // Spring Festival in between
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09') // National Day in between
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11') // …and the make-up Saturday counts
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14') // a Friday, then the make-up Saturday
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24')
    expect(addWorkingDays('2026-11-20', 2)).toBe('2026-11-24') // plain weekend
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23') // 即办件: the same day
    // 20 working days from acceptance on Thursday 2026-09-24 (Art. 42): Mid-Autumn (25–27), National Day
    // (Oct 1–7) and the make-up Saturday Oct 10 inside — worked out by hand: Sep 28–30 (3), Oct 8–10 (6), …
    expect(addWorkingDays('2026-09-24', 20)).toBe('2026-10-29')
  })

  it('agrees with itself: the deadline is a working day exactly n working days on', () => {
    const day = fc.integer({ min: 0, max: 7 * 365 - 70 }).map((i) => addCalendarDays('2020-01-01', i))
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 60 }), (date, n) => {
      const deadline = addWorkingDays(date, n)
      expect(workingDaysBetween(date, deadline)).toBe(n)
      if (n > 0) expect(isWorkingDay(deadline)).toBe(true)
      if (n > 0) expect(addWorkingDays(date, n - 1) < deadline).toBe(true)
    }), { numRuns: 300 })
  })

  it('refuses dates that are not dates, and negative or fractional periods', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError)
    expect(() => isWorkingDay('2026/02/01')).toThrow(RangeError)
    expect(() => addWorkingDays('2026-02-01', -1)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-02-01', 1.5)).toThrow(RangeError)
  })

  it('takes a newly published year from configuration into a new calendar, or counts by another one whole', () => {
    expect(CHINA_CALENDAR.coversYear(2026)).toBe(true)
    expect(CHINA_CALENDAR.coversYear(2027)).toBe(false)
    expect(isWorkingDay('2027-02-08')).toBe(true) // a Monday, by weekends alone
    const extended = extendCalendar(CHINA_CALENDAR, { holidays: ['2027-02-06', '2027-02-07', '2027-02-08'], workdays: ['2027-01-30'] })
    expect(extended.coversYear(2027)).toBe(true)
    expect(isWorkingDay('2027-02-08', extended)).toBe(false)
    expect(isWorkingDay('2027-01-30', extended)).toBe(true)
    expect(isWorkingDay('2026-02-23', extended)).toBe(false) // what was there stays
    expect(isWorkingDay('2027-02-08')).toBe(true) // the bundled calendar is not changed
    expect(isWorkingDay('2026-02-23', createCalendar())).toBe(true) // weekends only
  })
})

describe('lights (红黄绿灯)', () => {
  it('is green with time to spare, yellow at one working day or less, red once overdue', () => {
    const deadline = '2026-02-24'
    expect(workingDaysLeft(deadline, '2026-02-13')).toBe(2)
    expect(lightFor(deadline, '2026-02-13')).toBe('green')
    expect(lightFor(deadline, '2026-02-14')).toBe('yellow') // only the 24th is left
    expect(lightFor(deadline, '2026-02-20')).toBe('yellow') // inside the holiday, still one working day
    expect(lightFor(deadline, '2026-02-24')).toBe('yellow') // the day itself
    expect(lightFor(deadline, '2026-02-25')).toBe('red')
    expect(workingDaysLeft(deadline, '2026-02-26')).toBe(-2)
    expect(lightFor(deadline, '2026-02-13', { yellowDays: 2 })).toBe('yellow')
  })
})
