/** Staff accounts: roles, scope (hall / department), failed sign-ins and lockout. */
import type { StaffRole } from '@tongban/core';
import type { Queryable } from './db';
export interface StaffRow {
    id: string;
    username: string;
    display_name: string;
    password_hash: string;
    roles: StaffRole[];
    hall_id: string | null;
    department_code: string | null;
    failed_attempts: number;
    locked_until: Date | null;
}
export declare function staffRepo(db: Queryable): {
    byUsername(username: string): Promise<StaffRow | null>;
    byId(id: string): Promise<StaffRow | null>;
    exists(username: string): Promise<boolean>;
    insert(s: {
        username: string;
        displayName: string;
        passwordHash: string;
        roles: StaffRole[];
        hallId?: string;
        departmentCode?: string;
    }): Promise<void>;
    /** Counts a failure; locks for `lockMs` when it reaches `max`. */
    failSignIn(id: string, max: number, lockMs: number, at: Date): Promise<void>;
    clearFailures(id: string): Promise<void>;
};
