/**
 * One field's value, by type: how it is normalised (trimmed, +86 dropped,
 * upper-cased) and what is wrong with it. Groups are walked by validate.ts;
 * everything else is here. Wrong types are problems, never exceptions.
 */
import { creditCodeIssue, normalizeMobile, residentIdIssue } from '../identity/validators'
import { isRecord, own, type CompiledField } from './compile'
import { isCalendarDay } from '../clock/dates'
import type { FormIssueCode, FormMessageKey } from './messages'

export interface Problem {
  code: FormIssueCode
  params?: Record<string, string | number>
  /** Wording other than the code's own (e.g. 请选择 rather than 请填写). */
  messageKey?: FormMessageKey
  /** Below the field's own path: `start`, `district`. */
  sub?: string
}

const ID = /^[A-Za-z0-9._:-]{1,128}$/
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u
const EMAIL_MAX = 254

function trimmed(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw
  const s = raw.trim()
  return s === '' ? undefined : s
}

/**
 * The value as the validator sees it: `undefined` when empty (absent, null,
 * blank, []), otherwise normalised if the type is right, else the raw junk.
 * Normalising twice gives the same as once.
 */
export function normalize(f: CompiledField, raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined
  switch (f.type) {
    case 'text': case 'address': case 'email': case 'date':
      return trimmed(raw)
    case 'textarea':
      return typeof raw === 'string' ? trimmed(raw.replace(/\r\n?/g, '\n')) : raw
    case 'mobile':
      return typeof raw === 'string' ? trimmed(normalizeMobile(raw)) : raw
    case 'residentId': case 'creditCode':
      return typeof raw === 'string' ? trimmed(raw.toUpperCase()) : raw
    case 'select': case 'radio':
      return raw === '' ? undefined : raw
    case 'number': case 'money':
      // NaN and ±Infinity travel as null in JSON: read them as the BFF will.
      if (raw === '' || (typeof raw === 'number' && !Number.isFinite(raw))) return undefined
      return Object.is(raw, -0) ? 0 : raw
    case 'checkbox': {
      if (!Array.isArray(raw)) return raw === '' ? undefined : raw
      if (raw.length === 0) return undefined
      if (!raw.every((v) => typeof v === 'string')) return raw
      // One of each, in the order the options are listed.
      const chosen = new Set(raw as string[])
      const known = f.options!.filter((o) => chosen.has(o))
      const unknown = [...chosen].filter((v) => !f.options!.includes(v))
      return [...known, ...unknown]
    }
    case 'dateRange': {
      if (!isRecord(raw)) return raw === '' ? undefined : raw
      const start = trimmed(own(raw, 'start')), end = trimmed(own(raw, 'end'))
      if (start === undefined && end === undefined) return undefined
      const out: Record<string, unknown> = {}
      if (start !== undefined) out.start = start
      if (end !== undefined) out.end = end
      return out
    }
    case 'region': {
      if (!isRecord(raw)) return raw === '' ? undefined : raw
      const parts = (['province', 'city', 'district'] as const).slice(0, f.depth ?? 3)
      const out: Record<string, unknown> = {}
      for (const p of parts) {
        const v = trimmed(own(raw, p))
        if (v !== undefined) out[p] = v
      }
      return Object.keys(out).length === 0 ? undefined : out
    }
    case 'material': {
      if (!isRecord(raw)) return raw === '' ? undefined : raw
      const kind = own(raw, 'kind')
      if (kind === 'upload') return { kind, fileId: own(raw, 'fileId') }
      if (kind === 'eLicence') return { kind, licenceId: own(raw, 'licenceId') }
      return raw
    }
    default: // switch, consent, group (walked elsewhere)
      return raw
  }
}

function requiredKey(f: CompiledField): FormMessageKey {
  switch (f.type) {
    case 'select': case 'radio': case 'checkbox': case 'switch': case 'region': case 'date': case 'dateRange':
      return 'required_choice'
    case 'material':
      return f.eLicence ? 'required_material_or_licence' : 'required_material'
    default:
      return 'required'
  }
}

/** Characters (code points), counted no further than needed to know it is over `limit`. */
function length(s: string, limit: number | undefined): number {
  if (limit !== undefined && s.length > limit * 2) return limit + 1
  let n = 0
  for (const _ of s) n++
  return n
}

function checkString(f: CompiledField, s: string): Problem[] {
  const n = length(s, f.maxLength)
  if (f.maxLength !== undefined && n > f.maxLength) return [{ code: 'too_long', params: { max: f.maxLength } }]
  if (f.minLength !== undefined && n < f.minLength) return [{ code: 'too_short', params: { min: f.minLength } }]
  if (f.pattern && !f.pattern.test(s)) return [{ code: 'pattern' }]
  return []
}

function checkNumber(f: CompiledField, n: number): Problem[] {
  if (f.integer && !Number.isInteger(n)) return [{ code: 'not_integer' }]
  if (f.type === 'money' && Math.round(n * 100) / 100 !== n) return [{ code: 'money_decimals' }]
  if (f.min !== undefined && n < f.min) return [{ code: 'too_small', params: { min: f.min } }]
  if (f.max !== undefined && n > f.max) return [{ code: 'too_big', params: { max: f.max } }]
  return []
}

function checkDate(f: CompiledField, d: unknown, today: string | undefined, sub?: string): Problem[] {
  const at = sub === undefined ? {} : { sub }
  if (!isCalendarDay(d)) return [{ code: 'invalid_date', ...at }]
  const min = f.dateMin === 'today' ? today : f.dateMin
  const max = f.dateMax === 'today' ? today : f.dateMax
  if (min !== undefined && d < min) return [{ code: 'date_too_early', params: { min }, ...at }]
  if (max !== undefined && d > max) return [{ code: 'date_too_late', params: { max }, ...at }]
  return []
}

function checkRegion(f: CompiledField, r: Record<string, unknown>): Problem[] {
  const depth = f.depth ?? 3
  const province = own(r, 'province'), city = own(r, 'city'), district = own(r, 'district')
  const parts = [province, city, district].slice(0, depth)
  if (parts.some((p) => p !== undefined && typeof p !== 'string')) return [{ code: 'invalid_type' }]
  if (parts.some((p) => p === undefined)) return [{ code: 'region_incomplete' }]
  const p = province as string
  if (!/^\d{2}0000$/.test(p) || p === '000000') return [{ code: 'invalid_region', sub: 'province' }]
  if (depth >= 2) {
    const c = city as string
    if (!/^\d{4}00$/.test(c) || c.slice(0, 2) !== p.slice(0, 2) || c.slice(2, 4) === '00') return [{ code: 'invalid_region', sub: 'city' }]
    if (depth === 3) {
      const d = district as string
      if (!/^\d{6}$/.test(d) || d.slice(0, 4) !== c.slice(0, 4) || d.slice(4) === '00') return [{ code: 'invalid_region', sub: 'district' }]
    }
  }
  return []
}

/** What is wrong with a normalised value of a visible field (groups excepted). */
const LAST_DAY = '9999-12-31'

export function checkField(f: CompiledField, v: unknown, required: boolean, today: string | undefined): Problem[] {
  if (v === undefined) {
    if (!required) return []
    return f.type === 'consent' ? [{ code: 'consent_required' }] : [{ code: 'required', messageKey: requiredKey(f) }]
  }
  const wrongType: Problem[] = [{ code: 'invalid_type' }]
  switch (f.type) {
    case 'text': case 'textarea': case 'address':
      return typeof v === 'string' ? checkString(f, v) : wrongType
    case 'email':
      if (typeof v !== 'string') return wrongType
      return v.length <= EMAIL_MAX && EMAIL.test(v) ? [] : [{ code: 'invalid_email' }]
    case 'mobile':
      if (typeof v !== 'string') return wrongType
      return /^1[3-9]\d{9}$/.test(v) ? [] : [{ code: 'invalid_mobile' }]
    case 'residentId': {
      if (typeof v !== 'string') return wrongType
      // Without a today (a caller asking only which fields show, e.g. supplementChoices) the future cannot be told;
      // every caller that judges input — the shells, the BFF — passes one.
      const issue = residentIdIssue(v.slice(0, 64), today ?? LAST_DAY)
      return issue ? [{ code: `resident_id_${issue}` }] : []
    }
    case 'creditCode': {
      if (typeof v !== 'string') return wrongType
      const issue = creditCodeIssue(v.slice(0, 64))
      return issue ? [{ code: `credit_code_${issue}` }] : []
    }
    case 'number': case 'money':
      return typeof v === 'number' && Number.isFinite(v) ? checkNumber(f, v) : wrongType
    case 'date':
      return checkDate(f, v, today)
    case 'dateRange': {
      if (!isRecord(v)) return wrongType
      const start = own(v, 'start'), end = own(v, 'end')
      if (start === undefined || end === undefined) return [{ code: 'date_range_incomplete' }]
      const problems = [...checkDate(f, start, today, 'start'), ...checkDate(f, end, today, 'end')]
      if (problems.length === 0 && (end as string) < (start as string)) problems.push({ code: 'date_range_order', sub: 'end' })
      return problems
    }
    case 'select': case 'radio':
      if (typeof v !== 'string') return wrongType
      return f.options!.includes(v) ? [] : [{ code: 'invalid_option' }]
    case 'checkbox': {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return wrongType
      if (!v.every((x) => f.options!.includes(x))) return [{ code: 'invalid_option' }]
      if (f.minItems !== undefined && v.length < f.minItems) return [{ code: 'too_few_selected', params: { min: f.minItems } }]
      if (f.maxItems !== undefined && v.length > f.maxItems) return [{ code: 'too_many_selected', params: { max: f.maxItems } }]
      return []
    }
    case 'switch':
      return typeof v === 'boolean' ? [] : wrongType
    case 'consent':
      if (typeof v !== 'boolean') return wrongType
      return required && !v ? [{ code: 'consent_required' }] : []
    case 'region':
      return isRecord(v) ? checkRegion(f, v) : wrongType
    case 'material': {
      if (!isRecord(v)) return wrongType
      const kind = own(v, 'kind')
      if (kind === 'upload') return typeof own(v, 'fileId') === 'string' && ID.test(own(v, 'fileId') as string) ? [] : [{ code: 'invalid_material' }]
      if (kind === 'eLicence') {
        if (!f.eLicence) return [{ code: 'elicence_not_accepted' }]
        return typeof own(v, 'licenceId') === 'string' && ID.test(own(v, 'licenceId') as string) ? [] : [{ code: 'invalid_material' }]
      }
      return wrongType
    }
    default:
      return []
  }
}
