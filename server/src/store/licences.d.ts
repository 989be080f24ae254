/**
 * The e-licence wallet (电子证照). Personal numbers are stored masked for
 * display and, in full, only encrypted (`number_enc`, app.idCipher).
 * For the case submission, inside its transaction:
 *
 * - `licencesRepo(tx).ownedBy(accountId, ids)`: the caller's licences among
 *   `ids` (others' and unknown ids are absent), to check an `eLicence`
 *   material value and name it by `title`.
 */
import type { Queryable } from './db';
export interface LicenceRow {
    id: string;
    account_id: string;
    type: string;
    title: string;
    number_masked: string;
    number_enc: string | null;
    holder: string;
    issuer: string;
    issued_on: string;
    valid_until: string | null;
    case_id: string | null;
}
export interface NewLicence {
    type: string;
    title: string;
    numberMasked: string;
    numberEnc: string | null;
    holder: string;
    issuer: string;
    issuedOn: string;
    validUntil: string | null;
    /** The case it was issued on (办结), for a licence we issued ourselves. */
    caseId?: string;
}
export declare function licencesRepo(db: Queryable): {
    /** The wallet, with the case number of a licence we issued on a case's 办结. */
    forAccount(accountId: string): Promise<(LicenceRow & {
        case_no: string | null;
    })[]>;
    ownedBy(accountId: string, ids: readonly string[]): Promise<LicenceRow[]>;
    insert(accountId: string, l: NewLicence): Promise<void>;
    /** True for the one caller that gets to fill the wallet (the account row is locked until its transaction ends). */
    claimFill(accountId: string): Promise<boolean>;
};
export type LicencesRepo = ReturnType<typeof licencesRepo>;
