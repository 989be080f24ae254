import { type CaseMaterial, type FormSchema, type Item, type MaterialRef, type SubmitCaseBody } from '@tongban/core';
import type { Db, Queryable } from '../store/db';
/**
 * Checks that every attached material belongs to the applicant, fits the
 * limits, and names it for the case; marks uploads as used by the case.
 * Runs inside the submit transaction.
 */
export interface MaterialResolver {
    /** `caseId`: files already part of this case (a resubmission) may stay. */
    resolve(tx: Queryable, accountId: string, refs: MaterialRef[], form: FormSchema, caseId?: string): Promise<CaseMaterial[]>;
    attach(tx: Queryable, accountId: string, refs: MaterialRef[], caseId: string): Promise<void>;
}
export declare function requestHash(body: SubmitCaseBody): string;
export interface SubmitContext {
    db: Db;
    materials: MaterialResolver;
    now: () => number;
}
export interface SubmitOutcome {
    caseId: string;
    /** false: an earlier attempt with this key created it. */
    created: boolean;
}
export declare function submitCase(ctx: SubmitContext, accountId: string, key: string, item: Item, body: SubmitCaseBody, agent?: {
    agentId: string;
    consentId: string;
} | null): Promise<SubmitOutcome>;
