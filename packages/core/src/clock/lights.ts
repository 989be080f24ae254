/**
 * The light every party sees on a step (绿灯/黄灯/红灯): red once the
 * deadline has passed, yellow when at most `yellowDays` working days are
 * left (DEFAULT_YELLOW_DAYS unless the caller's clock says otherwise),
 * green otherwise. "Left" counts working days after today up to the
 * deadline, so on the deadline day itself 0 are left.
 */
import { CHINA_CALENDAR, workingDaysBetween, type WorkCalendar } from './calendar'

export type Light = 'green' | 'yellow' | 'red'

export const LIGHT_LABELS: Record<Light, string> = { green: '正常', yellow: '即将到期', red: '已超期' }

export interface LightOptions {
  yellowDays?: number
  calendar?: WorkCalendar
}

export function workingDaysLeft(deadline: string, today: string, calendar: WorkCalendar = CHINA_CALENDAR): number {
  return today > deadline ? -workingDaysBetween(deadline, today, calendar) : workingDaysBetween(today, deadline, calendar)
}

/** Yellow at 1 working day left, unless the caller's clock is configured otherwise (the BFF: LIGHT_YELLOW_DAYS). */
export const DEFAULT_YELLOW_DAYS = 1

export function lightFor(deadline: string, today: string, opts: LightOptions = {}): Light {
  if (today > deadline) return 'red'
  const left = workingDaysLeft(deadline, today, opts.calendar)
  return left <= (opts.yellowDays ?? DEFAULT_YELLOW_DAYS) ? 'yellow' : 'green'
}

/** 2026-12-08 → 12月8日: a day as every shell writes it in a sentence. */
export function monthDayText(day: string): string {
  const [, m, d] = day.split('-').map(Number)
  return `${m}月${d}日`
}

/** 2026-12-08 → 2026年12月8日: a day as a document prints it. */
export function yearMonthDayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** 12月8日前: a deadline as the lights show it. */
export function deadlineText(deadline: string): string {
  return `${monthDayText(deadline)}前`
}

/** 还剩3个工作日 / 今天到期 / 已超期2个工作日. */
export function daysLeftText(daysLeft: number): string {
  return daysLeft < 0 ? `已超期${-daysLeft}个工作日` : daysLeft === 0 ? '今天到期' : `还剩${daysLeft}个工作日`
}

/**
 * A step's light in words, the same in every shell: 正常 · 12月8日前 · 还剩10个工作日;
 * past the deadline, how late first and the day it was due: 已超期2个工作日 · 期限为12月8日.
 */
export function lightText(light: Light, deadline: string, daysLeft?: number | null): string {
  const known = daysLeft !== null && daysLeft !== undefined
  if (light === 'red') return [known && daysLeft < 0 ? daysLeftText(daysLeft) : LIGHT_LABELS.red, `期限为${monthDayText(deadline)}`].join(' · ')
  return [LIGHT_LABELS[light], deadlineText(deadline), ...(known ? [daysLeftText(daysLeft)] : [])].join(' · ')
}
