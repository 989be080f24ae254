/**
 * Cases (办件) as submitted: the form, its values, the situation answers and
 * the materials are kept exactly as they were sent, with the form schema of
 * that moment, so a later change to the item never alters a submitted case.
 * Every write appends to case_events; the status is a projection of them.
 * Case numbers come from one counter row per item and day.
 */
import type { Answers, CaseMaterial, CaseStatus, DeliveryMethod, FormSchema, FormValues } from '@tongban/core';
import type { Queryable } from './db';
export interface CaseRow {
    id: string;
    case_no: string;
    item_code: string;
    item_name: string;
    account_id: string;
    agent_id: string | null;
    agent_name: string | null;
    consent_id: string | null;
    form_version: number;
    form: FormSchema;
    form_values: FormValues;
    answers: Answers;
    materials: CaseMaterial[];
    delivery: DeliveryMethod;
    status: CaseStatus;
    submitted_at: Date;
}
export interface NewCase {
    caseNo: string;
    itemCode: string;
    accountId: string;
    agentId: string | null;
    consentId: string | null;
    form: FormSchema;
    values: FormValues;
    answers: Answers;
    materials: CaseMaterial[];
    delivery: DeliveryMethod;
    at: Date;
}
export type KeyClaim = {
    claimed: true;
} | {
    claimed: false;
    requestHash: string;
    caseId: string | null;
};
export declare function caseRepo(db: Queryable): {
    /**
     * Claims an idempotency key for this account. Inside a transaction on
     * PostgreSQL, a concurrent claim of the same key waits here until the
     * first one commits (then sees its case) or rolls back (then claims it).
     */
    claimKey(accountId: string, key: string, requestHash: string): Promise<KeyClaim>;
    /** The next sequence number of an item on a day (Asia/Shanghai), atomically. */
    nextSeq(itemCode: string, day: string): Promise<number>;
    insert(c: NewCase): Promise<string>;
    appendEvent(caseId: string, type: string, actor: string, data: Record<string, unknown>, at: Date): Promise<void>;
    bindKey(accountId: string, key: string, caseId: string): Promise<void>;
    byId(id: string): Promise<CaseRow | null>;
    byNo(caseNo: string): Promise<CaseRow | null>;
    /** Open cases after `afterId` in id order: walking all of them in batches (the warning sweep). */
    openAfter(afterId: string | null, limit: number): Promise<CaseRow[]>;
    /**
     * A workbench queue, most urgent first: the cases on any of `desks`
     * (ordered by the earliest of their deadlines there), or with `all` every
     * open case (by its earliest running step). Stopped clocks come last.
     */
    queue(desks: readonly string[] | "all", limit: number, offset: number): Promise<CaseRow[]>;
    /** Puts the case on these desks (and no others), with its earliest running deadline: in the transaction that changed it. */
    setDesks(id: string, desks: readonly {
        desk: string;
        due: string | null;
    }[], due: string | null): Promise<void>;
    /** Open cases whose desks were never worked out (cases from before the desks were kept). */
    withoutDesks(limit: number): Promise<{
        id: string;
        item_code: string;
    }[]>;
    /** Locks the case row for the rest of the transaction: one action on a case at a time. */
    lockByNo(caseNo: string): Promise<string | null>;
    /** A resubmission replaces the values and materials; the events keep what happened. */
    replaceContent(id: string, values: FormValues, materials: CaseMaterial[]): Promise<void>;
    setStatus(id: string, status: string): Promise<void>;
    forAccount(accountId: string, limit?: number): Promise<CaseRow[]>;
};
export interface DraftRow {
    item_code: string;
    item_name: string;
    form_version: number;
    form_values: FormValues;
    answers: Answers;
    updated_at: string | number;
}
export declare function draftRepo(db: Queryable): {
    list(accountId: string): Promise<DraftRow[]>;
    /** Keeps the newer of the stored and the given draft (by the device's updatedAt); answers with the one kept. */
    save(accountId: string, itemCode: string, d: Omit<DraftRow, "item_code">): Promise<DraftRow>;
    remove(accountId: string, itemCode: string): Promise<void>;
};
