/**
 * The fake WeChat API's subscribe messages: the one-time acceptances each
 * user holds per template, the templates it knows with their keywords, the
 * messages it accepted, and its own check of each value against the
 * keyword-type table (protocols.md §1.4). The check is written apart from
 * the core's value shaping on purpose: a shaping bug must meet a 47003 here,
 * as it would at WeChat, not agree with itself.
 *
 *   POST /cgi-bin/message/subscribe/send?access_token=
 *     JSON { touser, template_id, page?, data: { <keyword>: { value } }, miniprogram_state?, lang? }
 *
 * Order of checks as WeChat answers them: body → 47001; touser empty or an
 * openid the fake never saw → 40003; template_id empty or unknown → 40037;
 * miniprogram_state / lang not one of theirs → 47001; a keyword of the
 * template missing or its value over its type's limit → 47003 naming it
 * (`argument invalid! data.thing1.value invalid`); page not one of the
 * app's pages (when pages are given) → 41030; no acceptance left → 43101.
 * A message sent uses one acceptance.
 */
export interface FakeTemplate {
  id: string
  /** Keyword names as the console shows them: `thing1`, `character_string2`, … */
  keywords: readonly string[]
}

export interface AcceptedMessage {
  touser: string
  template_id: string
  page: string | null
  data: Record<string, { value: string }>
  /** When the fake accepted it (ISO 8601, the fake's clock). */
  at: string
  miniprogram_state: string
  lang: string
}

const STATES = new Set(['developer', 'trial', 'formal'])
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW'])

const codePoints = (s: string) => Array.from(s).length
const hasHan = (s: string) => /\p{Script=Han}/u.test(s)

/** Would WeChat take this value for a keyword named `key`? */
export function fakeAcceptsValue(key: string, value: string): boolean {
  const type = /^([a-z_]+?)\d+$/.exec(key)?.[1]
  if (value === '' || /[\u0000-\u001f]/.test(value)) return false
  switch (type) {
    case 'thing': return codePoints(value) <= 20
    case 'number': return /^\d+(\.\d+)?$/.test(value) && value.length <= 32
    case 'letter': return /^[A-Za-z]{1,32}$/.test(value)
    case 'symbol': return /^[\p{P}\p{S}]{1,5}$/u.test(value)
    case 'character_string': return /^[\x20-\x7e]{1,32}$/.test(value)
    case 'time': return /(^|\D)([01]?\d|2[0-3]):[0-5]\d/.test(value)
    case 'date': return /\d{4}(年\d{1,2}月\d{1,2}日|[-/]\d{1,2}[-/]\d{1,2})/.test(value)
    case 'amount': return /^[¥￥$€£]?\d+(\.\d+)?元?$/.test(value) && value.replace(/\D/g, '').length <= 10
    case 'phone_number': return /^[\d+\-()]{1,17}$/.test(value)
    case 'car_number': return codePoints(value) <= 8
    case 'name': return codePoints(value) <= (hasHan(value) ? 10 : 20)
    case 'phrase': return /^\p{Script=Han}{1,5}$/u.test(value)
    case 'enum': return true
    default: return false
  }
}

export function fakeSubscriptions(now: () => number, pages: readonly string[] | undefined) {
  const templates = new Map<string, FakeTemplate>()
  const accepts = new Map<string, number>()
  const openids = new Set<string>()
  const accepted: AcceptedMessage[] = []
  const slot = (openid: string, templateId: string) => `${openid}\u0000${templateId}`

  return {
    knowOpenid(openid: string) {
      openids.add(openid)
    },
    addTemplate(t: FakeTemplate) {
      templates.set(t.id, { id: t.id, keywords: [...t.keywords] })
    },
    grant(openid: string, templateId: string, n: number) {
      openids.add(openid)
      accepts.set(slot(openid, templateId), (accepts.get(slot(openid, templateId)) ?? 0) + Math.max(0, Math.floor(n)))
    },
    left: (openid: string, templateId: string) => accepts.get(slot(openid, templateId)) ?? 0,
    accepted: (): AcceptedMessage[] => accepted.map((m) => structuredClone(m)),

    /** → `{ errcode }` refused (with the field for 47003), or the msgid of the accepted message. */
    send(body: Record<string, unknown> | null): { errcode: number; field?: string } | { msgid: number } {
      if (body === null) return { errcode: 47001 }
      const touser = typeof body.touser === 'string' ? body.touser : ''
      const templateId = typeof body.template_id === 'string' ? body.template_id : ''
      if (!touser || !openids.has(touser)) return { errcode: 40003 }
      const template = templates.get(templateId)
      if (!template) return { errcode: 40037 }
      const state = body.miniprogram_state ?? 'formal'
      const lang = body.lang ?? 'zh_CN'
      if (typeof state !== 'string' || !STATES.has(state) || typeof lang !== 'string' || !LANGS.has(lang)) return { errcode: 47001 }
      const data = body.data
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return { errcode: 47003, field: 'data' }
      const values: Record<string, { value: string }> = {}
      for (const key of template.keywords) {
        const entry = (data as Record<string, unknown>)[key]
        const value = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined
        if (typeof value !== 'string' || !fakeAcceptsValue(key, value)) return { errcode: 47003, field: `data.${key}.value` }
        values[key] = { value }
      }
      const page = typeof body.page === 'string' && body.page !== '' ? body.page : null
      if (page !== null && pages && !pages.includes(page.split('?')[0]!)) return { errcode: 41030 }
      const left = accepts.get(slot(touser, templateId)) ?? 0
      if (left <= 0) return { errcode: 43101 }
      accepts.set(slot(touser, templateId), left - 1)
      accepted.push({ touser, template_id: templateId, page, data: values, at: new Date(now()).toISOString(), miniprogram_state: state, lang })
      return { msgid: 2_000_000_000 + accepted.length }
    },
  }
}
