/**
 * The routes not yet declared as contracts (api/<area>/contracts.ts): path
 * and method only. Each area moves out of this table into its contracts;
 * the table goes when the last one has.
 */
import { ITEM_CODE_PATTERN, SERIAL_ID_PATTERN, UUID_PATTERN } from './contract/patterns'
import type { HttpMethod } from './contract/contract'

export const ROUTES = {
  health: { method: 'GET', path: '/healthz' },
  clientConfig: { method: 'GET', path: '/api/client-config' },
  sendSmsCode: { method: 'POST', path: '/api/auth/sms/send' },
  verifySmsCode: { method: 'POST', path: '/api/auth/sms/verify' },
  me: { method: 'GET', path: '/api/me' },
  updateProfile: { method: 'PUT', path: '/api/me/profile' },
  updateCompany: { method: 'PUT', path: '/api/me/company' },
  logout: { method: 'POST', path: '/api/auth/logout' },
  logoutOthers: { method: 'POST', path: '/api/auth/logout-others' },
  wechatLogin: { method: 'POST', path: '/api/auth/wechat/login' },
  wechatPhone: { method: 'POST', path: '/api/auth/wechat/phone' },
  staffLogin: { method: 'POST', path: '/api/staff/login' },
  staffMe: { method: 'GET', path: '/api/staff/me' },
  dismissSignInFailures: { method: 'DELETE', path: '/api/staff/me/sign-in-failures' },
  staffLogout: { method: 'POST', path: '/api/staff/logout' },
  staffFindCitizen: { method: 'GET', path: '/api/staff/citizens' },
  myAccessLog: { method: 'GET', path: '/api/me/access-log' },
  myConsents: { method: 'GET', path: '/api/me/consents' },
  requestConsent: { method: 'POST', path: '/api/agent/consents' },
  confirmConsent: { method: 'POST', path: '/api/agent/consents/:id/confirm' },
  agentConsents: { method: 'GET', path: '/api/agent/consents' },
  uploadFile: { method: 'POST', path: '/api/uploads' },
  getUpload: { method: 'GET', path: '/api/uploads/:id' },
  deleteUpload: { method: 'DELETE', path: '/api/uploads/:id' },
  myLicences: { method: 'GET', path: '/api/me/licences' },
  licenceCertificate: { method: 'GET', path: '/api/me/licences/:id/certificate' },
  staffCaseFile: { method: 'GET', path: '/api/staff/cases/:caseNo/files/:fileId' },
  agentUploadFile: { method: 'POST', path: '/api/agent/consents/:id/uploads' },
  agentLicences: { method: 'GET', path: '/api/agent/consents/:id/licences' },
  staffWarnings: { method: 'GET', path: '/api/staff/warnings' },
  readStaffWarning: { method: 'POST', path: '/api/staff/warnings/:id/read' },
  staffClock: { method: 'GET', path: '/api/staff/clock' },
  approvalWebhook: { method: 'POST', path: '/api/backend/webhook' },
  approvalMaterial: { method: 'GET', path: '/api/backend/files/:caseNo/:fileId' },
  approvalHandovers: { method: 'GET', path: '/api/staff/approval/handovers' },
  retryApprovalHandover: { method: 'POST', path: '/api/staff/approval/handovers/:id/retry' },
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

