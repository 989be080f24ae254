/**
 * Identity's routes: a citizen signs in (SMS code, or WeChat in the
 * mini-program), sees and completes their own account (real name, company),
 * sees who looked them up and whom they let apply for them (代办), and signs
 * out; an agent asks a resident's consent and records it.
 */
import { COMPANY_MESSAGES } from '../../identity/profile'
import { IDENTITY_MESSAGES } from '../../identity/validators'
import { staffAccess } from '../../staff/capabilities'
import { defineRoutes } from '../contract/contract'
import { Bool, Enum, Int, ItemCode, List, Nullable, Obj, Str, UuidParams, type Static } from '../contract/schema'
import { ACCESS_PURPOSES, AUTH_MESSAGES, CONSENT_MESSAGES, PROFILE_MESSAGES, STAFF_ROLES } from './labels'

const Phone = () => Str({ minLength: 1, maxLength: 32 })

export const sendSmsCodeBodySchema = Obj({ phone: Phone() })
export const verifySmsCodeBodySchema = Obj({ phone: Phone(), code: Str({ minLength: 1, maxLength: 16 }) })
export const updateCompanyBodySchema = Obj({ name: Str({ minLength: 1, maxLength: 100 }), creditCode: Str({ minLength: 1, maxLength: 32 }) })
export const updateProfileBodySchema = Obj({ name: Str({ minLength: 1, maxLength: 50 }), idNumber: Str({ minLength: 1, maxLength: 32 }) })
/** A code from Taro.login (wx.login) or from getPhoneNumber. */
export const wechatCodeBodySchema = Obj({ code: Str({ minLength: 1, maxLength: 128 }) })
export const requestConsentBodySchema = Obj({ residentPhone: Phone(), itemCode: ItemCode() })
export const confirmConsentBodySchema = Obj({ code: Str({ minLength: 1, maxLength: 16 }) })

export const sendCodeResultSchema = Obj({
  /** Seconds until another code may be asked for. */
  resendAfter: Int(0, 86_400),
})
export type SendCodeResult = Static<typeof sendCodeResultSchema>

export const accountViewSchema = Obj({
  id: Str(),
  /** The owner's own view: full; everywhere else masked. */
  phone: Nullable(Str()),
  /** Real name (实名), once given. */
  name: Nullable(Str()),
  /** Resident ID number: only ever sent to its owner. */
  idNumber: Nullable(Str()),
  /** `1101**********123X`: what every other view shows. */
  idNumberMasked: Nullable(Str()),
  /** The company this account acts for (法人办事), once given. */
  company: Nullable(Obj({ name: Str(), creditCode: Str() })),
})
export type AccountView = Static<typeof accountViewSchema>

export const sessionResultSchema = Obj({
  account: accountViewSchema,
  /** Bearer token for the mini-program; the PWA uses the HttpOnly cookie instead. */
  token: Str(),
  expiresAt: Str(),
})
export type SessionResult = Static<typeof sessionResultSchema>

/** What a shell needs to know about this BFF before anything else. */
export const clientConfigSchema = Obj({
  /** Text messages go to the local fake provider and can be read at /dev/inbox (never in production). */
  devInbox: Bool(),
})
export type ClientConfig = Static<typeof clientConfigSchema>

export const accessLogEntrySchema = Obj({
  at: Str(),
  staffName: Str(),
  roles: List(Enum(STAFF_ROLES)),
  purpose: Enum(ACCESS_PURPOSES),
  fields: List(Str()),
})
export type AccessLogEntry = Static<typeof accessLogEntrySchema>

/** 代办授权: a resident lets a village/township agent apply for one item on their behalf. */
export const CONSENT_STATUSES = ['pending', 'granted'] as const
export type ConsentStatus = (typeof CONSENT_STATUSES)[number]

export const consentSchema = Obj({
  id: Str(),
  status: Enum(CONSENT_STATUSES),
  residentPhoneMasked: Str(),
  itemCode: Str(),
  itemName: Str(),
  agentName: Str(),
  createdAt: Str(),
  grantedAt: Nullable(Str()),
})
export type Consent = Static<typeof consentSchema>

/** The resident's 实名 under a granted consent, for the agent's applicant fields; null until the resident gives one. */
export const agentApplicantSchema = Obj({
  realName: Nullable(Obj({ name: Str(), idNumber: Str() })),
})
export type AgentApplicant = Static<typeof agentApplicantSchema>

const SMS_MESSAGES = { phone: AUTH_MESSAGES.phone, code: AUTH_MESSAGES.code }
const WECHAT_MESSAGES = { code: '缺少微信登录凭证，请重新进入小程序' }
const agentOnly = staffAccess('applyForOthers')

export const identityRoutes = defineRoutes('identity', {
  clientConfig: {
    method: 'GET', path: '/api/client-config', access: 'public', summary: '客户端配置',
    response: clientConfigSchema, cache: 'none',
  },
  sendSmsCode: {
    method: 'POST', path: '/api/auth/sms/send', access: 'public', summary: '发送登录验证码（无论手机号是否注册，回答都相同）',
    body: sendSmsCodeBodySchema, response: sendCodeResultSchema, messages: SMS_MESSAGES, cache: 'none',
  },
  verifySmsCode: {
    method: 'POST', path: '/api/auth/sms/verify', access: 'public', summary: '用验证码登录（首次登录即注册）',
    body: verifySmsCodeBodySchema, response: sessionResultSchema, messages: SMS_MESSAGES, cache: 'none',
  },
  me: {
    method: 'GET', path: '/api/me', access: 'citizen', summary: '我的账户',
    response: accountViewSchema, cache: 'no-store',
  },
  updateProfile: {
    method: 'PUT', path: '/api/me/profile', access: 'citizen', summary: '实名信息（身份证号码加密保存）',
    body: updateProfileBodySchema, response: accountViewSchema,
    messages: { name: PROFILE_MESSAGES.name, idNumber: PROFILE_MESSAGES.idNumber }, cache: 'no-store',
  },
  updateCompany: {
    method: 'PUT', path: '/api/me/company', access: 'citizen', summary: '法人信息（统一社会信用代码）',
    body: updateCompanyBodySchema, response: accountViewSchema,
    messages: { name: COMPANY_MESSAGES.name, creditCode: IDENTITY_MESSAGES.creditCode.format }, cache: 'no-store',
  },
  myAccessLog: {
    method: 'GET', path: '/api/me/access-log', access: 'citizen', summary: '谁查看了我的信息',
    response: List(accessLogEntrySchema), cache: 'no-store',
  },
  logout: { method: 'POST', path: '/api/auth/logout', access: 'citizen', summary: '退出登录', noContent: true, cache: 'none' },
  logoutOthers: {
    method: 'POST', path: '/api/auth/logout-others', access: 'citizen', summary: '退出其他设备',
    response: Obj({ revoked: Int(0, 1_000_000) }), cache: 'none',
  },
  wechatLogin: {
    method: 'POST', path: '/api/auth/wechat/login', access: 'public', summary: '微信登录（小程序 wx.login 的 code）',
    body: wechatCodeBodySchema, response: sessionResultSchema, messages: WECHAT_MESSAGES, cache: 'none',
  },
  wechatPhone: {
    method: 'POST', path: '/api/auth/wechat/phone', access: 'citizen', summary: '绑定微信手机号（getPhoneNumber 的 code）',
    body: wechatCodeBodySchema, response: sessionResultSchema, messages: WECHAT_MESSAGES, cache: 'none',
  },
  myConsents: {
    method: 'GET', path: '/api/me/consents', access: 'citizen', summary: '我授权的代办',
    response: List(consentSchema), cache: 'no-store',
  },
  requestConsent: {
    method: 'POST', path: '/api/agent/consents', access: agentOnly, summary: '代办员发起代办授权（短信验证码发给群众）',
    body: requestConsentBodySchema, response: consentSchema, messages: CONSENT_MESSAGES, cache: 'none',
  },
  confirmConsent: {
    method: 'POST', path: '/api/agent/consents/:id/confirm', access: agentOnly, summary: '代办员录入群众告知的验证码',
    params: UuidParams, body: confirmConsentBodySchema, response: consentSchema,
    messages: { ...CONSENT_MESSAGES, id: '没有找到这条代办授权申请' }, problems: { id: 'CONSENT_NOT_FOUND' }, cache: 'none',
  },
  // Written to the resident's access log (谁查看了我的信息).
  agentApplicant: {
    method: 'GET', path: '/api/agent/consents/:id/applicant', access: agentOnly, summary: '代办员读取授权群众的实名信息（填写申请人，留痕）',
    params: UuidParams, response: agentApplicantSchema,
    messages: { id: '没有找到这条代办授权' }, problems: { id: 'CONSENT_NOT_FOUND' }, cache: 'no-store',
  },
  agentConsents: {
    method: 'GET', path: '/api/agent/consents', access: agentOnly, summary: '我发起的代办授权',
    response: List(consentSchema), cache: 'none',
  },
})
