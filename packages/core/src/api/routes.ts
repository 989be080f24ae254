/**
 * The routes not yet declared as contracts (api/<area>/contracts.ts): path
 * and method only. Each area moves out of this table into its contracts;
 * the table goes when the last one has.
 */
import { ITEM_CODE_PATTERN, SERIAL_ID_PATTERN, UUID_PATTERN } from './contract/patterns'
import type { HttpMethod } from './contract/contract'

export const ROUTES = {
  uploadFile: { method: 'POST', path: '/api/uploads' },
  getUpload: { method: 'GET', path: '/api/uploads/:id' },
  deleteUpload: { method: 'DELETE', path: '/api/uploads/:id' },
  myLicences: { method: 'GET', path: '/api/me/licences' },
  licenceCertificate: { method: 'GET', path: '/api/me/licences/:id/certificate' },
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
  staffCaseFile: { method: 'GET', path: '/api/staff/cases/:caseNo/files/:fileId' },
  agentSubmitCase: { method: 'POST', path: '/api/agent/cases' },
  agentUploadFile: { method: 'POST', path: '/api/agent/consents/:id/uploads' },
  agentLicences: { method: 'GET', path: '/api/agent/consents/:id/licences' },
  caseNotices: { method: 'GET', path: '/api/cases/:caseNo/notices' },
  caseNotice: { method: 'GET', path: '/api/cases/:caseNo/notices/:kind' },
  staffCaseNotices: { method: 'GET', path: '/api/staff/cases/:caseNo/notices' },
  staffCaseNotice: { method: 'GET', path: '/api/staff/cases/:caseNo/notices/:kind' },
  verifyDocument: { method: 'GET', path: '/api/verify/:id' },
  verifyDocumentFile: { method: 'POST', path: '/api/verify/:id' },
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

