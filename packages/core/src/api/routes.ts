/**
 * The one route table both shells and the BFF share, with the query schema
 * the BFF validates against (JSON Schema, so Fastify and the OpenAPI docs
 * use it as is) and the client's types.
 */
import type { Department, Hall, HallLevel, Item, ItemSummary, LifeEvent } from '../catalogue/types'
import { HALL_LEVELS, LIFE_EVENTS } from '../catalogue/labels'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export const ROUTES = {
  health: { method: 'GET', path: '/healthz' },
  listItems: { method: 'GET', path: '/api/items' },
  catalogue: { method: 'GET', path: '/api/catalogue' },
  getItem: { method: 'GET', path: '/api/items/:code' },
  checkForm: { method: 'POST', path: '/api/items/:code/form/check' },
  listHalls: { method: 'GET', path: '/api/halls' },
  listDepartments: { method: 'GET', path: '/api/departments' },
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

export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name]
    if (v === undefined) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(v)
  })
}

export const MAX_SEARCH_LENGTH = 100
export const MAX_PAGE = 1000
export const MAX_PAGE_SIZE = 100
export const DEFAULT_PAGE_SIZE = 20

export interface ItemListQuery {
  q?: string
  level?: HallLevel
  department?: string
  lifeEvent?: LifeEvent
  page?: number
  pageSize?: number
}

export interface ItemPage {
  items: ItemSummary[]
  total: number
  page: number
  pageSize: number
  /** With a search: why each listed item matched (field and the text that matched). */
  matches?: Record<string, { field: 'name' | 'alias' | 'department' | 'material'; text: string }>
}

export interface CatalogueSnapshot {
  items: ItemSummary[]
  departments: Department[]
  halls: Hall[]
  /** Changes whenever any item changes; clients key their cache on it. */
  version: string
}

export type ItemGuide = Item

/** Item codes as published: letters, digits, dashes; never anything a path could abuse. */
export const ITEM_CODE_PATTERN = '^[A-Za-z0-9-]{1,64}$'
/** Ids we hand out as UUIDs (uploads, consents, licences). No `urn:uuid:` prefix (ajv's format allows one, PostgreSQL does not). */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
/** Ids of bigserial rows (warnings, handovers): within a bigint. */
export const SERIAL_ID_PATTERN = '^[0-9]{1,18}$'

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

export const itemListQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: MAX_SEARCH_LENGTH },
    level: { type: 'string', enum: HALL_LEVELS },
    department: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' },
    lifeEvent: { type: 'string', enum: LIFE_EVENTS },
    page: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
  },
} as const

export const itemCodeParamsSchema = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', pattern: ITEM_CODE_PATTERN } },
} as const

/** Chinese messages per query field, used when a value fails the schema. */
export const ITEM_QUERY_MESSAGES: Record<keyof ItemListQuery, string> = {
  q: `搜索内容不能超过${MAX_SEARCH_LENGTH}个字`,
  level: '层级只能是市级、区县级、乡镇（街道）或村（社区）',
  department: '部门编码格式不正确',
  lifeEvent: '没有这个生活事件分类',
  page: `页码必须是1到${MAX_PAGE}之间的整数`,
  pageSize: `每页条数必须是1到${MAX_PAGE_SIZE}之间的整数`,
}

/** A draft of an item's application form, checked by the BFF with the same validateForm. */
export const checkFormBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['values'],
  properties: {
    values: { type: 'object' },
    answers: { type: 'object' },
  },
} as const
