/**
 * Working days (工作日) under the Administrative Licensing Law: weekends and
 * public holidays are not working days, make-up working days (调休) are.
 * Dates are calendar dates `YYYY-MM-DD` in Asia/Shanghai (shanghaiDate turns
 * an instant into one), never instants, so the server's time zone is moot.
 *
 * The holiday data is chinese-days' (the State Council's arrangements,
 * 2020–2026 bundled here). When a new year is published before the package
 * catches up, `extendCalendar` makes a calendar with it (from whatever
 * configuration the caller reads). No calendar is kept here: each caller
 * passes its own (in a ClockContext, context.ts), the bundled one when none.
 * A year the calendar does not cover is counted by weekends alone and
 * reported by `coversYear`, so the BFF can warn.
 */
import { isCalendarDay } from './dates'
import y2020 from 'chinese-days/dist/years/2020.json'
import y2021 from 'chinese-days/dist/years/2021.json'
import y2022 from 'chinese-days/dist/years/2022.json'
import y2023 from 'chinese-days/dist/years/2023.json'
import y2024 from 'chinese-days/dist/years/2024.json'
import y2025 from 'chinese-days/dist/years/2025.json'
import y2026 from 'chinese-days/dist/years/2026.json'

/** What a year's arrangement says: days off that would be working days, and make-up working days. */
export { isCalendarDay }

export interface CalendarData {
  holidays: readonly string[]
  workdays: readonly string[]
}

export interface WorkCalendar {
  isWorkingDay(date: string): boolean
  /** Whether holiday data for this year is known (else only weekends count). */
  coversYear(year: number): boolean
  readonly data: { holidays: ReadonlySet<string>; workdays: ReadonlySet<string>; years: ReadonlySet<number> }
}

function check(date: string): void {
  if (!isCalendarDay(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(date)}`)
}

/** The date `days` calendar days after `date` (negative: before). */
export function addCalendarDays(date: string, days: number): string {
  check(date)
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

export function createCalendar(...sources: CalendarData[]): WorkCalendar {
  const holidays = new Set<string>()
  const workdays = new Set<string>()
  const years = new Set<number>()
  for (const s of sources) {
    for (const d of s.holidays) { check(d); holidays.add(d); workdays.delete(d); years.add(Number(d.slice(0, 4))) }
    for (const d of s.workdays) { check(d); workdays.add(d); holidays.delete(d); years.add(Number(d.slice(0, 4))) }
  }
  return {
    data: { holidays, workdays, years },
    isWorkingDay(date) {
      check(date)
      if (workdays.has(date)) return true
      if (holidays.has(date)) return false
      const wd = weekday(date)
      return wd !== 0 && wd !== 6
    },
    coversYear: (year) => years.has(year),
  }
}

const fromChineseDays = (y: { holidays: Record<string, string>; workdays: Record<string, string> }): CalendarData =>
  ({ holidays: Object.keys(y.holidays), workdays: Object.keys(y.workdays) })

/** The published arrangements bundled with the core. */
export const CHINA_CALENDAR: WorkCalendar = createCalendar(...[y2020, y2021, y2022, y2023, y2024, y2025, y2026].map(fromChineseDays))

/** This year and next, where the calendar has no holiday data: deadlines there skip weekends only and may come too early. */
export function missingYears(today: string, cal: WorkCalendar = CHINA_CALENDAR): number[] {
  const year = Number(today.slice(0, 4))
  return [year, year + 1].filter((y) => !cal.coversYear(y))
}

/** A calendar with a newly published year (or corrections) added; later data wins. `calendar` itself is unchanged. */
export function extendCalendar(calendar: WorkCalendar, extra: CalendarData): WorkCalendar {
  const d = calendar.data
  return createCalendar({ holidays: [...d.holidays], workdays: [...d.workdays] }, extra)
}

export function isWorkingDay(date: string, calendar: WorkCalendar = CHINA_CALENDAR): boolean {
  return calendar.isWorkingDay(date)
}

/**
 * The n-th working day after `date` (the day itself is not counted); n = 0
 * gives `date` itself (即办件: the same day).
 */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar = CHINA_CALENDAR): string {
  check(date)
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`)
  let d = date
  let left = n
  while (left > 0) {
    d = addCalendarDays(d, 1)
    if (calendar.isWorkingDay(d)) left--
  }
  return d
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar = CHINA_CALENDAR): number {
  check(from)
  check(to)
  let n = 0
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (calendar.isWorkingDay(d)) n++
  return n
}
