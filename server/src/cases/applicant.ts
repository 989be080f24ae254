/**
 * Who applies (core identity/applicant.ts): a case is submitted only for an
 * account with a real name — the citizen's own, or, for an agent, the
 * consenting resident's — and its form's applicant fields must hold that
 * real name. Read and checked inside the submit transaction, so a refusal
 * leaves nothing behind.
 */
import { APPLICANT_MESSAGES, applicantIssues, type FieldIssue, type FormResult, type RealName } from '@tongban/core'
import type { FieldCipher } from '../auth/crypto'
import { ProblemError } from '../errors'
import type { Queryable } from '../store/db'
import { identityRepo } from '../store/identity'

/** The real name of an account (the ID number decrypted), or null before it has one. */
export type RealNames = (tx: Queryable, accountId: string) => Promise<RealName | null>

export function realNames(cipher: FieldCipher): RealNames {
  return async (tx, accountId) => {
    const a = await identityRepo(tx).accountById(accountId)
    return a?.name && a.id_number_enc ? { name: a.name, idNumber: cipher.decrypt(a.id_number_enc) } : null
  }
}

/** REAL_NAME_REQUIRED without one (said for the agent when the resident has none). */
export function requireRealName(realName: RealName | null, byAgent: boolean): RealName {
  if (realName) return realName
  throw new ProblemError('REAL_NAME_REQUIRED', byAgent ? { detail: APPLICANT_MESSAGES.residentWithoutRealName } : {})
}

/**
 * VALIDATION with the form's own issues and, at each applicant field the form
 * has no other word about, that it names someone else.
 */
export function checkApplicantFields(result: Pick<FormResult, 'ok' | 'issues' | 'applicant' | 'values'>, realName: RealName): void {
  const errors: FieldIssue[] = result.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }))
  const said = new Set(errors.map((e) => e.path))
  errors.push(...applicantIssues(result.applicant, result.values, realName).filter((e) => !said.has(e.path)))
  if (errors.length) throw new ProblemError('VALIDATION', { errors })
}
