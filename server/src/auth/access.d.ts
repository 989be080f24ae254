/**
 * Authorisation in one place. Every /api route declares `config.access`:
 * 'public', 'citizen', or `{ staff: [roles…] }` (an empty list: any staff
 * member). A route without a rule makes the app refuse to start, so a new
 * route cannot be forgotten. Citizens are recognised by the `tb_session`
 * cookie (PWA) or a bearer token (mini-program); staff by `tb_staff` or a
 * bearer token. A citizen's session never opens a staff route, nor the other
 * way round.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffRole } from '@tongban/core';
import type { ResolvedSession, SessionService } from './sessions';
export type Access = 'public' | 'citizen' | {
    staff: readonly StaffRole[];
};
export declare const SESSION_COOKIE = "tb_session";
export declare const STAFF_COOKIE = "tb_staff";
export interface StaffPrincipal {
    id: string;
    roles: StaffRole[];
    hallId: string | null;
    departmentCode: string | null;
}
export interface AccessRule {
    method: string;
    url: string;
    access: Access;
}
declare module 'fastify' {
    interface FastifyContextConfig {
        access?: Access;
    }
    interface FastifyInstance {
        /** Every /api route with its rule, as registered (the authorisation matrix test walks it). */
        accessRules: AccessRule[];
    }
    interface FastifyRequest {
        citizen: ResolvedSession | null;
        staff: (StaffPrincipal & {
            tokenHash: string;
        }) | null;
    }
}
export declare function tokenOf(request: FastifyRequest, cookie: string): string | null;
/**
 * Cross-site request forgery: a change (any method but GET/HEAD/OPTIONS) that
 * the browser authenticates with our cookie must come from one of our own
 * pages — its Origin (or, without one, its Referer) is the request's own
 * origin, PUBLIC_ORIGIN or one of TRUSTED_ORIGINS. SameSite=Lax leaves sibling
 * subdomains and top-level POSTs open; a bearer token (the mini-program) is
 * never sent by a browser on its own, so bearer requests are not concerned.
 * A request naming no origin at all (curl, older clients) is let through:
 * every browser names one on a cross-site POST.
 */
export declare function installOriginCheck(app: FastifyInstance, ownOrigins: readonly string[]): void;
export declare function installAccessControl(app: FastifyInstance, sessions: SessionService, loadStaff?: (id: string) => Promise<StaffPrincipal | null>): void;
