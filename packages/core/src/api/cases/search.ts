/**
 * 查找办件 on the workbench: one box takes a case number, an applicant's
 * mobile number or a name (the applicant's, or a company's), told apart
 * here so the page and the BFF read a query the same way. Exact matches
 * only: a look-up of a person, not a browse (each one is written to the
 * access log the citizen sees).
 */
import { isValidMobile, normalizeMobile } from '../../identity/validators'
import { CASE_NO_PATTERN } from '../contract/patterns'
import { Enum, List, Obj, Str, type Static } from '../contract/schema'
import { staffCaseSummarySchema } from './views'

export const CASE_SEARCH_BY = ['caseNo', 'phone', 'name'] as const
export type CaseSearchBy = (typeof CASE_SEARCH_BY)[number]

export const CASE_SEARCH_BY_TEXT: Record<CaseSearchBy, string> = { caseNo: '办件编号', phone: '手机号码', name: '姓名' }

/** How many cases one search answers (newest first). */
export const CASE_SEARCH_LIMIT = 20
export const MAX_CASE_SEARCH_LENGTH = 60

export const CASE_SEARCH_MESSAGE = '请输入完整的办件编号、11位手机号码，或申请人姓名（至少2个字）'

const caseNo = new RegExp(CASE_NO_PATTERN)
/** A person's or a company's name: Chinese, letters, the middle dot of minority names, brackets of company names. */
const name = /^[\p{Script=Han}A-Za-z·•.（）()]{2,60}$/u

export interface CaseSearchTerm { by: CaseSearchBy; value: string }

/** What a query searches by, normalised; null when it is none of the three (too short, a partial number). */
export function caseSearchTerm(q: string): CaseSearchTerm | null {
  const t = q.trim()
  if (!t || t.length > MAX_CASE_SEARCH_LENGTH) return null
  if (caseNo.test(t)) return { by: 'caseNo', value: t.toUpperCase() }
  const mobile = normalizeMobile(t)
  if (/^[\d\s+-]+$/.test(t)) return isValidMobile(mobile) ? { by: 'phone', value: mobile } : null
  const compact = t.replace(/\s+/g, '')
  return name.test(compact) ? { by: 'name', value: compact } : null
}

export const caseSearchQuerySchema = Obj({ q: Str({ minLength: 1, maxLength: MAX_CASE_SEARCH_LENGTH }) })

export const caseSearchResultSchema = Obj({
  /** What the query was read as. */
  by: Enum(CASE_SEARCH_BY),
  /** The cases found that this person may open, newest first, at most CASE_SEARCH_LIMIT. */
  cases: List(staffCaseSummarySchema),
})
export type CaseSearchResult = Static<typeof caseSearchResultSchema>
