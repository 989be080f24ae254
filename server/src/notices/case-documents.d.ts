/**
 * The documents a case's events issue, in one place for the download routes
 * and for the workbench (which issues them as the clerk acts, so 文号
 * follow the order of the decisions, not of the downloads):
 * 受理通知书 on acceptance, 补正材料一次性告知书 on a supplement request,
 * 不予受理决定书 on a refusal, 不予批准决定书 on the decision that leaves a
 * case denied, and the certificate with an approved case's
 * 办结. Everything is read before issueDocument opens its transaction.
 */
import { type CaseEvent, type Item, type NoticeKind } from '@tongban/core';
import type { Db } from '../store/db';
import type { CaseRow } from '../store/cases';
import type { LicenceRow } from '../store/licences';
import { type IssuedDocument } from './issue';
export interface CaseDocumentDeps {
    db: Db;
    origin: string;
    at: Date;
    /** Department code → name, for a notice naming departments (a denial in joint handling); codes if absent. */
    departmentName?: (code: string) => string;
}
export declare function issueCaseNotice(deps: CaseDocumentDeps, row: CaseRow, item: Item, events: readonly CaseEvent[], kind: NoticeKind, eventIndex: number): Promise<IssuedDocument>;
/** The certificate PDF of a licence issued on a case's 办结 (the event that issued it). */
export declare function issueCaseCertificate(deps: CaseDocumentDeps, row: CaseRow, licence: LicenceRow, eventIndex: number): Promise<IssuedDocument>;
/** After an action: the notices its events call for, issued now (a failure is logged; the download issues it later). */
export declare function issueNoticesFor(deps: CaseDocumentDeps, row: CaseRow, item: Item | null, events: readonly CaseEvent[], added: readonly CaseEvent[]): Promise<void>;
