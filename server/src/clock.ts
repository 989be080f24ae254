/**
 * The clocks' configuration, read once at start: the yellow-light
 * threshold, and a calendar file for a year the bundled holiday data does
 * not know yet (the State Council publishes each year's arrangement in
 * November or December). The file is JSON, one object or a list of them:
 * `{ "holidays": ["2027-01-01", …], "workdays": ["2027-02-06", …] }` —
 * days off that would be working days, and make-up working days (调休).
 */
import { readFileSync } from 'node:fs'
import { CHINA_CALENDAR, clockContext, extendCalendar, isCalendarDay, missingYears, shanghaiDate, type CalendarData, type ClockContext, type WorkCalendar } from '@tongban/core'
import { ConfigError, type ClockConfig } from './config'

export function readCalendarFile(path: string): CalendarData {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new ConfigError(`WORK_CALENDAR_FILE ${path} could not be read as JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
  const parts = Array.isArray(raw) ? raw : [raw]
  const out = { holidays: [] as string[], workdays: [] as string[] }
  for (const [i, part] of parts.entries()) {
    const p = part as { holidays?: unknown; workdays?: unknown } | null
    for (const key of ['holidays', 'workdays'] as const) {
      const list = p?.[key] ?? []
      if (!Array.isArray(list)) throw new ConfigError(`WORK_CALENDAR_FILE ${path}: entry ${i} "${key}" must be a list of YYYY-MM-DD dates`)
      const bad = list.find((d) => !isCalendarDay(d))
      if (bad !== undefined) throw new ConfigError(`WORK_CALENDAR_FILE ${path}: entry ${i} "${key}" has ${JSON.stringify(bad)}, not a YYYY-MM-DD date`)
      out[key].push(...(list as string[]))
    }
  }
  return out
}

/** What the clock counts with: the working-day calendar and the yellow threshold. */
export interface ClockSettings { calendar: WorkCalendar; yellowDays: number }

/** The settings the configuration asks for: the bundled calendar, with WORK_CALENDAR_FILE's years added. */
export function clockSettings(config: Pick<ClockConfig, 'yellowDays' | 'calendarFile'>): ClockSettings {
  const calendar = config.calendarFile ? extendCalendar(CHINA_CALENDAR, readCalendarFile(config.calendarFile)) : CHINA_CALENDAR
  return { calendar, yellowDays: config.yellowDays }
}

/** Warnings worth logging at start: a year this clock's calendar does not cover. */
export function calendarWarnings(clock: ClockContext): string[] {
  return missingYears(shanghaiDate(clock.now()), clock.calendar)
    .map((y) => `the working-day calendar has no holiday data for ${y}: weekends only are skipped; add the year with WORK_CALENDAR_FILE`)
}

/**
 * The product's one clock: every "now" and "today" the BFF reads (deadlines,
 * lights, case numbers, form dates, documents) comes from here, with the
 * calendar and yellow threshold every deadline and light counts by (the
 * core's ClockContext; `app.clock`, passed to whatever reads a clock). Tests pass
 * their own `now`; outside production the dev route `/dev/clock` can move a
 * running product to another moment (the clock then runs on from there) and
 * back to real time, so a browser test sees days pass as the product would.
 */
export interface ProductClock extends ClockContext {
  /** Runs the clock from `at` on (null: real time again). Refused for an injected clock. */
  moveTo(at: number | null): void
  readonly moved: boolean
}

export function productClock(injected?: () => number, settings: Partial<ClockSettings> = {}): ProductClock {
  const { calendar, yellowDays } = clockContext(settings)
  if (injected) {
    return { calendar, yellowDays, now: injected, moveTo() { throw new Error('an injected clock cannot be moved') }, moved: false }
  }
  let offset = 0
  return {
    calendar,
    yellowDays,
    now: () => Date.now() + offset,
    moveTo(at) { offset = at === null ? 0 : at - Date.now() },
    get moved() { return offset !== 0 },
  }
}
