/**
 * Who is applying (申请人本人): the signed-in person, or, for an agent, the
 * resident who consented. Applying needs their 实名 (name + resident ID, as
 * the profile's form takes it); the form's applicant fields
 * (FormResult.applicant) hold it — filled from it and read-only in both
 * shells — and the BFF refuses a submission without a real name, or one
 * whose applicant fields name someone else, at those fields. One rule for the
 * PWA, the mini-program and the BFF.
 */
import type { FieldIssue } from '../api/problems'
import type { ApplicantField } from '../forms/validate'
import type { FormValues } from '../forms/schema'
import { normalizeRealName } from './validators'

export interface RealName {
  name: string
  idNumber: string
}

/** The account's real name when it has one (both parts); AccountView fits. */
export function realNameOf(account: { name?: string | null; idNumber?: string | null } | null | undefined): RealName | null {
  const name = account?.name?.trim()
  const idNumber = account?.idNumber?.trim()
  return name && idNumber ? { name, idNumber } : null
}

export const APPLICANT_MESSAGES = {
  /** The in-place 实名 step, above the profile's real-name form. */
  realNameStep: '按规定，网上办事需要先实名。请填写您的姓名和居民身份证号码，保存后回到申请表，已填写的内容都还在。',
  /** An agent's page when the resident has none: the resident gives it, the agent cannot. */
  residentWithoutRealName: '群众还没有实名，暂时不能代办提交。请群众本人在通办“我的 → 实名信息”填写姓名和身份证号码后再提交（草稿会保留在这台设备上）。',
  /** Beside a read-only applicant field. */
  fromRealName: '来自实名信息，不能修改',
  fromResidentRealName: '来自群众的实名信息，不能修改',
} as const

/** Said at an applicant field that names someone else. */
export function notApplicantMessage(label: string): string {
  return `${label}应为申请人本人的实名信息，不能填写他人的`
}

function same(key: ApplicantField['key'], value: unknown, realName: RealName): boolean {
  if (typeof value !== 'string') return false
  return key === 'name'
    ? normalizeRealName(value) === normalizeRealName(realName.name)
    : value.trim().toUpperCase() === realName.idNumber.trim().toUpperCase()
}

/** The applicant fields whose value is not the applicant's real name, each at its path. */
export function applicantIssues(fields: readonly ApplicantField[], values: FormValues, realName: RealName): FieldIssue[] {
  return fields
    .filter((f) => !same(f.key, Object.hasOwn(values, f.path) ? values[f.path] : undefined, realName))
    .map((f) => ({ path: f.path, code: 'not_applicant', message: notApplicantMessage(f.label) }))
}

/** `values` with every applicant field holding the real name; the same object when they already do. */
export function withApplicant(fields: readonly ApplicantField[], values: FormValues, realName: RealName): FormValues {
  let out = values
  for (const f of fields) {
    const current = Object.hasOwn(values, f.path) ? values[f.path] : undefined
    if (current === realName[f.key]) continue
    if (out === values) out = { ...values }
    out[f.path] = realName[f.key]
  }
  return out
}
