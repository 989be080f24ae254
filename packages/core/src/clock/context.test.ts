import { describe, expect, it } from 'vitest'
import { addWorkingDays, CHINA_CALENDAR, extendCalendar, missingYears } from './calendar'
import { clockContext, lightBy } from './context'
import { lightFor } from './lights'
import { project, type CaseEvent } from '../cases/machine'

// An arrangement for 2027 (illustrative): 春节 02-08..12 off, 02-14 a make-up Sunday.
const with2027 = extendCalendar(CHINA_CALENDAR, { holidays: ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'], workdays: ['2027-02-14'] })

describe('the clock is passed, not global', () => {
  it('gives two clocks in one process their own answers, at the same time', () => {
    const hall = clockContext({ calendar: with2027, yellowDays: 2, now: () => Date.parse('2027-02-05T04:00:00Z') })
    const bundled = clockContext({ now: () => Date.parse('2027-02-05T04:00:00Z') })
    // Interleaved: neither reading changes what the other says.
    expect(addWorkingDays('2027-02-05', 1, hall.calendar)).toBe('2027-02-14')
    expect(addWorkingDays('2027-02-05', 1, bundled.calendar)).toBe('2027-02-08')
    expect(addWorkingDays('2027-02-05', 1, hall.calendar)).toBe('2027-02-14')
    expect(lightBy(hall, '2027-02-15', '2027-02-05')).toEqual({ light: 'yellow', daysLeft: 2 })
    expect(lightBy(bundled, '2027-02-15', '2027-02-05')).toEqual({ light: 'green', daysLeft: 6 })
    expect(lightFor('2027-02-09', '2027-02-05', hall)).toBe('yellow')
    expect(lightFor('2027-02-09', '2027-02-05', bundled)).toBe('green')
    expect(missingYears('2026-11-23', hall.calendar)).toEqual([])
    expect(missingYears('2026-11-23', bundled.calendar)).toEqual([2027])
  })

  it('lets the case machine count each case by the calendar it is given', () => {
    const submit: CaseEvent = { type: 'submit', actor: { role: 'citizen', id: 'c1' }, day: '2027-02-05', at: '2027-02-05T02:00:00.000Z' }
    const rules = { promisedDays: 5, statutoryDays: 20 }
    expect(project([submit], rules, with2027).deadline).toBe('2027-02-15')
    expect(project([submit], rules, CHINA_CALENDAR).deadline).toBe('2027-02-09')
  })

  it('refuses a yellow threshold that is not a whole number of days', () => {
    expect(() => clockContext({ yellowDays: -1 })).toThrow(RangeError)
    expect(clockContext().yellowDays).toBe(1)
  })
})
