import { describe, expect, it } from 'vitest'
import { isCalendarDay } from './dates'
import { isCalendarDay as fromCalendar } from './calendar'
import { validateForm } from '../forms/validate'

describe('isCalendarDay (the one date check: clocks, pauses, certificates and form fields)', () => {
  it('takes real days, leap days by the Gregorian rule, and refuses the rest', () => {
    for (const d of ['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '0096-02-29', '0001-01-01']) expect(isCalendarDay(d), d).toBe(true)
    for (const d of ['2026-02-29', '1900-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01', '0099-02-29', '2026-1-5', ' 2026-01-05', 20260105, null]) {
      expect(isCalendarDay(d), String(d)).toBe(false)
    }
  })

  it('is the same function for the calendar and for forms (they used to differ on years below 100)', () => {
    expect(fromCalendar).toBe(isCalendarDay)
    const form = { version: 1, fields: [{ type: 'date', name: 'd', label: '日期', required: true }] } as unknown as Parameters<typeof validateForm>[0]
    expect(validateForm(form, { d: '0096-02-29' }).ok).toBe(true)
    expect(validateForm(form, { d: '0099-02-29' }).ok).toBe(false)
  })
})
