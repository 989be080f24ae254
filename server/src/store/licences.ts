/**
 * The e-licence wallet (电子证照). Personal numbers are stored masked for
 * display and, in full, only encrypted (`number_enc`, app.idCipher).
 * For the case submission, inside its transaction:
 *
 * - `licencesRepo(tx).ownedBy(accountId, ids)`: the caller's licences among
 *   `ids` (others' and unknown ids are absent), to check an `eLicence`
 *   material value and name it by `title`.
 */
import type { Queryable } from './db'

export interface LicenceRow {
  id: string
  account_id: string
  type: string
  title: string
  number_masked: string
  number_enc: string | null
  holder: string
  holder_kind: 'person' | 'company'
  holder_credit_code: string | null
  /** A person's licence held by the account's own real-name holder (their ID number's keyed hash matches). */
  holder_self: boolean
  issuer: string
  issued_on: string
  valid_until: string | null
  case_id: string | null
}

export interface NewLicence {
  type: string
  title: string
  numberMasked: string
  numberEnc: string | null
  holder: string
  /** A person's (by the keyed hash of their ID number, as accounts.id_number_hash) or a company's (its credit code). */
  holderKind: 'person' | 'company'
  holderIdHash?: string | null
  holderCreditCode?: string | null
  issuer: string
  issuedOn: string
  validUntil: string | null
  /** The case it was issued on (办结), for a licence we issued ourselves. */
  caseId?: string
}

const COLUMNS = `id, account_id, type, title, number_masked, number_enc, holder, holder_kind, holder_credit_code,
  coalesce(holder_id_hash = (select a.id_number_hash from accounts a where a.id = licences.account_id), false) as holder_self, issuer,
  to_char(issued_on, 'YYYY-MM-DD') as issued_on, to_char(valid_until, 'YYYY-MM-DD') as valid_until, case_id`
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function licencesRepo(db: Queryable) {
  return {
    /**
     * The wallet, with the case number of a licence we issued on a case's 办结. Oldest first; licences filled in
     * at once (the demo wallet) show the ID card first, as the provincial apps' 卡包 do, then by type.
     */
    async forAccount(accountId: string): Promise<(LicenceRow & { case_no: string | null })[]> {
      return db.query<LicenceRow & { case_no: string | null }>(
        `select ${COLUMNS}, (select c.case_no from cases c where c.id = licences.case_id) as case_no
         from licences where account_id = $1
         order by created_at, (type = '居民身份证') desc, type`, [accountId])
    },
    async ownedBy(accountId: string, ids: readonly string[]): Promise<LicenceRow[]> {
      const valid = ids.filter((id) => UUID.test(id))
      if (!valid.length) return []
      return db.query<LicenceRow>(`select ${COLUMNS} from licences where account_id = $1 and id = any($2::uuid[])`, [accountId, valid])
    },
    async insert(accountId: string, l: NewLicence): Promise<void> {
      await db.query(
        `insert into licences (account_id, type, title, number_masked, number_enc, holder, holder_kind, holder_id_hash, holder_credit_code,
           issuer, issued_on, valid_until, case_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [accountId, l.type, l.title, l.numberMasked, l.numberEnc, l.holder, l.holderKind, l.holderIdHash ?? null, l.holderCreditCode ?? null,
          l.issuer, l.issuedOn, l.validUntil, l.caseId ?? null],
      )
    },
    /** True for the one caller that gets to fill the wallet (the account row is locked until its transaction ends). */
    async claimFill(accountId: string): Promise<boolean> {
      const rows = await db.query<{ id: string }>('update accounts set licences_filled_at = now() where id = $1 and licences_filled_at is null returning id', [accountId])
      return rows.length === 1
    },
  }
}

export type LicencesRepo = ReturnType<typeof licencesRepo>
