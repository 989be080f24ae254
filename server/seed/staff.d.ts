/**
 * Demo staff accounts for the embedded run (never seeded in production).
 * All share the password below; the README lists them.
 */
import type { StaffRole } from '@tongban/core';
export declare const DEMO_STAFF_PASSWORD = "Tongban@2026";
export declare const demoStaff: {
    username: string;
    displayName: string;
    roles: StaffRole[];
    hallId?: string;
    departmentCode?: string;
}[];
