/**
 * The clock a caller passes in, as xstate injects its Clock: the
 * working-day calendar, the yellow threshold and `now`. The core keeps none
 * of them as module state, so a worker, a test and two configurations in
 * one process each count with their own and cannot disagree. The BFF's
 * product clock (server/src/clock.ts) is one; tests make their own.
 */
import { CHINA_CALENDAR, type WorkCalendar } from './calendar'
import { DEFAULT_YELLOW_DAYS, lightFor, workingDaysLeft, type Light } from './lights'

export interface ClockContext {
  /** The working-day calendar every deadline counts in. */
  readonly calendar: WorkCalendar
  /** Yellow when at most this many working days are left. */
  readonly yellowDays: number
  /** The instant it is, in ms since the epoch. */
  now(): number
}

export function clockContext(init: { calendar?: WorkCalendar; yellowDays?: number; now?: () => number } = {}): ClockContext {
  const yellowDays = init.yellowDays ?? DEFAULT_YELLOW_DAYS
  if (!Number.isInteger(yellowDays) || yellowDays < 0) throw new RangeError(`yellow threshold must be a whole number of working days ≥ 0: ${yellowDays}`)
  return { calendar: init.calendar ?? CHINA_CALENDAR, yellowDays, now: init.now ?? Date.now }
}

/** A step's light and working days left on `today` by this clock's calendar and threshold. */
export function lightBy(clock: Pick<ClockContext, 'calendar' | 'yellowDays'>, deadline: string, today: string): { light: Light; daysLeft: number } {
  return { light: lightFor(deadline, today, clock), daysLeft: workingDaysLeft(deadline, today, clock.calendar) }
}
