/**
 * The routes not yet declared as contracts (api/<area>/contracts.ts): path
 * and method only. Each area moves out of this table into its contracts;
 * the table goes when the last one has.
 */
import { ITEM_CODE_PATTERN, SERIAL_ID_PATTERN, UUID_PATTERN } from './contract/patterns'
import type { HttpMethod } from './contract/contract'

export const ROUTES = {
  myDrafts: { method: 'GET', path: '/api/me/drafts' },
  saveDraft: { method: 'PUT', path: '/api/me/drafts/:code' },
  deleteDraft: { method: 'DELETE', path: '/api/me/drafts/:code' },
  submitCase: { method: 'POST', path: '/api/cases' },
  myCases: { method: 'GET', path: '/api/me/cases' },
  getCase: { method: 'GET', path: '/api/cases/:caseNo' },
  publicQuery: { method: 'GET', path: '/api/query' },
  resubmitCase: { method: 'POST', path: '/api/cases/:caseNo/resubmit' },
  withdrawCase: { method: 'POST', path: '/api/cases/:caseNo/withdraw' },
  staffCases: { method: 'GET', path: '/api/staff/cases' },
  staffCase: { method: 'GET', path: '/api/staff/cases/:caseNo' },
  staffCaseEvent: { method: 'POST', path: '/api/staff/cases/:caseNo/events' },
  agentSubmitCase: { method: 'POST', path: '/api/agent/cases' },
} as const satisfies Record<string, { method: HttpMethod; path: string }>

export type RouteName = keyof typeof ROUTES

export const uuidParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: UUID_PATTERN } },
} as const

export const serialIdParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: SERIAL_ID_PATTERN } },
} as const

export const itemCodeParamsSchema = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', pattern: ITEM_CODE_PATTERN } },
} as const

