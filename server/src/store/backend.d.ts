/**
 * The approval backend's own rows: the outbox of cases to hand over to an
 * approval system (claimed with FOR UPDATE SKIP LOCKED, tried again with
 * back-off, dead-lettered after too many tries and shown to staff), and the
 * ids of the webhooks already acted on.
 */
import type { Queryable } from './db';
export interface OutboxRow {
    id: string;
    case_id: string;
    case_no: string;
    kind: string;
    payload: Record<string, unknown>;
    attempts: number;
    next_at: Date;
    sent_at: Date | null;
    dead_at: Date | null;
    last_error: string | null;
    external_id: string | null;
}
export declare function backendRepo(db: Queryable): {
    enqueue(caseId: string, kind: string, payload: unknown, at: Date): Promise<void>;
    /** Rows due by `now`, locked for this transaction; others running the dispatcher skip them. */
    /**
     * Claims up to `limit` due handovers for one sender: each is leased until `leaseUntil` (its next_at moves
     * there), so other instances skip it while this one sends it outside any transaction. A sender that dies
     * mid-send leaves the row to come back when the lease ends (the system dedupes by Idempotency-Key).
     * Call inside a transaction.
     */
    claimDue(now: Date, limit: number, leaseUntil: Date): Promise<OutboxRow[]>;
    sent(id: string, externalId: string, at: Date): Promise<void>;
    retryLater(id: string, error: string, nextAt: Date): Promise<void>;
    dead(id: string, error: string, at: Date): Promise<void>;
    /** Handovers not through yet: failing or dead (staff see these). */
    pending(): Promise<OutboxRow[]>;
    forCase(caseId: string): Promise<OutboxRow[]>;
    /** Give a dead handover another go now. */
    revive(id: string, at: Date): Promise<boolean>;
    /** True the first time a webhook id is seen (in the acting transaction, so a failed act forgets it). */
    claimWebhook(eventId: string, caseId: string): Promise<boolean>;
};
