/**
 * What no request may carry, whatever the route: text PostgreSQL cannot
 * store — NUL (U+0000) in text, a lone surrogate (half of a UTF-16 pair,
 * "\ud800") in jsonb — JSON nested deeper than any form, and numbers
 * that are not finite. The BFF refuses each with the path of the value
 * before a route reads the request; pure, so a shell can check what it is
 * about to send the same way.
 */

/** Deeper than any form (values → members → a member → a field is 4). */
export const MAX_INPUT_DEPTH = 32

export type InputIssueCode = 'nul' | 'lone_surrogate' | 'too_deep' | 'not_finite'

export interface InputIssue {
  /** Dotted path of the value, as schema errors name fields ("values.members.0.name"). */
  path: string
  code: InputIssueCode
}

export const INPUT_MESSAGES: Record<InputIssueCode, string> = {
  nul: '这一项含有无法保存的空字符，请删除后重新填写',
  lone_surrogate: '这一项含有无法识别的字符（可能是复制时残缺的表情符号），请删除后重新填写',
  too_deep: '提交的内容层级太多，无法处理',
  not_finite: '这一项的数字超出了允许的范围',
}

/** A NUL or any surrogate: the cheap test before the exact one (almost all text has neither). */
const SUSPECT = /[\u0000\ud800-\udfff]/

/** Code units, not a regex with lookbehind or `u`: the mini-program's JS engines may lack both. */
export function textIssue(s: string): 'nul' | 'lone_surrogate' | null {
  if (!SUSPECT.test(s)) return null
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0) return 'nul'
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) { i++; continue }
      return 'lone_surrogate'
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'lone_surrogate'
  }
  return null
}

/** A key as it can be shown in a path: the offending characters as U+FFFD, never echoed back. */
function shown(key: string): string {
  return textIssue(key) ? key.replace(/[\u0000\ud800-\udfff]/g, '\ufffd') : key
}

/** Arrays and plain objects, null-prototype ones too (the router's params, the parsed query). */
function plain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as object | null
  return Array.isArray(v) || proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null
}

/**
 * The first value (or key) in `value`, in document order, that no route may
 * take, or null. Walks with its own stack: a body nested 100,000 deep is
 * refused, not a stack overflow. Only plain objects and arrays are walked (a
 * Buffer body is bytes, not text).
 */
export function findInputIssue(value: unknown, path = ''): InputIssue | null {
  const stack: { v: unknown; at: string; depth: number; key?: string }[] = [{ v: value, at: path, depth: 0 }]
  while (stack.length) {
    const { v, at, depth, key } = stack.pop()!
    const keyIssue = key === undefined ? null : textIssue(key)
    if (keyIssue) return { path: at, code: keyIssue }
    if (typeof v === 'string') {
      const code = textIssue(v)
      if (code) return { path: at, code }
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path: at, code: 'not_finite' }
    } else if (v !== null && typeof v === 'object' && plain(v)) {
      if (depth >= MAX_INPUT_DEPTH) return { path: at, code: 'too_deep' }
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i]!
        stack.push({ v: x, at: at ? `${at}.${shown(k)}` : shown(k), depth: depth + 1, key: k })
      }
    }
  }
  return null
}
