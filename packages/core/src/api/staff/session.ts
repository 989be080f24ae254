/**
 * Staff sign-in (username + password) for the workbench, the staff member
 * signed in, the notice of failed sign-ins, sign-out; and a citizen looked
 * up by phone, for a stated purpose (recorded, and shown to the citizen).
 */
import { staffAccess } from '../../staff/capabilities'
import { defineRoutes } from '../contract/contract'
import { Enum, Int, List, Nullable, Obj, Str, type Static } from '../contract/schema'
import { ACCESS_PURPOSES, AUTH_MESSAGES, STAFF_ROLES } from '../identity/labels'

export const staffLoginBodySchema = Obj({ username: Str({ minLength: 1, maxLength: 64 }), password: Str({ minLength: 1, maxLength: 200 }) })

export const findCitizenQuerySchema = Obj({ phone: Str({ minLength: 1, maxLength: 32 }), purpose: Enum(ACCESS_PURPOSES) })

export const signInFailuresSchema = Obj({
  count: Int(1, 2_147_483_647),
  /** ISO time of the last of them. */
  lastAt: Str(),
})
export type SignInFailures = Static<typeof signInFailuresSchema>

export const staffViewSchema = Obj({
  id: Str(),
  username: Str(),
  displayName: Str(),
  roles: List(Enum(STAFF_ROLES)),
  hallId: Nullable(Str()),
  departmentCode: Nullable(Str()),
  /**
   * Sign-in attempts for this username that failed (wrong password, or refused
   * while locked) between the previous sign-in and the latest, from any address;
   * null when there were none, or once the staff member has dismissed the notice.
   */
  signInFailures: Nullable(signInFailuresSchema),
})
export type StaffView = Static<typeof staffViewSchema>

export const staffSessionResultSchema = Obj({ staff: staffViewSchema, token: Str(), expiresAt: Str() })
export type StaffSessionResult = Static<typeof staffSessionResultSchema>

/** What staff see of a citizen: never the full ID number. */
export const citizenCardSchema = Obj({
  id: Str(),
  phoneMasked: Str(),
  name: Nullable(Str()),
  idNumberMasked: Nullable(Str()),
})
export type CitizenCard = Static<typeof citizenCardSchema>

const anyStaff = { staff: [] } as const

export const staffSessionRoutes = defineRoutes('staff', {
  login: {
    method: 'POST', path: '/api/staff/login', access: 'public', summary: '工作人员登录',
    body: staffLoginBodySchema, response: staffSessionResultSchema, messages: { username: '请输入用户名', password: '请输入密码' }, cache: 'none',
  },
  me: {
    method: 'GET', path: '/api/staff/me', access: anyStaff, summary: '当前工作人员',
    response: staffViewSchema, cache: 'no-store',
  },
  dismissSignInFailures: {
    method: 'DELETE', path: '/api/staff/me/sign-in-failures', access: anyStaff, summary: '已知悉登录失败提醒',
    noContent: true, cache: 'none',
  },
  logout: { method: 'POST', path: '/api/staff/logout', access: anyStaff, summary: '工作人员退出', noContent: true, cache: 'none' },
  findCitizen: {
    method: 'GET', path: '/api/staff/citizens', access: staffAccess('lookUpCitizens'), summary: '按手机号查询群众账户（留痕）',
    query: findCitizenQuerySchema, response: citizenCardSchema, messages: { phone: AUTH_MESSAGES.phone, purpose: '请选择查询事由' }, cache: 'no-store',
  },
})
