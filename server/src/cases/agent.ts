/**
 * 代办: what an agent may do for a resident rests on one consent — granted
 * by the resident's SMS code, for one item, to that agent. Every agent
 * route goes through grantedConsent; anything else reads as "not found", so
 * an agent cannot probe other agents' consents.
 */
import type { FastifyRequest } from 'fastify'
import { ProblemError } from '../errors'
import type { Queryable } from '../store/db'
import { consentRepo, type ConsentRow } from '../store/consents'

export type GrantedConsent = ConsentRow & { account_id: string }

export async function grantedConsent(db: Queryable, request: FastifyRequest, consentId: string, itemCode?: string): Promise<GrantedConsent> {
  const agent = request.staff
  if (!agent) throw new ProblemError('UNAUTHENTICATED')
  const row = /^[0-9a-f-]{36}$/i.test(consentId) ? await consentRepo(db).byId(consentId) : null
  if (!row || row.agent_id !== agent.id || row.status !== 'granted' || !row.account_id) throw new ProblemError('CONSENT_NOT_FOUND')
  if (itemCode !== undefined && row.item_code !== itemCode) {
    throw new ProblemError('FORBIDDEN', { detail: `这条授权只能代办“${row.item_name}”` })
  }
  return { ...row, account_id: row.account_id }
}
