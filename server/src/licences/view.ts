/**
 * A licence row as the wallet shows it (API.licences' Licence): personal
 * numbers masked, whose it is (a person — the account's own real-name holder
 * or not — or a company by its credit code), and the certificate PDF of one
 * we issued on a case's 办结. The submission reads the same view for the
 * core's ownership rule (licences/owner.ts), so the shells and the BFF judge
 * a licence alike.
 */
import { API, buildPath, type Licence } from '@tongban/core'
import type { LicenceRow } from '../store/licences'

export function licenceView(r: LicenceRow & { case_no?: string | null }): Licence {
  return {
    ...(r.case_id && r.case_no ? { caseNo: r.case_no, certificateUrl: buildPath(API.licences.certificate.path, { id: r.id }) } : {}),
    id: r.id,
    type: r.type,
    title: r.title,
    number: r.number_masked,
    holder: r.holder,
    holderKind: r.holder_kind,
    ...(r.holder_kind === 'company' && r.holder_credit_code ? { holderCreditCode: r.holder_credit_code } : {}),
    ...(r.holder_kind === 'person' ? { holderSelf: r.holder_self } : {}),
    issuer: r.issuer,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
  }
}
