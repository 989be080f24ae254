/**
 * Staff sign-in (username + password) for the workbench. Every attempt is
 * counted before its password is checked, by the name as typed from this
 * address and from everywhere (a name that does not exist locks like one
 * that does, so the answers tell nothing about which names exist); password
 * checks run a few at a time; the staff member is told of failed sign-ins.
 */
import type { FastifyInstance } from 'fastify'
import { API, AUTH_MESSAGES, isValidMobile, maskMobile, normalizeMobile, type CitizenCard, type StaffView } from '@tongban/core'
import { identityRepo } from '../../store/identity'
import { accessLogRepo } from '../../store/access-log'
import { ProblemError } from '../../errors'
import { staffRepo, type StaffRow } from '../../store/staff'
import { loginAttemptsRepo, type AttemptLimits } from '../../store/login-attempts'
import { HashingBusy, hashingLimiter, verifyPassword } from '../../auth/passwords'
import { STAFF_COOKIE } from '../../auth/access'
import type { StaffLoginConfig } from '../../config'
import { implement } from '../define'

const routes = API.staff

/**
 * 5 tries from one address, then that address waits 15 minutes; 50 from all
 * addresses together lock the name for everyone (someone guessing from many
 * addresses), also for 15 minutes.
 */
export const STAFF_SIGN_IN_LIMITS: AttemptLimits = { perAddress: 5, perUsername: 50, lockMs: 15 * 60_000 }
/** A workday: staff sign in again each morning. */
export const STAFF_SESSION_MS = 12 * 3_600_000
/** Retry-After of a sign-in turned away because too many are waiting for a password check. */
const BUSY_RETRY_S = 2

export function staffView(s: StaffRow): StaffView {
  return {
    id: s.id, username: s.username, displayName: s.display_name, roles: s.roles, hallId: s.hall_id, departmentCode: s.department_code,
    signInFailures: s.sign_in_failures > 0 && s.last_sign_in_failure_at
      ? { count: s.sign_in_failures, lastAt: new Date(s.last_sign_in_failure_at).toISOString() }
      : null,
  }
}

export interface StaffRouteOptions {
  login: StaffLoginConfig
  /** The time attempts are counted and locks end at (tests move it past a lock). */
  now?: () => number
}

export function staffRoutes(opts: StaffRouteOptions) {
  return async (app: FastifyInstance): Promise<void> => {
    const hashing = hashingLimiter({ concurrency: opts.login.hashConcurrency, queue: opts.login.hashQueue })
    const now = opts.now ?? Date.now

    implement(app, routes.login, async (request, reply) => {
      const username = request.body.username.trim()
      const attempts = loginAttemptsRepo(app.db)
      const at = new Date(now())
      let outcome: { staff: StaffRow | null } | { lockedUntil: Date | null }
      try {
        // The whole attempt holds a slot, so one turned away (503) was never counted.
        outcome = await hashing.run(async () => {
          const attempt = await attempts.count(username, request.ip, STAFF_SIGN_IN_LIMITS, at)
          if (attempt.refused) return { lockedUntil: attempt.lockedUntil }
          const staff = await staffRepo(app.db).byUsername(username)
          // An unknown name costs the same hash as a known one.
          return { staff: (await verifyPassword(request.body.password, staff?.password_hash ?? null)) ? staff : null }
        })
      } catch (e) {
        if (!(e instanceof HashingBusy)) throw e
        reply.header('retry-after', BUSY_RETRY_S)
        throw new ProblemError('STAFF_LOGIN_BUSY')
      }
      if ('lockedUntil' in outcome) {
        await attempts.failed(username, at)
        if (outcome.lockedUntil) reply.header('retry-after', Math.max(1, Math.ceil((outcome.lockedUntil.getTime() - at.getTime()) / 1000)))
        throw new ProblemError('STAFF_LOCKED')
      }
      const staff = outcome.staff
      if (!staff) {
        await attempts.failed(username, at)
        throw new ProblemError('STAFF_LOGIN_FAILED')
      }
      const failures = await attempts.signedIn(username, request.ip)
      await staffRepo(app.db).setSignInFailures(staff.id, failures)
      const { token, expiresAt } = await app.sessions.create({ staffId: staff.id }, request.headers['user-agent'], STAFF_SESSION_MS)
      // Max-Age, not Expires: counted by the browser's own clock (see routes/identity/auth.ts setSessionCookie).
      reply.setCookie(STAFF_COOKIE, token, { path: '/', httpOnly: true, secure: true, sameSite: 'strict', maxAge: STAFF_SESSION_MS / 1000 })
      return {
        staff: staffView({ ...staff, sign_in_failures: failures.count, last_sign_in_failure_at: failures.lastAt }),
        token, expiresAt: expiresAt.toISOString(),
      }
    }, {
      // Each attempt costs a password hash: far fewer per address than the general limit.
      rateLimit: { max: opts.login.ratePerMinute, timeWindow: '1 minute' },
    })

    implement(app, routes.me, async (request) => {
      const row = await staffRepo(app.db).byId(request.staff.id)
      if (!row) throw new ProblemError('UNAUTHENTICATED')
      return staffView(row)
    })

    implement(app, routes.logout, async (request, reply) => {
      await app.sessions.revoke(request.staff.tokenHash)
      reply.clearCookie(STAFF_COOKIE, { path: '/' })
      return reply.code(204).send()
    })

    implement(app, routes.dismissSignInFailures, async (request, reply) => {
      await staffRepo(app.db).setSignInFailures(request.staff.id, { count: 0, lastAt: null })
      return reply.code(204).send()
    })
  }
}

/**
 * A window clerk (or hall admin, or supervisor) looks a citizen up by phone,
 * for a stated purpose. Every look is recorded and shown to the citizen on
 * "谁查看了我的信息"; the full ID number is never shown to staff.
 */
export async function staffCitizenRoutes(app: FastifyInstance): Promise<void> {
  implement(app, routes.findCitizen, async (request) => {
    const phone = normalizeMobile(request.query.phone)
    if (!isValidMobile(phone)) throw new ProblemError('VALIDATION', { errors: [{ path: 'phone', code: 'mobile', message: AUTH_MESSAGES.phone }] })
    const account = await identityRepo(app.db).accountByPhone(phone)
    if (!account) throw new ProblemError('CITIZEN_NOT_FOUND')
    const card: CitizenCard = { id: account.id, phoneMasked: maskMobile(phone), name: account.name, idNumberMasked: account.id_number_masked }
    const fields = ['phone', ...(card.name ? ['name'] : []), ...(card.idNumberMasked ? ['idNumber'] : [])]
    await accessLogRepo(app.db).record(account.id, request.staff.id, request.query.purpose, fields)
    return card
  })
}
