/**
 * Queueing in a service hall (排队取号, issue 19): what a hall's queue is
 * made of (categories with a prefix letter, windows serving some of them,
 * opening hours), how a ticket moves (waiting → called → serving → done, or
 * no_show, cancelled, transferred), its number (A012), who is called next
 * and how long a wait is said to be. One set of rules for the BFF, the PWA,
 * the mini-program, the clerk's console and the hall's screen.
 *
 * Times of day are Asia/Shanghai, read from the one injectable clock's
 * instant; days off follow the working-day calendar (a 调休 Saturday opens
 * with weekday hours, a holiday closes).
 */
import type { FieldIssue } from '../api/problems'
import { isWorkingDay, addCalendarDays, CHINA_CALENDAR, type WorkCalendar } from '../clock/calendar'
import { isValidMobile, normalizeMobile } from '../identity/validators'
import { CASE_NO_PATTERN } from '../api/contract/patterns'
import type { AppointmentSettings } from './appointments'

export const TICKET_STATES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'transferred'] as const
export type TicketState = (typeof TICKET_STATES)[number]

/** Each state as the visitor and the clerk read it. */
export const TICKET_STATE_LABELS: Readonly<Record<TicketState, string>> = {
  waiting: '排队中',
  called: '已叫号',
  serving: '正在办理',
  done: '已办结',
  no_show: '已过号',
  cancelled: '已取消',
  transferred: '已转到其他业务',
}

/** States a person still holds a place in (one such ticket per person and category). */
export const ACTIVE_TICKET_STATES: readonly TicketState[] = ['waiting', 'called']

/** A hall's category of business (业务类别): its prefix letter and what it serves. */
export interface QueueCategory {
  /** One capital letter, the number's prefix (A012). */
  code: string
  name: string
  /** The catalogue items it serves (a guide's 去大厅办 offers its category). */
  items: readonly string[]
  /** Typical minutes per visitor, used until the day has enough finished tickets to say better. */
  serviceMinutes: number
}

export interface QueueWindow {
  /** The number painted over it (3号窗口). */
  no: number
  /** The categories it serves, by code. */
  categories: readonly string[]
}

/** `HH:mm`–`HH:mm`, Beijing time. */
export interface Session { from: string; to: string }

export interface OpeningHours {
  /** Working days (工作日, make-up working days included). */
  workdays: readonly Session[]
  /** Weekend days that are neither holidays nor make-up days, when the hall opens on them. */
  saturday?: readonly Session[]
  sunday?: readonly Session[]
  /** Numbers stop this many minutes before each session ends (the day's last time to take a number). */
  lastTakeMinutes: number
}

/** One hall's queue, as its hall_admin configures it. */
export interface HallQueueConfig {
  categories: readonly QueueCategory[]
  windows: readonly QueueWindow[]
  hours: OpeningHours
  /** Recalls a called ticket gets before the clerk may mark it 过号. */
  recalls: number
  /** Minutes after 过号 within which the visitor may say 我到了 and wait again. */
  recallWindowMinutes: number
  /** How many ahead is "soon" (快到号了 is sent then). */
  nearAhead: number
  /** How appointments are taken (slot length, per window, days ahead); unset: DEFAULT_APPOINTMENT_SETTINGS. */
  appointments?: AppointmentSettings
}

export const CATEGORY_CODE_PATTERN = '^[A-Z]$'
/** A device's own id for a visitor not signed in (the shell makes it once and keeps it). */
export const DEVICE_ID_PATTERN = '^[A-Za-z0-9_-]{16,64}$'
/** Hall ids as seeded (`sls-zwfwzx`). */
export const HALL_ID_PATTERN = '^[a-z0-9-]{1,64}$'

/** A ticket's number: the category's letter and the day's sequence, three digits at least (A001…A999, A1000). */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`
}

const DAY_MS = 86_400_000
const BEIJING_MS = 8 * 3_600_000

/** The Beijing calendar day and minute of the day of an instant. */
export function beijingTime(epochMs: number): { day: string; minute: number } {
  const local = epochMs + BEIJING_MS
  return { day: new Date(local).toISOString().slice(0, 10), minute: Math.floor((local % DAY_MS) / 60_000) }
}

/** An instant's Beijing time of day as a notice says it (9:05, 13:30), from epoch ms or an ISO string. */
export function beijingClockText(at: number | string): string {
  const { minute } = beijingTime(typeof at === 'number' ? at : Date.parse(at))
  return `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`
}

/** `HH:mm` as minutes since midnight. */
export const minuteOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
/** The instant of a Beijing day's minute. */
export const beijingInstant = (day: string, minute: number) => Date.parse(`${day}T00:00:00+08:00`) + minute * 60_000

/** The sessions the hall opens on a Beijing day (none on a holiday). */
export function sessionsOn(hours: OpeningHours, day: string, calendar: WorkCalendar = CHINA_CALENDAR): readonly Session[] {
  if (isWorkingDay(day, calendar)) return hours.workdays
  if (calendar.data.holidays.has(day)) return []
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return (weekday === 6 ? hours.saturday : weekday === 0 ? hours.sunday : undefined) ?? []
}

export interface OpeningState {
  /** Numbers are given now. */
  open: boolean
  /** Until when they are given in this session (ISO), when open. */
  takeUntil: string | null
  /** When numbers are given next (ISO), when not open now; null when not within two weeks. */
  opensAt: string | null
}

/** Whether a number may be taken at this instant, and when the next chance is. */
export function openingState(hours: OpeningHours, epochMs: number, calendar: WorkCalendar = CHINA_CALENDAR): OpeningState {
  const { day, minute } = beijingTime(epochMs)
  for (let i = 0; i < 15; i++) {
    const d = i === 0 ? day : addCalendarDays(day, i)
    for (const s of sessionsOn(hours, d, calendar)) {
      const from = minuteOfDay(s.from)
      const until = minuteOfDay(s.to) - hours.lastTakeMinutes
      if (i === 0 && minute >= from && minute < until) return { open: true, takeUntil: new Date(beijingInstant(d, until)).toISOString(), opensAt: null }
      if (i > 0 || minute < from) return { open: false, takeUntil: null, opensAt: new Date(beijingInstant(d, from)).toISOString() }
    }
  }
  return { open: false, takeUntil: null, opensAt: null }
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const sessionsText = (list: readonly Session[]) => list.map((s) => `${Number(s.from.slice(0, 2))}:${s.from.slice(3)}-${Number(s.to.slice(0, 2))}:${s.to.slice(3)}`).join('，')

/** The hours in words, as a notice board says them. */
export function hoursText(hours: OpeningHours): string {
  const parts = [`工作日 ${sessionsText(hours.workdays)}`]
  if (hours.saturday?.length) parts.push(`${WEEKDAY_NAMES[6]} ${sessionsText(hours.saturday)}`)
  if (hours.sunday?.length) parts.push(`${WEEKDAY_NAMES[0]} ${sessionsText(hours.sunday)}`)
  return `${parts.join('；')}（法定节假日除外，每段结束前${hours.lastTakeMinutes}分钟停止取号）`
}

/** When the next numbers are given, in words (明天 9:00). */
export function opensAtText(opensAt: string | null, epochMs: number): string {
  if (!opensAt) return '近期不开放取号'
  const at = Date.parse(opensAt)
  const { day } = beijingTime(at)
  const today = beijingTime(epochMs).day
  const hhmm = beijingClockText(at)
  const when = day === today ? '今天' : day === addCalendarDays(today, 1) ? '明天' : `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`
  return `${when} ${hhmm} 开始取号`
}

/** The middle of the recent service times (minutes), or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Finished tickets of a category it takes before their median is trusted over the configured minutes. */
export const MIN_SAMPLES = 5

export interface WaitRange { min: number; max: number }

/**
 * The wait for someone with `ahead` people before them, as a range in whole
 * five minutes — never a false precise minute: the median service time of
 * the category (its configured minutes while there are too few samples)
 * times the people ahead, shared by the windows serving it, ±25 %.
 */
export function waitRange(ahead: number, minutesEach: number, windows: number): WaitRange {
  const expected = (ahead * minutesEach) / Math.max(1, windows)
  const min = Math.max(0, Math.floor((expected * 0.75) / 5) * 5)
  const max = Math.max(min + 5, Math.ceil((expected * 1.25) / 5) * 5)
  return { min, max }
}

/** Minutes per visitor for a category: the recent median when there are enough samples, else its configured figure. */
export function minutesEach(category: Pick<QueueCategory, 'serviceMinutes'>, recent: readonly number[]): number {
  return recent.length >= MIN_SAMPLES ? median(recent)! : category.serviceMinutes
}

/** The range in words (5–10 分钟, 5 分钟以内). */
export function waitRangeText(wait: WaitRange): string {
  if (wait.max <= 5) return '5 分钟以内'
  if (wait.min >= 120) return '2 小时以上'
  return `${wait.min}–${wait.max} 分钟`
}

/** The windows serving a category. */
export function windowsServing(config: Pick<HallQueueConfig, 'windows'>, category: string): readonly QueueWindow[] {
  return config.windows.filter((w) => w.categories.includes(category))
}

/** What a call says and the screen speaks: 请A012号到3号窗口办理. */
export function callText(number: string, windowNo: number): string {
  return `请${number}号到${windowNo}号窗口办理`
}

/** A waiting ticket as the caller orders them. */
export interface Waiting {
  id: string
  category: string
  /** Its place in time (kept across a transfer). */
  queuedAt: number
  /** The day's sequence of its number (ties in time go to the lower). */
  seq: number
  /** An appointment checked in for a slot that has begun goes first. */
  priority: number
}

/** Who a window calls next: the highest priority, then the oldest in time, then the lower number — never a random id. */
export function nextToCall(window: Pick<QueueWindow, 'categories'>, waiting: readonly Waiting[]): Waiting | null {
  let best: Waiting | null = null
  for (const t of waiting) {
    if (!window.categories.includes(t.category)) continue
    if (!best || t.priority > best.priority || (t.priority === best.priority && (t.queuedAt < best.queuedAt || (t.queuedAt === best.queuedAt && (t.seq < best.seq || (t.seq === best.seq && t.category < best.category)))))) best = t
  }
  return best
}

export type TicketAction = 'call' | 'recall' | 'serve' | 'finish' | 'no_show' | 'transfer' | 'cancel' | 'here'
export const STAFF_TICKET_ACTIONS = ['recall', 'serve', 'finish', 'no_show', 'transfer'] as const satisfies readonly TicketAction[]
export type StaffTicketAction = (typeof STAFF_TICKET_ACTIONS)[number]

export const TICKET_ACTION_LABELS: Readonly<Record<TicketAction, string>> = {
  call: '叫号', recall: '重呼', serve: '开始办理', finish: '办结', no_show: '过号', transfer: '转业务', cancel: '取消排队', here: '我到了',
}

export interface TicketFacts {
  state: TicketState
  recalls: number
  /** When it was marked 过号 (ms), for 我到了. */
  noShowAt: number | null
}

export type TicketRefusal = 'wrong_state' | 'recalls_left' | 'recalls_used' | 'recall_window_over'

/** What an action makes of a ticket, or why it may not. */
export function ticketTransition(t: TicketFacts, action: TicketAction, config: Pick<HallQueueConfig, 'recalls' | 'recallWindowMinutes'>, now: number): { to: TicketState } | { refused: TicketRefusal } {
  switch (action) {
    case 'call': return t.state === 'waiting' ? { to: 'called' } : { refused: 'wrong_state' }
    case 'recall':
      if (t.state !== 'called') return { refused: 'wrong_state' }
      return t.recalls >= config.recalls ? { refused: 'recalls_used' } : { to: 'called' }
    case 'serve': return t.state === 'called' ? { to: 'serving' } : { refused: 'wrong_state' }
    case 'finish': return t.state === 'serving' ? { to: 'done' } : { refused: 'wrong_state' }
    case 'no_show':
      if (t.state !== 'called') return { refused: 'wrong_state' }
      return t.recalls < config.recalls ? { refused: 'recalls_left' } : { to: 'no_show' }
    case 'transfer': return t.state === 'waiting' || t.state === 'called' || t.state === 'serving' ? { to: 'transferred' } : { refused: 'wrong_state' }
    case 'cancel': return t.state === 'waiting' || t.state === 'called' ? { to: 'cancelled' } : { refused: 'wrong_state' }
    case 'here':
      if (t.state !== 'no_show') return { refused: 'wrong_state' }
      return t.noShowAt !== null && now - t.noShowAt <= config.recallWindowMinutes * 60_000 ? { to: 'waiting' } : { refused: 'recall_window_over' }
  }
}

/** Why a ticket action was refused, in words for the clerk or the visitor. */
export const TICKET_REFUSAL_TEXT: Readonly<Record<TicketRefusal, string>> = {
  wrong_state: '这个号当前的状态不能进行这项操作，请刷新后再试',
  recalls_left: '还可以重呼，重呼后仍未到再标记过号',
  recalls_used: '已经重呼过了，请标记过号',
  recall_window_over: '过号太久了，请重新取号',
}

export interface TakeTicketInput { category: string; deviceId?: string | undefined; phone?: string | undefined; caseNo?: string | undefined }

/** What is wrong with a request for a number, by field; empty when it may be taken (the hall's hours and the person's other tickets are the BFF's to check). */
export function takeTicketIssues(config: Pick<HallQueueConfig, 'categories'>, input: TakeTicketInput, signedIn: boolean): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (!config.categories.some((c) => c.code === input.category)) issues.push({ path: 'category', code: 'not_in_hall', message: '这个大厅没有这项业务，请重新选择' })
  if (!signedIn && !input.deviceId) issues.push({ path: 'deviceId', code: 'required', message: '没有登录时取号需要本机编号，请刷新页面后再取号' })
  if (input.deviceId !== undefined && !new RegExp(DEVICE_ID_PATTERN).test(input.deviceId)) issues.push({ path: 'deviceId', code: 'pattern', message: '本机编号不正确，请刷新页面后再取号' })
  if (input.phone !== undefined && input.phone !== '' && !isValidMobile(normalizeMobile(input.phone))) issues.push({ path: 'phone', code: 'mobile', message: '请填写11位手机号码，或者不填' })
  if (input.caseNo !== undefined && input.caseNo.trim() !== '' && !new RegExp(CASE_NO_PATTERN).test(input.caseNo.trim().toUpperCase())) {
    issues.push({ path: 'caseNo', code: 'case_no', message: '办件编号不正确，如 SJ-0001-20261124-0001；没有可以不填' })
  }
  return issues
}
