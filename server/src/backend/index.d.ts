/**
 * ApprovalBackend: where a case is worked after the window accepts it.
 *
 * - `builtin`: on our own tables — departments work the case on our
 *   workbench (/staff), and every step is an event there.
 * - `http`: an existing approval system does the departments' work. We hand
 *   the accepted case over through an outbox (nothing is lost if it is down)
 *   and its signed webhooks become our events (http/webhook.ts), so the
 *   citizen's timeline and clocks read the same either way. Our workbench
 *   then keeps only the window's steps (pre-review, acceptance, supplement,
 *   refusal, 办结).
 */
import { type CaseEventBody } from '@tongban/core';
import type { ActContext } from '../cases/act';
import type { Db } from '../store/db';
import type { ApprovalClient } from './http/client';
export type BackendKind = 'builtin' | 'http';
/** The steps an approval system takes in `http` mode; our workbench does not offer them there. */
export declare const DEPARTMENT_EVENTS: ReadonlySet<CaseEventBody['type']>;
export interface DispatchOutcome {
    sent: number;
    retried: number;
    dead: number;
}
export interface ApprovalBackend {
    readonly kind: BackendKind;
    /** May staff take this step on our workbench? */
    onWorkbench(type: CaseEventBody['type']): boolean;
    /** In the acting transaction, after the events are written. */
    recorded(ctx: ActContext): Promise<void>;
    /** Hand over what is due now; the tests call it, a timer calls it otherwise. */
    dispatch(now?: number): Promise<DispatchOutcome>;
    /** After a commit that may have queued something: send it soon (when the timer runs). */
    kick(): void;
    start(intervalMs: number): void;
    stop(): void;
}
export declare function builtinBackend(): ApprovalBackend;
/** Tries before a handover is dead-lettered, and the wait before try n+1: 5 s·2ⁿ, at most 10 minutes. */
export declare const MAX_ATTEMPTS = 8;
export declare const backoffMs: (attempts: number) => number;
/** How long a claimed handover is this sender's: well past the client's 10-second timeout for a batch of 10. */
export declare const LEASE_MS: number;
export interface HttpBackendOptions {
    db: Db;
    client: ApprovalClient;
    now?: () => number;
    log?: {
        warn(obj: object, msg: string): void;
        error(obj: object, msg: string): void;
    };
    /** Signs the materials' download links: our public origin (read when sending) and the shared secret. */
    downloads: {
        origin: () => string;
        secret: string;
    };
}
export declare function httpBackend(opts: HttpBackendOptions): ApprovalBackend;
