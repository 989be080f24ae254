/**
 * Whose e-licence it is (电子证照的持证主体), and whether it may be used as a
 * material of this application: a licence must belong to the applicant —
 * the person applying (a person's licence held by the account's own
 * real-name holder) or the company the form names by its 统一社会信用代码 —
 * unless the field allows another's document (`eLicenceOfOthers`: a
 * landlord's or a spouse's 不动产权证书), where it is accepted and flagged
 * 他人证照 for the clerk. The shells check with it when a licence is chosen
 * and before the review; the BFF on submission, from its own rows.
 */
import type { FieldIssue } from '../api/problems'
import type { FormSchema, FormValues, MaterialField } from '../forms/schema'
import { materialRefs, type MaterialRef } from '../forms/walk'

/** What the rule reads of a licence: the wallet's Licence view carries it. */
export interface LicenceHolder {
  type: string
  /** The holder's name as printed: a person's or a company's. */
  holder: string
  holderKind: 'person' | 'company'
  /** A company's unified social credit code (public, printed on the licence). */
  holderCreditCode?: string
  /** A person's licence held by the wallet's own real-name holder (the applicant). */
  holderSelf?: boolean
}

export const OTHERS_LICENCE_LABEL = '他人证照'

/** The company the form applies as: its top-level field prefilled with a credit code, as filled; null when none. */
export function formCompanyCode(schema: FormSchema | null | undefined, values: FormValues): string | null {
  for (const f of Array.isArray(schema?.fields) ? schema.fields : []) {
    if (f.type !== 'creditCode' || f.prefill !== 'creditCode') continue
    const v = Object.hasOwn(values, f.name) ? values[f.name] : undefined
    if (typeof v === 'string' && v.trim()) return v.trim().toUpperCase()
  }
  return null
}

/** Is the licence the applicant's own, given the company the form names (if any)? */
export function isApplicantsLicence(licence: LicenceHolder, companyCode: string | null): boolean {
  if (licence.holderKind === 'person') return licence.holderSelf === true
  return !!companyCode && !!licence.holderCreditCode && licence.holderCreditCode.trim().toUpperCase() === companyCode
}

/** Why this licence cannot be this field's material, in words for the field; null when it may. */
export function licenceOwnerMessage(field: Pick<MaterialField, 'label' | 'eLicenceOfOthers'>, licence: LicenceHolder, companyCode: string | null): string | null {
  if (field.eLicenceOfOthers || isApplicantsLicence(licence, companyCode)) return null
  const what = `${field.label}：这张${licence.type}是“${licence.holder}”的`
  if (licence.holderKind === 'person') return `${what}，不是申请人本人的。请选择申请人本人的证照，或上传材料`
  if (companyCode) return `${what}，与申请表中的统一社会信用代码（${companyCode}）不一致。请选择申请单位的证照，或上传材料`
  return `${what}，不是申请人的。请选择申请人本人的证照，或上传材料`
}

/** An e-licence a material field may take although another holds it: shown to the clerk as 他人证照. */
export function isOthersLicence(field: Pick<MaterialField, 'eLicenceOfOthers'>, licence: LicenceHolder, companyCode: string | null): boolean {
  return !!field.eLicenceOfOthers && !isApplicantsLicence(licence, companyCode)
}

/** A licence value as the shells keep it: the holder beside the id, as the wallet gave it when chosen. */
export type HeldLicenceValue = { kind: 'eLicence'; licenceId: string } & Partial<LicenceHolder>

function holderOf(ref: MaterialRef): LicenceHolder | null {
  const v = ref.value as HeldLicenceValue
  return v.kind === 'eLicence' && typeof v.type === 'string' && typeof v.holder === 'string' && (v.holderKind === 'person' || v.holderKind === 'company')
    ? { type: v.type, holder: v.holder, holderKind: v.holderKind, holderCreditCode: v.holderCreditCode, holderSelf: v.holderSelf }
    : null
}

/**
 * The shells' check of the licences a form holds (values as filled, each
 * licence with the holder it was chosen with): one issue per licence that is
 * not the applicant's where the field wants the applicant's. A licence whose
 * holder is not known here is left to the BFF.
 */
export function licenceOwnerIssues(schema: FormSchema | null | undefined, values: FormValues): FieldIssue[] {
  if (!schema) return []
  const company = formCompanyCode(schema, values)
  const issues: FieldIssue[] = []
  for (const ref of materialRefs(schema, values)) {
    const holder = holderOf(ref)
    const message = holder && licenceOwnerMessage({ ...ref.field, label: ref.label }, holder, company)
    if (message) issues.push({ path: ref.path, code: 'licence_not_applicants', message })
  }
  return issues
}
