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
  staffLogout: { method: 'POST', path: '/api/staff/logout' },
  staffFindCitizen: { method: 'GET', path: '/api/staff/citizens' },
  myAccessLog: { method: 'GET', path: '/api/me/access-log' },
  myConsents: { method: 'GET', path: '/api/me/consents' },
  requestConsent: { method: 'POST', path: '/api/agent/consents' },
  confirmConsent: { method: 'POST', path: '/api/agent/consents/:id/confirm' },
  agentConsents: { method: 'GET', path: '/api/agent/consents' },
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

export const OTP_LENGTH = 6
export const OTP_TTL_SECONDS = 300
export const OTP_RESEND_SECONDS = 60

export const sendSmsCodeBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['phone'],
  properties: { phone: { type: 'string', minLength: 1, maxLength: 32 } },
} as const

export const verifySmsCodeBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['phone', 'code'],
  properties: {
    phone: { type: 'string', minLength: 1, maxLength: 32 },
    code: { type: 'string', minLength: 1, maxLength: 16 },
  },
} as const

export const AUTH_MESSAGES = {
  phone: '请输入11位中国大陆手机号码',
  code: `请输入${OTP_LENGTH}位数字验证码`,
} as const

export interface SendCodeResult {
  /** Seconds until another code may be asked for. */
  resendAfter: number
}

export interface AccountView {
  id: string
  /** The owner's own view: full; everywhere else masked. */
  phone: string | null
  /** Real name (实名), once given. */
  name: string | null
  /** Resident ID number: only ever sent to its owner. */
  idNumber: string | null
  /** `1101**********123X`: what every other view shows. */
  idNumberMasked: string | null
  /** The company this account acts for (法人办事), once given. */
  company: { name: string; creditCode: string } | null
}

export const updateCompanyBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'creditCode'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    creditCode: { type: 'string', minLength: 1, maxLength: 32 },
  },
} as const

export const updateProfileBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'idNumber'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 50 },
    idNumber: { type: 'string', minLength: 1, maxLength: 32 },
  },
} as const

export const PROFILE_MESSAGES = {
  name: '请填写与身份证一致的姓名（2到30个字）',
  idNumber: '请填写18位居民身份证号码',
  taken: '这个身份证号码已经绑定了另一个手机号。如需更换手机号，请到服务大厅办理',
} as const

export interface SessionResult {
  account: AccountView
  /** Bearer token for the mini-program; the PWA uses the HttpOnly cookie instead. */
  token: string
  expiresAt: string
}

/** What a shell needs to know about this BFF before anything else. */
export interface ClientConfig {
  /** Text messages go to the local fake provider and can be read at /dev/inbox (never in production). */
  devInbox: boolean
}

export type StaffRole = 'clerk' | 'reviewer' | 'supervisor' | 'leader' | 'hall_admin' | 'agent'

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  clerk: '窗口人员',
  reviewer: '部门审核人员',
  supervisor: '电子监察人员',
  leader: '领导',
  hall_admin: '大厅管理员',
  agent: '代办员',
}

export interface StaffView {
  id: string
  username: string
  displayName: string
  roles: StaffRole[]
  hallId: string | null
  departmentCode: string | null
}

export interface StaffSessionResult {
  staff: StaffView
  token: string
  expiresAt: string
}

export const staffLoginBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'password'],
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const

/** A code from Taro.login (wx.login) or from getPhoneNumber. */
export const wechatCodeBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: { type: 'string', minLength: 1, maxLength: 128 } },
} as const

/** Why a staff member looked a citizen up: recorded, and shown to the citizen. */
export type AccessPurpose = 'identity_check' | 'assist' | 'supervision'

export const ACCESS_PURPOSE_LABELS: Record<AccessPurpose, string> = {
  identity_check: '窗口核验身份',
  assist: '帮办代办',
  supervision: '电子监察抽查',
}

export const ACCESS_FIELD_LABELS: Record<string, string> = {
  phone: '手机号码',
  name: '姓名',
  idNumber: '身份证号码（遮盖）',
}

export const findCitizenQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['phone', 'purpose'],
  properties: {
    phone: { type: 'string', minLength: 1, maxLength: 32 },
    purpose: { type: 'string', enum: ['identity_check', 'assist', 'supervision'] },
  },
} as const

/** What staff see of a citizen: never the full ID number. */
export interface CitizenCard {
  id: string
  phoneMasked: string
  name: string | null
  idNumberMasked: string | null
}

export interface AccessLogEntry {
  at: string
  staffName: string
  roles: StaffRole[]
  purpose: AccessPurpose
  fields: string[]
}

/** 代办授权: a resident lets a village/township agent apply for one item on their behalf. */
export type ConsentStatus = 'pending' | 'granted'

export interface Consent {
  id: string
  status: ConsentStatus
  residentPhoneMasked: string
  itemCode: string
  itemName: string
  agentName: string
  createdAt: string
  grantedAt: string | null
}

export const requestConsentBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['residentPhone', 'itemCode'],
  properties: {
    residentPhone: { type: 'string', minLength: 1, maxLength: 32 },
    itemCode: { type: 'string', pattern: ITEM_CODE_PATTERN },
  },
} as const

export const confirmConsentBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: { type: 'string', minLength: 1, maxLength: 16 } },
} as const

export const CONSENT_MESSAGES = {
  residentPhone: '请输入群众本人的11位手机号码',
  itemCode: '请选择要代办的事项',
  code: '请输入群众收到的6位验证码',
} as const
