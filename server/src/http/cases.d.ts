import type { FastifyInstance } from 'fastify';
import { type CaseDetail, type CaseStatus, type CaseSummary, type FormValues, type Item } from '@tongban/core';
import { type CaseRow } from '../store/cases';
import { type MaterialResolver } from '../cases/submit';
import { type CaseClock } from '../cases/events';
/**
 * A case as a list shows it. `urgentOn` (the lists, with today's date) puts the earliest
 * running step's clock on the row, so a department past its day shows red even while the
 * case's own deadline, its last department's, is still ahead.
 */
export declare function summary(r: CaseRow, clock: CaseClock, opts?: {
    urgentOn?: string;
}): CaseSummary;
/** Top-level fields whose value differs between two versions of a form (a material's file counts). */
export declare function changedFields(before: FormValues, after: FormValues): string[];
/** What happens next, from the item's own promises. */
export declare function nextSteps(item: Pick<Item, 'handlingType' | 'promisedDays' | 'visits' | 'department'> | null, delivery: CaseRow['delivery'], status?: CaseStatus, outcome?: 'approved' | 'denied'): string[];
export declare function detail(r: CaseRow, item: Item | null, clock: CaseClock, now: number, departmentName: (code: string) => string): CaseDetail;
export interface CaseRouteOptions {
    materials: MaterialResolver;
    now?: () => number;
}
export declare function caseRoutes(opts: CaseRouteOptions): (app: FastifyInstance) => Promise<void>;
