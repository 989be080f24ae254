/**
 * 代办: what an agent may do for a resident rests on one consent — granted
 * by the resident's SMS code, for one item, to that agent. Every agent
 * route goes through grantedConsent; anything else reads as "not found", so
 * an agent cannot probe other agents' consents.
 */
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../store/db';
import { type ConsentRow } from '../store/consents';
export type GrantedConsent = ConsentRow & {
    account_id: string;
};
export declare function grantedConsent(db: Queryable, request: FastifyRequest, consentId: string, itemCode?: string): Promise<GrantedConsent>;
