/**
 * 黄牌/红牌: a warning is raised once per step and light (unique on case,
 * step, light — two instances sweeping at once raise it once), for an
 * audience (`window` or `department:<code>`); each staff member marks it read.
 */
import type { Queryable } from './db';
export interface WarningRow {
    id: string;
    case_no: string;
    item_name: string;
    step: string;
    light: 'yellow' | 'red';
    audience: string;
    deadline: string;
    raised_at: Date;
    read: boolean;
}
export declare function warningsRepo(db: Queryable): {
    /** True when this raised it (false: already raised). */
    raise(caseId: string, step: string, light: "yellow" | "red", audience: string, deadline: string, at: Date): Promise<boolean>;
    /** Warnings for these audiences (all of them when null), unread first, newest first. */
    forStaff(staffId: string, audiences: string[] | null, limit?: number): Promise<WarningRow[]>;
    markRead(id: string, staffId: string, audiences: string[] | null): Promise<boolean>;
};
