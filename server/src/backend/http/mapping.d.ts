/**
 * An approval system's word for where a department's work is, turned into
 * the events our machine knows. Its statuses are absolute, so we move our
 * branch forward to them: "reviewing" on a pending branch is two steps
 * (承办, 审核); a status we have already passed adds nothing; a step taken
 * while we had the branch paused means it was resumed first.
 */
import type { Actor, CaseEventBody, CaseProjection } from '@tongban/core';
import type { WebhookEvent } from './contract';
export interface Mapped {
    actor: Actor;
    body: CaseEventBody & {
        note?: string;
    };
}
/** The events `w` stands for on the case as it now is; [] when it changes nothing. */
export declare function eventsFor(p: CaseProjection, w: WebhookEvent, systemId: string): Mapped[];
