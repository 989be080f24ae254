import { type CalendarData } from '@tongban/core';
import { type ClockConfig } from './config';
export declare function readCalendarFile(path: string): CalendarData;
/** Applies the clock configuration; returns warnings worth logging (a year the calendar does not cover). */
export declare function configureClock(config: Pick<ClockConfig, 'yellowDays' | 'calendarFile'>, now?: number): string[];
/**
 * The product's one clock: every "now" and "today" the BFF reads (deadlines,
 * lights, case numbers, form dates, documents) comes from here. Tests pass
 * their own `now`; outside production the dev route `/dev/clock` can move a
 * running product to another moment (the clock then runs on from there) and
 * back to real time, so a browser test sees days pass as the product would.
 */
export interface ProductClock {
    now(): number;
    /** Runs the clock from `at` on (null: real time again). Refused for an injected clock. */
    moveTo(at: number | null): void;
    readonly moved: boolean;
}
export declare function productClock(injected?: () => number): ProductClock;
