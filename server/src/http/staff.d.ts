/** Staff sign-in (username + password) for the workbench; lockout after repeated failures. */
import type { FastifyInstance } from 'fastify';
import { type StaffView } from '@tongban/core';
import { type StaffRow } from '../store/staff';
export declare const STAFF_MAX_FAILURES = 5;
export declare const STAFF_LOCK_MS: number;
/** A workday: staff sign in again each morning. */
export declare const STAFF_SESSION_MS: number;
export declare function staffView(s: StaffRow): StaffView;
export declare function staffRoutes(app: FastifyInstance): Promise<void>;
/**
 * A window clerk (or hall admin, or supervisor) looks a citizen up by phone,
 * for a stated purpose. Every look is recorded and shown to the citizen on
 * "谁查看了我的信息"; the full ID number is never shown to staff.
 */
export declare function staffCitizenRoutes(app: FastifyInstance): Promise<void>;
