/**
 * The light every party sees on a step (绿灯/黄灯/红灯): red once the
 * deadline has passed, yellow when at most `yellowDays` working days are
 * left (1 unless configured), green otherwise. "Left" counts working days
 * after today up to the deadline, so on the deadline day itself 0 are left.
 */
import { currentCalendar, workingDaysBetween, type WorkCalendar } from './calendar'

export type Light = 'green' | 'yellow' | 'red'

export const LIGHT_LABELS: Record<Light, string> = { green: '正常', yellow: '即将到期', red: '已超期' }

export interface LightOptions {
  yellowDays?: number
  calendar?: WorkCalendar
}

export function workingDaysLeft(deadline: string, today: string, calendar: WorkCalendar = currentCalendar()): number {
  return today > deadline ? -workingDaysBetween(deadline, today, calendar) : workingDaysBetween(today, deadline, calendar)
}

let defaultYellowDays = 1

/** The yellow threshold every light uses unless told otherwise (the BFF sets it from LIGHT_YELLOW_DAYS). */
export function setYellowDays(days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`yellow threshold must be a whole number of working days ≥ 0: ${days}`)
  defaultYellowDays = days
}

export function yellowDays(): number {
  return defaultYellowDays
}

export function lightFor(deadline: string, today: string, opts: LightOptions = {}): Light {
  if (today > deadline) return 'red'
  const left = workingDaysLeft(deadline, today, opts.calendar)
  return left <= (opts.yellowDays ?? defaultYellowDays) ? 'yellow' : 'green'
}
