/** The real-name form (实名信息): one check, run by both shells before sending and by the BFF on receipt. */
import type { FieldIssue } from '../api/problems'
import { PROFILE_MESSAGES } from '../api/identity/labels'
import { creditCodeIssue, IDENTITY_MESSAGES, isValidRealName, normalizeRealName, residentIdIssue } from './validators'

export interface RealNameInput {
  name: string
  idNumber: string
}

export function normalizeRealNameInput(input: RealNameInput): RealNameInput {
  return { name: normalizeRealName(input.name), idNumber: input.idNumber.trim().toUpperCase() }
}

/** `today` is YYYY-MM-DD in Asia/Shanghai (a birth date after it is wrong). */
export function realNameIssues(input: RealNameInput, today: string): FieldIssue[] {
  const { name, idNumber } = normalizeRealNameInput(input)
  const issues: FieldIssue[] = []
  if (!isValidRealName(name)) issues.push({ path: 'name', code: 'name', message: PROFILE_MESSAGES.name })
  const issue = residentIdIssue(idNumber, today)
  if (issue) issues.push({ path: 'idNumber', code: issue, message: IDENTITY_MESSAGES.residentId[issue] })
  return issues
}

/** Today's civil date in Asia/Shanghai (UTC+8 all year). */
export function shanghaiDate(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10)
}

/**
 * `YYYY-MM-DD HH:mm` in Asia/Shanghai, for times shown to citizens (a
 * receipt's 提交时间), whatever the phone's time zone; no Intl, which some
 * mini-program engines lack. Empty for a time that cannot be read.
 */
export function shanghaiDateTime(at: number | string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at)
  if (!Number.isFinite(ms)) return ''
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

export interface CompanyInput {
  name: string
  creditCode: string
}

export const COMPANY_MESSAGES = {
  name: '请填写营业执照上的单位名称（2到100个字）',
} as const

export function normalizeCompanyInput(input: CompanyInput): CompanyInput {
  return { name: input.name.trim(), creditCode: input.creditCode.trim().toUpperCase() }
}

/** The company form (法人信息): name as on the licence, and a valid unified social credit code. */
export function companyIssues(input: CompanyInput): FieldIssue[] {
  const { name, creditCode } = normalizeCompanyInput(input)
  const issues: FieldIssue[] = []
  if ([...name].length < 2 || [...name].length > 100 || /[<>]/.test(name)) issues.push({ path: 'name', code: 'name', message: COMPANY_MESSAGES.name })
  const issue = creditCodeIssue(creditCode)
  if (issue) issues.push({ path: 'creditCode', code: issue, message: IDENTITY_MESSAGES.creditCode[issue] })
  return issues
}

/**
 * A page shown from the copy this device saved, for want of a network (a
 * guide, 我的办件, a case, 我的证照): when it was saved, and that it will
 * update by itself. Both shells say it in these words.
 */
export function savedCopyText(savedAt: number | null | undefined): string {
  const at = savedAt === null || savedAt === undefined ? '' : shanghaiDateTime(savedAt)
  return at ? `当前无网络，显示的是${at}保存在本机的内容，联网后会自动更新` : '当前无网络，显示的是上次保存在本机的内容，联网后会自动更新'
}
