/**
 * A hall's queue as its hall_admin sets it up (/staff/hall): what makes a
 * configuration one the hall can run on — letters A–Z once each, every
 * category served by a window, sessions that make sense — each fault named
 * by its path with a message in words, so the form shows it at its field.
 */
import type { FieldIssue } from '../api/problems'
import { minuteOfDay, type HallQueueConfig, type Session } from './rules'

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/

export const QUEUE_LIMITS = {
  categories: 26, windows: 99, nameLength: 20, serviceMinutes: { min: 1, max: 240 }, lastTakeMinutes: { max: 120 },
  recalls: { max: 5 }, recallWindowMinutes: { max: 240 }, nearAhead: { min: 1, max: 20 }, sessions: 4,
} as const

function sessionIssues(list: readonly Session[] | undefined, path: string): FieldIssue[] {
  const out: FieldIssue[] = []
  if (!list) return out
  if (list.length > QUEUE_LIMITS.sessions) out.push({ path, code: 'too_many', message: `每天最多${QUEUE_LIMITS.sessions}个时段` })
  let end = -1
  for (const [i, s] of list.entries()) {
    if (!HHMM.test(s.from) || !HHMM.test(s.to)) { out.push({ path: `${path}.${i}`, code: 'time', message: '请按“09:00”的格式填写时间' }); continue }
    if (minuteOfDay(s.from) >= minuteOfDay(s.to)) out.push({ path: `${path}.${i}`, code: 'order', message: '结束时间要晚于开始时间' })
    else if (minuteOfDay(s.from) < end) out.push({ path: `${path}.${i}`, code: 'overlap', message: '时段要按先后排列，不能重叠' })
    end = Math.max(end, minuteOfDay(s.to))
  }
  return out
}

/**
 * What is wrong with a configuration, by field path (`categories.1.code`,
 * `windows.0.categories`, `hours.workdays.1`); empty when it may be saved.
 * `itemCodes`: the catalogue's items, so a category serves only real ones.
 */
export function queueConfigIssues(config: HallQueueConfig, itemCodes: ReadonlySet<string>): FieldIssue[] {
  const out: FieldIssue[] = []
  const { categories, windows, hours } = config
  if (!categories.length) out.push({ path: 'categories', code: 'required', message: '至少要有一项业务' })
  if (categories.length > QUEUE_LIMITS.categories) out.push({ path: 'categories', code: 'too_many', message: `最多${QUEUE_LIMITS.categories}项业务（A–Z）` })
  const codes = new Set<string>()
  for (const [i, c] of categories.entries()) {
    const at = `categories.${i}`
    if (!/^[A-Z]$/.test(c.code)) out.push({ path: `${at}.code`, code: 'letter', message: '字母请填一个大写英文字母（A–Z）' })
    else if (codes.has(c.code)) out.push({ path: `${at}.code`, code: 'duplicate', message: `字母 ${c.code} 已被另一项业务使用` })
    codes.add(c.code)
    const name = c.name.trim()
    if (!name) out.push({ path: `${at}.name`, code: 'required', message: '请填写业务名称' })
    else if ([...name].length > QUEUE_LIMITS.nameLength) out.push({ path: `${at}.name`, code: 'too_long', message: `业务名称请在${QUEUE_LIMITS.nameLength}个字以内` })
    if (!Number.isInteger(c.serviceMinutes) || c.serviceMinutes < QUEUE_LIMITS.serviceMinutes.min || c.serviceMinutes > QUEUE_LIMITS.serviceMinutes.max) {
      out.push({ path: `${at}.serviceMinutes`, code: 'range', message: `每人办理时间请填 ${QUEUE_LIMITS.serviceMinutes.min}–${QUEUE_LIMITS.serviceMinutes.max} 分钟` })
    }
    const unknown = c.items.filter((code) => !itemCodes.has(code))
    if (unknown.length) out.push({ path: `${at}.items`, code: 'unknown', message: `目录中没有这些事项：${unknown.join('、')}` })
  }
  if (!windows.length) out.push({ path: 'windows', code: 'required', message: '至少要有一个窗口' })
  if (windows.length > QUEUE_LIMITS.windows) out.push({ path: 'windows', code: 'too_many', message: `最多${QUEUE_LIMITS.windows}个窗口` })
  const numbers = new Set<number>()
  for (const [i, w] of windows.entries()) {
    const at = `windows.${i}`
    if (!Number.isInteger(w.no) || w.no < 1 || w.no > 999) out.push({ path: `${at}.no`, code: 'range', message: '窗口号请填 1–999' })
    else if (numbers.has(w.no)) out.push({ path: `${at}.no`, code: 'duplicate', message: `${w.no}号窗口重复了` })
    numbers.add(w.no)
    if (!w.categories.length) out.push({ path: `${at}.categories`, code: 'required', message: '请选择这个窗口办理的业务' })
    const strange = w.categories.filter((c) => !codes.has(c))
    if (strange.length) out.push({ path: `${at}.categories`, code: 'unknown', message: `没有这些业务：${strange.join('、')}` })
  }
  for (const [i, c] of categories.entries()) {
    if (codes.size && !windows.some((w) => w.categories.includes(c.code))) out.push({ path: `categories.${i}`, code: 'unserved', message: `没有窗口办理“${c.name || c.code}”，取了号也叫不到` })
  }
  out.push(...sessionIssues(hours.workdays, 'hours.workdays'), ...sessionIssues(hours.saturday, 'hours.saturday'), ...sessionIssues(hours.sunday, 'hours.sunday'))
  if (!hours.workdays.length && !hours.saturday?.length && !hours.sunday?.length) out.push({ path: 'hours.workdays', code: 'required', message: '至少要有一个取号时段' })
  if (!Number.isInteger(hours.lastTakeMinutes) || hours.lastTakeMinutes < 0 || hours.lastTakeMinutes > QUEUE_LIMITS.lastTakeMinutes.max) {
    out.push({ path: 'hours.lastTakeMinutes', code: 'range', message: `停止取号请填每段结束前 0–${QUEUE_LIMITS.lastTakeMinutes.max} 分钟` })
  } else {
    for (const [key, list] of [['workdays', hours.workdays], ['saturday', hours.saturday], ['sunday', hours.sunday]] as const) {
      for (const [i, s] of (list ?? []).entries()) {
        if (HHMM.test(s.from) && HHMM.test(s.to) && minuteOfDay(s.to) > minuteOfDay(s.from) && minuteOfDay(s.to) - minuteOfDay(s.from) <= hours.lastTakeMinutes) {
          out.push({ path: `hours.${key}.${i}`, code: 'too_short', message: '这个时段比“结束前停止取号”的时间还短，整段都取不了号' })
        }
      }
    }
  }
  const int = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max
  if (!int(config.recalls, 0, QUEUE_LIMITS.recalls.max)) out.push({ path: 'recalls', code: 'range', message: `重呼次数请填 0–${QUEUE_LIMITS.recalls.max}` })
  if (!int(config.recallWindowMinutes, 0, QUEUE_LIMITS.recallWindowMinutes.max)) out.push({ path: 'recallWindowMinutes', code: 'range', message: `过号后可“我到了”的时间请填 0–${QUEUE_LIMITS.recallWindowMinutes.max} 分钟` })
  if (!int(config.nearAhead, QUEUE_LIMITS.nearAhead.min, QUEUE_LIMITS.nearAhead.max)) out.push({ path: 'nearAhead', code: 'range', message: `“快到号了”提醒请填前面剩 ${QUEUE_LIMITS.nearAhead.min}–${QUEUE_LIMITS.nearAhead.max} 人时` })
  return out
}
