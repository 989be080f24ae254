/**
 * One way to act on a case, for everyone who may: staff on the workbench,
 * the citizen (resubmit, withdraw) and the approval backend's webhook. The
 * case row is locked, the events are read, the action must be taken on the
 * version (event count) the actor saw, the core machine decides whether the
 * event is allowed, and the event and the new status are written — all in
 * one transaction, so of two people acting at once one wins and the other
 * is told to look again.
 */
import { TransitionError, type Actor, type CaseEvent, type CaseEventBody, type CaseProjection, type Item } from '@tongban/core';
import { ProblemError } from '../errors';
import type { Db, Queryable } from '../store/db';
import { type CaseRow } from '../store/cases';
import type { CatalogueService } from '../catalogue/service';
/** The catalogue lookups every case view needs. */
export declare function caseLookups(catalogue: CatalogueService): {
    itemOf: (code: string) => Promise<Item | null>;
    /** Department code → name, one read of the catalogue. */
    departmentNames: () => Promise<(code: string) => string>;
};
export interface ActContext {
    tx: Queryable;
    row: CaseRow;
    item: Item | null;
    /** The case before the event. */
    before: CaseProjection;
    after: CaseProjection;
    /** The last of the events being appended. */
    event: CaseEvent;
    /** All of them (an approval system's status may stand for several steps). */
    added: CaseEvent[];
    today: string;
    /** Department code → name, read before the transaction. */
    departmentName: (code: string) => string;
}
type Body = CaseEventBody & {
    note?: string;
};
export interface ActRequest {
    caseNo: string;
    /** The number of events the actor saw; null for a backend whose events are idempotent by their own id. */
    version: number | null;
    actor: Actor;
    /** The event, or the events the case as it now stands calls for (none: nothing to do). */
    body: Body | ((before: CaseProjection, item: Item | null) => {
        actor: Actor;
        body: Body;
    }[]);
    /** When the server received the action: an event is never dated later than this. */
    at: Date;
    /**
     * When it happened, as told by the system that did it (a webhook's
     * occurredAt): the event is dated then — its working day is what the
     * clocks count — but never before the case's last event (order is the
     * truth) nor after `at` (a clock running fast).
     */
    occurredAt?: Date;
    /**
     * Checks of the request against the case as read before the transaction
     * (the form a 补正 names fields of, the item's lead department): a change
     * meanwhile is caught by `version`.
     */
    check?: (row: CaseRow, item: Item | null) => void | Promise<void>;
    /** The case must belong to this account (a citizen's own case); anyone else's reads as missing. */
    owner?: string;
    /**
     * More work in the same transaction once the machine has allowed the event
     * (e.g. the resubmitted form); it may add to `event` what it learns there
     * (the fields the resubmission changed) before the event is written.
     */
    within?: (ctx: ActContext) => Promise<void>;
    /**
     * First, under the lock: false means this action was already taken (a
     * webhook delivered again) — nothing is done and the case is returned as it is.
     */
    claim?: (tx: Queryable, row: CaseRow) => Promise<boolean>;
    /** Work in the same transaction after the events are written (e.g. the handover to an approval system). */
    recorded?: (ctx: ActContext) => Promise<void>;
}
export interface ActResult {
    row: CaseRow;
    item: Item | null;
    events: CaseEvent[];
    projection: CaseProjection;
    /** The events this action appended. */
    added: CaseEvent[];
    /** The claim said it was done before. */
    duplicate?: boolean;
}
/** The machine's refusal as the problem the actor is shown. */
export declare function transitionProblem(e: TransitionError): ProblemError;
/** `occurredAt` within [the last event, received]; `at` itself when none was told or it is not a time. */
export declare function eventTime(at: Date, occurredAt: Date | undefined, last: CaseEvent | undefined): Date;
export declare function actOnCase(db: Db, lookups: ReturnType<typeof caseLookups>, req: ActRequest): Promise<ActResult>;
export {};
