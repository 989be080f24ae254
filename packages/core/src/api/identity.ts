/**
 * Identity DTOs, request schemas and messages: citizens (SMS, WeChat, real
 * name, company), staff (roles, sign-in, citizen lookup and its log) and
 * agents' consents. The routes themselves are in the one table in routes.ts.
 */
import { ITEM_CODE_PATTERN } from './contract/patterns'

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

export type StaffRole = 'clerk' | 'reviewer' | 'approver' | 'supervisor' | 'leader' | 'hall_admin' | 'agent'

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  clerk: '窗口人员',
  reviewer: '部门承办、审核人员',
  approver: '部门批准人',
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
  /**
   * Sign-in attempts for this username that failed (wrong password, or refused
   * while locked) between the previous sign-in and the latest, from any address;
   * null when there were none, or once the staff member has dismissed the notice.
   */
  signInFailures: SignInFailures | null
}

export interface SignInFailures {
  count: number
  /** ISO time of the last of them. */
  lastAt: string
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
  application: '代您提交的申请',
  materials: '申请材料',
}

/** How the access log names a field, e.g. `licence:营业执照` → 电子证照（营业执照）. */
export function accessFieldLabel(field: string): string {
  if (field.startsWith('licence:')) return `电子证照（${field.slice('licence:'.length)}）`
  if (field.startsWith('material:')) return `申请材料（${field.slice('material:'.length)}）`
  return ACCESS_FIELD_LABELS[field] ?? field
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
