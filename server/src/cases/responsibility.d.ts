/**
 * Who answers for a case's current step: the window (受理窗口) while it is
 * submitted, in pre-review or decided (to issue the result); a department
 * for its own open branch. Supervisors and leaders watch every case. The
 * workbench list and the yellow/red warnings use the same rule.
 */
import { type AccessPurpose, type CaseProjection, type Item, type StaffRole } from '@tongban/core';
import type { Queryable } from '../store/db';
import { type CaseRow } from '../store/cases';
export declare const WINDOW_STATUSES: readonly ["submitted", "pre_review", "decided"];
export interface Responsible {
    roles: readonly StaffRole[];
    departmentCode: string | null;
}
export declare function watchesEverything(staff: Responsible): boolean;
/** A desk a case is on now and that desk's deadline (null while its clock stands still). */
export interface Desk {
    desk: string;
    due: string | null;
}
/**
 * The desks a case is on: `window` while submitted, in pre-review or decided,
 * `department:<code>` for each open branch. Kept with the case (case_desks)
 * in the transaction that moves it, so the queues are read by desk in SQL.
 */
export declare function desksOf(p: CaseProjection): Desk[];
/** Works out the desks of open cases stored before desks were kept (once, at start; a batch at a time). */
export declare function fillMissingDesks(db: Queryable, itemOf: (code: string) => Promise<Item | null>): Promise<number>;
/** The desks a person works at, which are also the audiences of their warnings: `window`, `department:<code>`. */
export declare function audiencesOf(staff: Responsible): string[];
/**
 * Opening a case's form, materials or notices on the workbench: the window
 * (it receives every case and issues every result), a department the case
 * was given to (its branch, open or done), or supervision. Anyone else is
 * refused — a reviewer does not browse other departments' applicants.
 * Every look is written to the access log the citizen sees, with its purpose.
 */
/** Why this staff member may open the case (the window, a department it was given to, supervision); 403 in words otherwise. */
export declare function staffPurpose(db: Queryable, staff: Responsible, row: Pick<CaseRow, 'id'>): Promise<AccessPurpose>;
export declare function staffReads(db: Queryable, staff: Responsible & {
    id: string;
}, row: Pick<CaseRow, 'id' | 'account_id'>, fields: string[]): Promise<void>;
