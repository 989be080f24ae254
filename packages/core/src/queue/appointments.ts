/**
 * 预约 in a service hall (issue 19, appointments): a category's day is cut
 * into slots (30 minutes by default) inside the hall's opening sessions —
 * ending by each session's last time to take a number, so an appointment
 * never falls where walk-in numbers have stopped — each slot holding
 * `perWindow` appointments for every window serving the category. A slot
 * may be booked while it lies ahead, on today or one of the next
 * `daysAhead` days the hall opens; arriving, the visitor checks in by the
 * hall's QR code from 15 minutes before the slot begins to 10 minutes after
 * it ends, and gets a priority ticket (called before the walk-ins).
 *
 * Instants are epoch milliseconds (ISO strings on the wire); days are
 * Beijing calendar days; a working-day calendar decides which days open.
 */
import type { FieldIssue } from '../api/problems'
import { addCalendarDays, CHINA_CALENDAR, type WorkCalendar } from '../clock/calendar'
import { beijingClockText, beijingInstant, beijingTime, minuteOfDay, sessionsOn, windowsServing, type HallQueueConfig } from './rules'

/** How a hall takes appointments (HallQueueConfig.appointments; unset: the defaults). */
export interface AppointmentSettings {
  /** Minutes of one slot. */
  slotMinutes: number
  /** Appointments per slot for each window serving the category (0: the hall takes none). */
  perWindow: number
  /** Opening days after today that may be booked (today, while a slot lies ahead, too). */
  daysAhead: number
}

export const DEFAULT_APPOINTMENT_SETTINGS: Readonly<AppointmentSettings> = { slotMinutes: 30, perWindow: 2, daysAhead: 7 }

/** Check-in opens this many minutes before the slot begins… */
export const CHECK_IN_EARLY_MINUTES = 15
/** …and closes this many minutes after it ends. */
export const CHECK_IN_LATE_MINUTES = 10
/** The priority of a checked-in appointment's ticket (walk-ins have 0): called first. */
export const APPOINTMENT_PRIORITY = 1

export const APPOINTMENT_STATES = ['booked', 'checked_in', 'cancelled'] as const
export type AppointmentState = (typeof APPOINTMENT_STATES)[number]
/** What the visitor reads: a booking whose check-in time went by unused is 已过期. */
export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'cancelled', 'missed'] as const
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]

export const APPOINTMENT_STATUS_LABELS: Readonly<Record<AppointmentStatus, string>> = {
  booked: '已预约',
  checked_in: '已签到',
  cancelled: '已取消',
  missed: '已过期（未签到）',
}

export const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$'

const MINUTE = 60_000

/** The hall's settings, the defaults filling what it leaves out. */
export function appointmentSettings(config: Pick<HallQueueConfig, 'appointments'>): AppointmentSettings {
  return { ...DEFAULT_APPOINTMENT_SETTINGS, ...(config.appointments ?? {}) }
}

/** A slot's start and end (epoch ms). */
export interface SlotTime { start: number; end: number }

/** The slots of a Beijing day, whatever the category: every `slotMinutes` from each session's start, ending by its last time to take a number. */
export function slotTimes(config: Pick<HallQueueConfig, 'hours' | 'appointments'>, day: string, calendar: WorkCalendar = CHINA_CALENDAR): SlotTime[] {
  const { slotMinutes } = appointmentSettings(config)
  if (!(slotMinutes > 0)) return []
  const out: SlotTime[] = []
  for (const s of sessionsOn(config.hours, day, calendar)) {
    const until = minuteOfDay(s.to) - config.hours.lastTakeMinutes
    for (let m = minuteOfDay(s.from); m + slotMinutes <= until; m += slotMinutes) out.push({ start: beijingInstant(day, m), end: beijingInstant(day, m + slotMinutes) })
  }
  return out
}

/** Appointments one slot of a category holds: the windows serving it × perWindow (0 when none serves it). */
export function slotCapacity(config: Pick<HallQueueConfig, 'windows' | 'appointments'>, category: string): number {
  return windowsServing(config, category).length * Math.max(0, Math.floor(appointmentSettings(config).perWindow))
}

/** The days that may be booked now: today while one of its slots lies ahead, then the next `daysAhead` days the hall opens. */
export function bookableDays(config: Pick<HallQueueConfig, 'hours' | 'appointments'>, now: number, calendar: WorkCalendar = CHINA_CALENDAR): string[] {
  const { daysAhead } = appointmentSettings(config)
  const today = beijingTime(now).day
  const days: string[] = []
  if (slotTimes(config, today, calendar).some((s) => s.start > now)) days.push(today)
  // A long holiday (the Spring Festival) closes a hall for a week and more: look a good way ahead.
  for (let i = 1, found = 0; found < daysAhead && i <= daysAhead * 3 + 21; i++) {
    const day = addCalendarDays(today, i)
    if (slotTimes(config, day, calendar).length) { days.push(day); found++ }
  }
  return days
}

export type SlotRefusal = 'not_in_hall' | 'no_appointments' | 'not_a_slot' | 'started' | 'too_far'

/** Why this slot of this category may not be booked now (its capacity aside: that is the store's to hold), or null. */
export function slotRefusal(config: HallQueueConfig, category: string, slotStart: number, now: number, calendar: WorkCalendar = CHINA_CALENDAR): SlotRefusal | null {
  if (!config.categories.some((c) => c.code === category)) return 'not_in_hall'
  if (slotCapacity(config, category) < 1) return 'no_appointments'
  const day = beijingTime(slotStart).day
  if (!slotTimes(config, day, calendar).some((s) => s.start === slotStart)) return 'not_a_slot'
  if (slotStart <= now) return 'started'
  if (!bookableDays(config, now, calendar).includes(day)) return 'too_far'
  return null
}

/** Each refusal in words for the visitor. */
export function slotRefusalText(refusal: SlotRefusal, config: Pick<HallQueueConfig, 'appointments'>): string {
  switch (refusal) {
    case 'not_in_hall': return '这个大厅没有这项业务，请重新选择'
    case 'no_appointments': return '这项业务暂不接受预约，请到大厅直接取号'
    case 'not_a_slot': return '没有这个预约时段，请重新选择'
    case 'started': return '这个时段已经开始或已过去，请选择以后的时段'
    case 'too_far': return `只能预约今天起${appointmentSettings(config).daysAhead}个办公日以内的时段，请重新选择`
  }
}

export interface BookInput { category: string; slotStart: string }

/** What is wrong with a booking, by field; empty when it may be tried (whether the slot still has room is the store's to say). */
export function bookingIssues(config: HallQueueConfig, input: BookInput, now: number, calendar: WorkCalendar = CHINA_CALENDAR): FieldIssue[] {
  const start = Date.parse(input.slotStart)
  if (!config.categories.some((c) => c.code === input.category)) return [{ path: 'category', code: 'not_in_hall', message: slotRefusalText('not_in_hall', config) }]
  if (!Number.isFinite(start)) return [{ path: 'slotStart', code: 'not_a_slot', message: slotRefusalText('not_a_slot', config) }]
  const refusal = slotRefusal(config, input.category, start, now, calendar)
  if (!refusal) return []
  return [{ path: refusal === 'no_appointments' ? 'category' : 'slotStart', code: refusal, message: slotRefusalText(refusal, config) }]
}

/** When a slot's visitor may check in (epoch ms). */
export function checkInWindow(slot: SlotTime): { from: number; until: number } {
  return { from: slot.start - CHECK_IN_EARLY_MINUTES * MINUTE, until: slot.end + CHECK_IN_LATE_MINUTES * MINUTE }
}

export type CheckInTiming = 'early' | 'open' | 'late'

/** Whether checking in is taken at this instant. */
export function checkInTiming(slot: SlotTime, now: number): CheckInTiming {
  const w = checkInWindow(slot)
  return now < w.from ? 'early' : now > w.until ? 'late' : 'open'
}

/** What the visitor reads of a booking now. */
export function appointmentStatus(state: AppointmentState, slot: SlotTime, now: number): AppointmentStatus {
  return state === 'booked' && checkInTiming(slot, now) === 'late' ? 'missed' : state
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 10:00-10:30. */
export function slotLabel(slot: SlotTime): string {
  return `${beijingClockText(slot.start)}-${beijingClockText(slot.end)}`
}

/** A day as the booking page names it: 今天 12月7日 周一, 明天 12月8日 周二, 12月9日 周三. */
export function dayLabel(day: string, now: number): string {
  const today = beijingTime(now).day
  const date = `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 ${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}`
  return day === today ? `今天 ${date}` : day === addCalendarDays(today, 1) ? `明天 ${date}` : date
}

/** The whole slot in words: 12月8日 周二 10:00-10:30 (今天/明天 named). */
export function slotText(slot: SlotTime, now: number): string {
  return `${dayLabel(beijingTime(slot.start).day, now)} ${slotLabel(slot)}`
}

/** When check-in is taken, in words: 9:45-10:40 到大厅扫码签到. */
export function checkInText(slot: SlotTime): string {
  const w = checkInWindow(slot)
  return `请在${beijingClockText(w.from)}-${beijingClockText(w.until)}到大厅扫码签到取号`
}

/** Why a check-in was refused, in words naming the times. */
export function checkInRefusalText(timing: Exclude<CheckInTiming, 'open'>, slot: SlotTime, now: number): string {
  const w = checkInWindow(slot)
  if (timing === 'early') {
    const sameDay = beijingTime(w.from).day === beijingTime(now).day
    return `还没到签到时间。您预约的是${slotText(slot, now)}，请在${sameDay ? '' : `${dayLabel(beijingTime(w.from).day, now)} `}${beijingClockText(w.from)}以后签到`
  }
  return `签到时间已过（预约时段${slotLabel(slot)}，签到截止${beijingClockText(w.until)}），这个预约已失效。请直接取号排队，或重新预约`
}

/** The rules in one sentence, for the booking page. */
export function appointmentRulesText(config: Pick<HallQueueConfig, 'appointments'>): string {
  const s = appointmentSettings(config)
  return `可预约今天起${s.daysAhead}个办公日以内的时段，每项业务每天预约一次。请在预约时段开始前${CHECK_IN_EARLY_MINUTES}分钟到结束后${CHECK_IN_LATE_MINUTES}分钟内，扫大厅里的二维码签到取号，签到后优先叫号；过时未签到预约作废。`
}
