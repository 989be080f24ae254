/**
 * The documents a case's events issue, in one place for the download routes
 * and for the outbox job that issues them as the step is taken (jobs.ts, so
 * 文号 follow the order of the decisions, not of the downloads):
 * 受理通知书 on acceptance, 补正材料一次性告知书 on a supplement request,
 * 不予受理决定书 on a refusal, 不予批准决定书 on the decision that leaves a
 * case denied, and the certificate with an approved case's
 * 办结. Everything is read before issueDocument opens its transaction.
 */
import type { CaseEvent, Item, NoticeKind } from '@tongban/core'
import type { Db } from '../store/db'
import type { CaseRow } from '../store/cases'
import type { LicenceRow } from '../store/licences'
import { identityRepo } from '../store/identity'
import { applicantName, noticeFace } from './faces'
import { issueDocument, type IssuedDocument } from './issue'

export interface CaseDocumentDeps {
  db: Db
  origin: string
  at: Date
  /** Department code → name, for a notice naming departments (a denial in joint handling); codes if absent. */
  departmentName?: (code: string) => string
}

export async function issueCaseNotice(deps: CaseDocumentDeps, row: CaseRow, item: Item, events: readonly CaseEvent[], kind: NoticeKind, eventIndex: number): Promise<IssuedDocument> {
  const applicant = applicantName(row.form, row.form_values, (await identityRepo(deps.db).accountById(row.account_id))?.name ?? null)
  return issueDocument(deps.db, {
    kind, caseNo: row.case_no, eventIndex, origin: deps.origin, at: deps.at,
    face: (number) => noticeFace({ kind, number, caseNo: row.case_no, item, form: row.form, events, eventIndex, applicant, departmentName: deps.departmentName ?? ((code) => code) }),
  })
}

/** The certificate PDF of a licence issued on a case's 办结 (the event that issued it). */
export async function issueCaseCertificate(deps: CaseDocumentDeps, row: CaseRow, licence: LicenceRow, eventIndex: number): Promise<IssuedDocument> {
  return issueDocument(deps.db, {
    kind: 'certificate', caseNo: row.case_no, eventIndex, origin: deps.origin, at: deps.at,
    // The licence keeps the number the department gave it; the 文号 counter numbers the document.
    face: () => ({
      title: licence.type, number: licence.number_masked, holder: licence.holder, issuer: licence.issuer,
      issuedOn: licence.issued_on, validUntil: licence.valid_until, itemName: row.item_name, caseNo: row.case_no,
    }),
  })
}
