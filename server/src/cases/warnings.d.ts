/**
 * Staff responsible are warned at yellow and red (domain.md): a sweep reads
 * every open case's clocks — the window's step while submitted, in
 * pre-review or decided, each department's open branch — and raises a
 * 黄牌 the first time a step's light turns yellow and a 红牌 when it turns
 * red; a department's special procedure likewise by its expected end. A
 * step is its kind, department and deadline, so a new deadline (a
 * resubmission, an extension) is a new step. Raising is idempotent, so any
 * number of BFF instances may sweep.
 */
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../store/db';
import type { caseLookups } from './act';
export interface DueStep {
    step: string;
    audience: string;
    deadline: string;
}
/** Open cases read at a time: every one is swept, a batch after another. */
export declare const SWEEP_BATCH = 500;
export declare function sweepWarnings(db: Queryable, lookups: ReturnType<typeof caseLookups>, now: number, batch?: number): Promise<number>;
export declare function scheduleWarningSweep(app: FastifyInstance, lookups: ReturnType<typeof caseLookups>, everyMs: number, now?: () => number): void;
