/**
 * A case's events as stored (case_events) read back as the core machine's
 * CaseEvent, and its projection: status, branches, deadline and light,
 * computed by the same `project` the shells run. Actors are stored as
 * `role:id`; the day an event happened is its Asia/Shanghai date.
 */
import { type CaseEvent, type CaseProjection, type Item, type ItemClockRules, type Light } from '@tongban/core';
import type { Queryable } from '../store/db';
/** The clock rules of a case's item; an item gone from the catalogue keeps the statutory 20 working days. */
export declare function clockRules(item: Pick<Item, 'promisedDays' | 'statutoryDays'> | null): ItemClockRules;
/** What goes into case_events.data: the event's own fields, and the department a reviewer acted for. */
export declare function eventData(e: CaseEvent): Record<string, unknown>;
export declare function loadEvents(db: Queryable, caseId: string): Promise<CaseEvent[]>;
/** The events of many cases in one query (我的办件), by case id. */
export declare function loadEventsOf(db: Queryable, caseIds: string[]): Promise<Map<string, CaseEvent[]>>;
export interface CaseClock {
    projection: CaseProjection;
    light: Light | null;
    daysLeft: number | null;
}
/** A step's light and working days left on `today` (none while its clock stands still: no deadline). */
export declare function clockAt(deadline: string | null, today: string): Pick<CaseClock, 'light' | 'daysLeft'>;
/** The case now: its projection, and the light on its current step (none while the clock stands still). */
export declare function caseClock(events: CaseEvent[], rules: ItemClockRules, now: number): CaseClock;
