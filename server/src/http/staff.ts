/** Staff sign-in (username + password) for the workbench; lockout after repeated failures. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  findCitizenQuerySchema, isValidMobile, maskMobile, normalizeMobile, ROUTES, staffLoginBodySchema,
  type AccessPurpose, type CitizenCard, type StaffSessionResult, type StaffView,
} from '@tongban/core'
import { identityRepo } from '../store/identity'
import { accessLogRepo } from '../store/access-log'
import { ProblemError } from '../errors'
import { staffRepo, type StaffRow } from '../store/staff'
import { verifyPassword } from '../auth/passwords'
import { STAFF_COOKIE } from '../auth/access'

export const STAFF_MAX_FAILURES = 5
export const STAFF_LOCK_MS = 15 * 60_000
/** A workday: staff sign in again each morning. */
export const STAFF_SESSION_MS = 12 * 3_600_000

export function staffView(s: StaffRow): StaffView {
  return { id: s.id, username: s.username, displayName: s.display_name, roles: s.roles, hallId: s.hall_id, departmentCode: s.department_code }
}

function staffOf(request: FastifyRequest) {
  if (!request.staff) throw new ProblemError('UNAUTHENTICATED')
  return request.staff
}

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: { username: string; password: string } }>(ROUTES.staffLogin.path, {
    schema: { body: staffLoginBodySchema, tags: ['staff'], summary: '工作人员登录' },
    config: { access: 'public', fieldMessages: { username: '请输入用户名', password: '请输入密码' } },
  }, async (request, reply): Promise<StaffSessionResult> => {
    const repo = staffRepo(app.db)
    const staff = await repo.byUsername(request.body.username.trim())
    const now = new Date()
    if (staff?.locked_until && new Date(staff.locked_until) > now) {
      await verifyPassword(request.body.password, null) // same work as any other attempt
      throw new ProblemError('STAFF_LOCKED')
    }
    const ok = await verifyPassword(request.body.password, staff?.password_hash ?? null)
    if (!staff || !ok) {
      if (staff) await repo.failSignIn(staff.id, STAFF_MAX_FAILURES, STAFF_LOCK_MS, now)
      throw new ProblemError('STAFF_LOGIN_FAILED')
    }
    await repo.clearFailures(staff.id)
    const { token, expiresAt } = await app.sessions.create({ staffId: staff.id }, request.headers['user-agent'], STAFF_SESSION_MS)
    reply.setCookie(STAFF_COOKIE, token, { path: '/', httpOnly: true, secure: true, sameSite: 'strict', expires: expiresAt })
    return { staff: staffView(staff), token, expiresAt: expiresAt.toISOString() }
  })

  app.get(ROUTES.staffMe.path, {
    schema: { tags: ['staff'], summary: '当前工作人员' },
    config: { access: { staff: [] } },
  }, async (request, reply): Promise<StaffView> => {
    reply.header('cache-control', 'no-store')
    const row = await staffRepo(app.db).byId(staffOf(request).id)
    if (!row) throw new ProblemError('UNAUTHENTICATED')
    return staffView(row)
  })

  app.post(ROUTES.staffLogout.path, {
    schema: { tags: ['staff'], summary: '工作人员退出' },
    config: { access: { staff: [] } },
  }, async (request, reply) => {
    await app.sessions.revoke(staffOf(request).tokenHash)
    reply.clearCookie(STAFF_COOKIE, { path: '/' })
    return reply.code(204).send()
  })
}

/**
 * A window clerk (or hall admin, or supervisor) looks a citizen up by phone,
 * for a stated purpose. Every look is recorded and shown to the citizen on
 * "谁查看了我的信息"; the full ID number is never shown to staff.
 */
export async function staffCitizenRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { phone: string; purpose: AccessPurpose } }>(ROUTES.staffFindCitizen.path, {
    schema: { querystring: findCitizenQuerySchema, tags: ['staff'], summary: '按手机号查询群众账户（留痕）' },
    config: {
      access: { staff: ['clerk', 'hall_admin', 'supervisor'] },
      fieldMessages: { phone: '请输入11位中国大陆手机号码', purpose: '请选择查询事由' },
    },
  }, async (request, reply): Promise<CitizenCard> => {
    reply.header('cache-control', 'no-store')
    const phone = normalizeMobile(request.query.phone)
    if (!isValidMobile(phone)) throw new ProblemError('VALIDATION', { errors: [{ path: 'phone', code: 'mobile', message: '请输入11位中国大陆手机号码' }] })
    const account = await identityRepo(app.db).accountByPhone(phone)
    if (!account) throw new ProblemError('CITIZEN_NOT_FOUND')
    const card: CitizenCard = { id: account.id, phoneMasked: maskMobile(phone), name: account.name, idNumberMasked: account.id_number_masked }
    const fields = ['phone', ...(card.name ? ['name'] : []), ...(card.idNumberMasked ? ['idNumber'] : [])]
    await accessLogRepo(app.db).record(account.id, staffOf(request).id, request.query.purpose, fields)
    return card
  })
}
