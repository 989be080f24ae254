/**
 * 办结 with a licence (Art. 39, 44): the certificate the clerk issues with an
 * approved case's result goes into the applicant's 电子证照 wallet, in the
 * transaction that completes the case — once per case (a unique case id).
 * The holder is the name the form asked for from the account (the field
 * prefilled with the person's or company's name); the issuer is the
 * item's own department, which leads when several handle the case (Art. 26:
 * one department answers for the result). Whose it is (core licences/owner.ts):
 * the company the form names by its credit code, else the applicant person —
 * the account's own real name, whose ID number's keyed hash it carries.
 */
import { formCompanyCode, type FormField, type FormSchema, type FormValues } from '@tongban/core'
import type { ActContext } from './act'
import type { CaseEffect } from './effects'
import { licencesRepo } from '../store/licences'
import { identityRepo } from '../store/identity'

/** The holder's name as the applicant wrote it: the field the form fills from the account's name. */
export function holderName(form: FormSchema, values: Record<string, unknown>): string | null {
  const find = (fields: readonly FormField[], kind: 'name' | 'companyName'): string | null => {
    for (const f of fields) {
      if (f.type === 'text' && f.prefill === kind && typeof values[f.name] === 'string' && values[f.name]) return values[f.name] as string
    }
    return null
  }
  return find(form.fields, 'companyName') ?? find(form.fields, 'name')
}

export async function issueCertificate(ctx: ActContext): Promise<void> {
  const e = ctx.event
  if (e.type !== 'complete' || !e.certificate || ctx.after.outcome !== 'approved') return
  const { row, item } = ctx
  const kind = item?.result.name ?? row.item_name
  const holder = holderName(row.form, row.form_values as Record<string, unknown>) ?? '申请人'
  // The item gone from the catalogue: the first department the window named (the lead is always among them).
  const lead = item?.department.code ?? ctx.after.branches[0]?.department
  const issuer = lead ? ctx.departmentName(lead) : ''
  const company = formCompanyCode(row.form, row.form_values as FormValues)
  const idHash = company ? null : await identityRepo(ctx.tx).idNumberHash(row.account_id)
  await licencesRepo(ctx.tx).insert(row.account_id, {
    type: kind,
    title: `${kind} · ${holder}`,
    numberMasked: e.certificate.number,
    numberEnc: null,
    holder,
    ...(company ? { holderKind: 'company' as const, holderCreditCode: company } : { holderKind: 'person' as const, holderIdHash: idHash }),
    issuer,
    issuedOn: e.day,
    validUntil: e.certificate.validUntil ?? null,
    caseId: row.id,
  })
}

/** The effect: on every commit of case events (cases/commit.ts). */
export const certificateEffect: CaseEffect = { name: 'certificate', run: issueCertificate }
