/**
 * WeChat subscribe-message values: the rules of each keyword type (参数值内容
 * 限制, protocols.md §1.4) applied to our text, and the `data` object of a
 * configured template built from a MessageContent. A value too long is cut
 * to its type's limit rather than refused (the person is still told); a
 * value that no cut can make valid (Chinese in a character_string, a number
 * with letters, a time that is no time) is reported, never sent: WeChat would
 * answer 47003 and the whole message would be lost.
 *
 * A keyword's type is the prefix of its name (`thing1` is a thing), as in
 * every template WeChat shows; which MessageContent field fills it is
 * configuration (WECHAT_TEMPLATE_*), not code.
 */
import { MESSAGE_KINDS, type MessageContent, type MessageKind } from './kinds'

export const WECHAT_KEYWORD_TYPES = [
  'thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date',
  'amount', 'phone_number', 'car_number', 'name', 'phrase', 'enum',
] as const
export type WechatKeywordType = (typeof WECHAT_KEYWORD_TYPES)[number]

/** The MessageContent fields a keyword may show (the link is the message's `page`, not a keyword). */
export const WECHAT_CONTENT_FIELDS = ['caseNo', 'itemName', 'title', 'body', 'status', 'next', 'at'] as const
export type WechatContentField = (typeof WECHAT_CONTENT_FIELDS)[number]

export interface WechatKeyword {
  /** As in the template: `thing1`, `character_string2`, `time3`. */
  key: string
  type: WechatKeywordType
  field: WechatContentField
  /** For an `enum` keyword: the values the template allows. */
  values?: readonly string[]
}

export interface WechatTemplate {
  /** The template id from the mini-program console (订阅消息 → 我的模板). */
  id: string
  /** Its title as the console shows it (the popup shows it too), e.g. 办件进度提醒. */
  title: string
  /** The message kinds it carries. */
  kinds: readonly MessageKind[]
  keywords: readonly WechatKeyword[]
}

export type ShapedValue = { ok: true; value: string; cut: boolean } | { ok: false; reason: string }

const HAN = /\p{Script=Han}/u
const ONLY_HAN = /^\p{Script=Han}+$/u
const SYMBOL = /^[\p{P}\p{S}]$/u
/** Controls and line breaks become spaces; emoji and other pictographs are dropped (WeChat refuses them in text keywords). */
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]+/gu
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu
const ELLIPSIS = '…'

/** The keyword's type, from its name (`character_string12` → character_string); null when the name is no keyword. */
export function keywordType(key: string): WechatKeywordType | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key)
  return m && (WECHAT_KEYWORD_TYPES as readonly string[]).includes(m[1]!) ? (m[1] as WechatKeywordType) : null
}

/** Characters as a person counts them (code points, not UTF-16 units). */
const chars = (s: string): string[] => Array.from(s)

function tidy(raw: string): string {
  return raw.replace(CONTROL, ' ').replace(PICTOGRAPH, '').replace(/\s+/g, ' ').trim()
}

/** At most `max` characters; a cut text ends in … so the reader sees it goes on. */
function cutText(s: string, max: number, ellipsis: boolean): ShapedValue {
  const c = chars(s)
  if (c.length <= max) return { ok: true, value: s, cut: false }
  const kept = ellipsis ? `${c.slice(0, max - 1).join('').trimEnd()}${ELLIPSIS}` : c.slice(0, max).join('')
  return { ok: true, value: kept, cut: true }
}

const invalid = (reason: string): ShapedValue => ({ ok: false, reason })
const fits = (value: string): ShapedValue => ({ ok: true, value, cut: false })

/** 15:01 · 2019年10月1日 15:01 · 2019-10-01 15:01 (seconds allowed), and ranges of them joined by ~. */
const CLOCK = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`
const DAY = String.raw`(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})`
const TIME_ONE = `(?:${DAY}\\s?${CLOCK}|${CLOCK})`
const DATE_ONE = `(?:${DAY}(?:\\s?${CLOCK})?)`
const TIME_RE = new RegExp(`^${TIME_ONE}(?:\\s?~\\s?${TIME_ONE})?$`)
const DATE_RE = new RegExp(`^${DATE_ONE}(?:\\s?~\\s?${DATE_ONE})?$`)
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/

/** An ISO instant in Beijing time (no daylight saving: a fixed +08:00), as WeChat's examples write it. */
function beijing(iso: string): { day: string; clock: string } | null {
  if (!ISO_INSTANT.test(iso)) return null
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return null
  const d = new Date(ms + 8 * 3_600_000)
  const two = (n: number) => String(n).padStart(2, '0')
  return {
    day: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
    clock: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
  }
}

/**
 * One value shaped to its keyword type. `values` is an enum keyword's list.
 * Cut where a shorter value still says the truth (a name, a thing, a
 * phrase); reported where cutting would say something else (a number, a
 * phone number, an amount, a car number).
 */
export function shapeWechatValue(type: WechatKeywordType, raw: string, values: readonly string[] = []): ShapedValue {
  const s = tidy(raw)
  if (s === '') return invalid('empty')
  switch (type) {
    case 'thing':
      return cutText(s, 20, true)
    case 'name':
      // Mixed text counts as Chinese: ≤ 10 when any hanzi, else ≤ 20 letters and symbols.
      return cutText(s, HAN.test(s) ? 10 : 20, false)
    case 'phrase': {
      // Only hanzi: 需补正！ → 需补正; a phrase with no hanzi at all cannot be made one.
      const han = chars(s).filter((c) => HAN.test(c)).join('')
      if (han === '') return invalid('phrase needs Chinese characters')
      const cut = cutText(han, 5, false)
      return cut.ok && han !== s ? { ...cut, cut: true } : cut
    }
    case 'character_string': {
      const compact = s.replace(/\s+/g, '')
      if (!/^[\x21-\x7e]+$/.test(compact)) return invalid('character_string takes ASCII letters, digits and symbols only')
      return cutText(compact, 32, false)
    }
    case 'number': {
      const n = s.replace(/[\s,]/g, '')
      if (!/^\d+(?:\.\d+)?$/.test(n)) return invalid('number takes digits and one decimal point only')
      const [whole, fraction = ''] = n.split('.') as [string, string?]
      if (whole.length > 32) return invalid('number over 32 digits')
      if (n.length <= 32) return fits(n)
      // Keep the whole part, drop the decimals that do not fit (a cut, not a different number).
      const keep = 32 - whole.length - 1
      return { ok: true, value: keep > 0 ? `${whole}.${fraction.slice(0, keep)}` : whole, cut: true }
    }
    case 'letter': {
      const compact = s.replace(/\s+/g, '')
      if (!/^[A-Za-z]+$/.test(compact)) return invalid('letter takes letters only')
      return cutText(compact, 32, false)
    }
    case 'symbol': {
      const c = chars(s.replace(/\s+/g, ''))
      if (!c.every((x) => SYMBOL.test(x))) return invalid('symbol takes symbols only')
      return cutText(c.join(''), 5, false)
    }
    case 'time': {
      const at = beijing(s)
      if (at) return fits(`${at.day} ${at.clock}`)
      return TIME_RE.test(s) ? fits(s) : invalid('not a time')
    }
    case 'date': {
      const at = beijing(s)
      if (at) return fits(at.day)
      return DATE_RE.test(s) ? fits(s) : invalid('not a date')
    }
    case 'amount': {
      // One currency sign, ≤ 10 digits (decimals allowed), may end with 元; a bare number gets ¥.
      const m = /^([¥￥$€£])?\s?(\d+(?:\.\d+)?)\s?(元)?$/.exec(s.replace(/,/g, ''))
      if (!m) return invalid('not an amount')
      if (m[2]!.replace('.', '').length > 10) return invalid('amount over 10 digits')
      return fits(`${m[1] ?? (m[3] ? '' : '¥')}${m[2]}${m[3] ?? ''}`)
    }
    case 'phone_number': {
      const compact = s.replace(/\s+/g, '')
      if (!/^[\d+\-()]+$/.test(compact)) return invalid('phone_number takes digits and + - ( ) only')
      return compact.length <= 17 ? fits(compact) : invalid('phone_number over 17 characters')
    }
    case 'car_number': {
      const plate = s.replace(/[\s·.-]/g, '').toUpperCase()
      const c = chars(plate)
      const middleOk = c.slice(1, -1).every((x) => /^[A-Z0-9]$/.test(x))
      const endOk = (x: string | undefined) => x !== undefined && (/^[A-Z0-9]$/.test(x) || HAN.test(x))
      if (c.length < 2 || c.length > 8 || !middleOk || !endOk(c[0]) || !endOk(c.at(-1))) return invalid('not a car number')
      return fits(plate)
    }
    case 'enum':
      return values.includes(s) ? fits(s) : invalid(`not one of the template's values (${values.join('、')})`)
  }
}

export interface WechatValueProblem {
  key: string
  field: WechatContentField
  reason: string
}

export type WechatTemplateData =
  | { ok: true; data: Record<string, { value: string }>; cut: string[] }
  | { ok: false; problems: WechatValueProblem[] }

/**
 * The `data` of a subscribe message for this template: each keyword's field
 * of the content, shaped to its type. `cut` names the keywords shortened; a
 * problem in any keyword means the message must not be sent this way.
 */
export function templateData(template: WechatTemplate, content: MessageContent): WechatTemplateData {
  const data: Record<string, { value: string }> = {}
  const cut: string[] = []
  const problems: WechatValueProblem[] = []
  for (const k of template.keywords) {
    const shaped = shapeWechatValue(k.type, content[k.field] ?? '', k.values)
    if (!shaped.ok) problems.push({ key: k.key, field: k.field, reason: shaped.reason })
    else {
      data[k.key] = { value: shaped.value }
      if (shaped.cut) cut.push(k.key)
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, data, cut }
}

/** The configured templates that carry this kind, in configuration order. */
export function templatesFor(templates: readonly WechatTemplate[], kind: MessageKind): WechatTemplate[] {
  return templates.filter((t) => t.kinds.includes(kind))
}

/**
 * A template from its configuration line:
 * `<id>;<title>;<kind>,<kind>…;<keyword>=<field>,…` — an enum keyword lists its values, `enum4=status(已受理/需补正)`.
 * Returns the template, or the problems (each a sentence naming what is wrong).
 */
export function parseWechatTemplate(line: string): { ok: true; template: WechatTemplate } | { ok: false; problems: string[] } {
  const parts = line.split(';').map((p) => p.trim())
  if (parts.length !== 4) return { ok: false, problems: ['expected 4 parts separated by ";": id;title;kinds;keywords'] }
  const [id, title, kindList, keywordList] = parts as [string, string, string, string]
  const problems: string[] = []
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) problems.push(`template id "${id}" must be letters, digits, _ and -`)
  if (title === '') problems.push('the title is empty')
  const kinds = kindList.split(',').map((k) => k.trim()).filter(Boolean)
  if (kinds.length === 0) problems.push('no message kind')
  for (const k of kinds) if (!(MESSAGE_KINDS as readonly string[]).includes(k)) problems.push(`unknown message kind "${k}" (one of ${MESSAGE_KINDS.join(', ')})`)
  const keywords: WechatKeyword[] = []
  const entries = keywordList.split(',').map((k) => k.trim()).filter(Boolean)
  if (entries.length === 0) problems.push('no keyword')
  for (const entry of entries) {
    const m = /^([a-z_]+\d+)=([A-Za-z]+)(?:\(([^)]*)\))?$/.exec(entry)
    if (!m) {
      problems.push(`keyword "${entry}" must read <keyword>=<field>, e.g. thing1=itemName`)
      continue
    }
    const [, key, field, list] = m as unknown as [string, string, string, string | undefined]
    const type = keywordType(key)
    if (!type) problems.push(`keyword "${key}": its name does not start with a keyword type (${WECHAT_KEYWORD_TYPES.join(', ')})`)
    if (!(WECHAT_CONTENT_FIELDS as readonly string[]).includes(field)) problems.push(`keyword "${key}": unknown field "${field}" (one of ${WECHAT_CONTENT_FIELDS.join(', ')})`)
    if (type === 'enum' && !list) problems.push(`keyword "${key}": an enum keyword lists its values, e.g. ${key}=${field}(已受理/需补正)`)
    if (keywords.some((k) => k.key === key)) problems.push(`keyword "${key}" twice`)
    if (type) keywords.push({ key, type, field: field as WechatContentField, ...(list ? { values: list.split('/').map((v) => v.trim()).filter(Boolean) } : {}) })
  }
  if (problems.length) return { ok: false, problems }
  return { ok: true, template: { id, title, kinds: kinds as MessageKind[], keywords } }
}
