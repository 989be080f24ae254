/**
 * 办件查询: anyone with the case number and the applicant phone's last 4
 * digits, without signing in. The limits, the query schema and its
 * messages, and the same check both shells run before anything is sent.
 */
import { CASE_NO_PATTERN } from '../contract/patterns'
import { Obj, Str, type Static } from '../contract/schema'
import type { FieldIssue } from '../problems'

/** Tries per minute per address: enough for a person, too few to guess numbers. */
export const PUBLIC_QUERY_PER_MINUTE = 10

/**
 * Wrong answers per case number per hour, from all addresses together: 4 digits
 * are only 10,000 guesses, so a guesser with many addresses is stopped here.
 */
export const PUBLIC_QUERY_FAILURES_PER_HOUR = 10

export const publicQuerySchema = Obj({
  caseNo: Str({ minLength: 1, maxLength: 90 }),
  phone4: Str({ pattern: '^\\d{4}$' }),
})
export type PublicQuery = Static<typeof publicQuerySchema>

export const PUBLIC_QUERY_MESSAGES = {
  caseNo: '请输入办件编号',
  phone4: '请输入申请时手机号的后4位数字',
} as const

/** Full-width letters, digits and dashes (a Chinese keyboard's) as ASCII; spaces dropped. */
function halfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\u30FC]/g, '-')
    .replace(/[\s\u3000]+/g, '')
}

/**
 * 办件查询 as typed, checked the same in both shells before anything is
 * sent: the number as printed on the receipt (case, full-width characters
 * and spaces forgiven) and 4 digits.
 */
export function checkPublicQuery(input: { caseNo: string; phone4: string }):
  { ok: true; query: PublicQuery } | { ok: false; errors: FieldIssue[] } {
  const caseNo = halfWidth(input.caseNo).toUpperCase()
  const phone4 = halfWidth(input.phone4)
  const errors: FieldIssue[] = []
  if (!caseNo) errors.push({ path: 'caseNo', code: 'required', message: PUBLIC_QUERY_MESSAGES.caseNo })
  else if (!new RegExp(CASE_NO_PATTERN).test(caseNo)) errors.push({ path: 'caseNo', code: 'pattern', message: '办件编号不对：应像回执上的 SJ-0001-20261124-0001 这样' })
  if (!/^\d{4}$/.test(phone4)) errors.push({ path: 'phone4', code: phone4 ? 'pattern' : 'required', message: PUBLIC_QUERY_MESSAGES.phone4 })
  return errors.length ? { ok: false, errors } : { ok: true, query: { caseNo, phone4 } }
}

/** Where a case number is found, and what one looks like (both shells' 办件查询). */
export const CASE_NO_HINT = '在提交后的受理回执上（也可登录后在“我的办件”里看到），如 SJ-0001-20261124-0001'
