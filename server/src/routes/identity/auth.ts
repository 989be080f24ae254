/** Sign-in with phone + SMS code, the citizen's own account, sign-out (API.identity). */
import type { FastifyInstance, FastifyReply } from 'fastify'
import {
  API, AUTH_MESSAGES, companyIssues, isValidMobile, maskResidentId, normalizeCompanyInput, normalizeMobile, normalizeRealNameInput, PROFILE_MESSAGES,
  realNameIssues, shanghaiDate, type AccountView,
} from '@tongban/core'
import { ProblemError } from '../../errors'
import { codeRefused, codeTooFrequent } from '../../auth/otp'
import { identityRepo, type AccountRow } from '../../store/identity'
import { accessLogRepo } from '../../store/access-log'
import { SESSION_COOKIE } from '../../auth/access'
import { SESSION_TTL_MS } from '../../auth/sessions'
import { implement } from '../define'

const routes = API.identity

function phoneOf(raw: string): string {
  const phone = normalizeMobile(raw)
  if (!isValidMobile(phone)) {
    throw new ProblemError('VALIDATION', { errors: [{ path: 'phone', code: 'mobile', message: AUTH_MESSAGES.phone }] })
  }
  return phone
}

/**
 * Max-Age only, no Expires: the browser counts the lifetime from its own clock, so a phone whose date is wrong
 * (a cheap phone after a flat battery) keeps the cookie as long as the session lasts; the session's expiry is the BFF's.
 */
function setSessionCookie(reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    maxAge: SESSION_TTL_MS / 1000,
  })
}

/** The account as its owner sees it: the only view with the full ID number. */
export function ownView(app: FastifyInstance, a: AccountRow): AccountView {
  return {
    id: a.id,
    phone: a.phone,
    name: a.name,
    idNumber: a.id_number_enc ? app.idCipher.decrypt(a.id_number_enc) : null,
    idNumberMasked: a.id_number_masked,
    company: a.company_name && a.credit_code ? { name: a.company_name, creditCode: a.credit_code } : null,
  }
}

export async function authRoutes(app: FastifyInstance, opts: { devInbox: boolean }): Promise<void> {
  implement(app, routes.clientConfig, async () => ({ devInbox: opts.devInbox }))

  implement(app, routes.sendSmsCode, async (request, reply) => {
    const phone = phoneOf(request.body.phone)
    const outcome = await app.otp.send(phone, request.ip, 'login', 'login_code')
    if (!outcome.ok && outcome.reason === 'too_frequent') throw codeTooFrequent(reply, outcome.retryAfter)
    if (!outcome.ok) {
      request.log.warn({ detail: outcome.reason === 'sms_failed' ? outcome.detail : undefined }, 'sms send failed')
      throw new ProblemError('SMS_UNAVAILABLE')
    }
    reply.code(202)
    return { resendAfter: outcome.resendAfter }
  })

  implement(app, routes.verifySmsCode, async (request, reply) => {
    const phone = phoneOf(request.body.phone)
    const checked = await app.otp.verify(phone, request.body.code.trim(), 'login')
    if (!checked.ok) throw codeRefused(checked)
    const account = await identityRepo(app.db).ensureAccount(phone)
    const { token, expiresAt } = await app.sessions.create(account.id, request.headers['user-agent'])
    setSessionCookie(reply, token)
    return { account: ownView(app, account), token, expiresAt: expiresAt.toISOString() }
  })

  implement(app, routes.me, async (request) => {
    const account = await identityRepo(app.db).accountById(request.citizen.accountId)
    if (!account) throw new ProblemError('UNAUTHENTICATED')
    return ownView(app, account)
  })

  implement(app, routes.updateProfile, async (request) => {
    const { name, idNumber } = normalizeRealNameInput(request.body)
    const errors = realNameIssues({ name, idNumber }, shanghaiDate(app.now()))
    if (errors.length) throw new ProblemError('VALIDATION', { errors })
    const repo = identityRepo(app.db)
    const me = request.citizen
    let bound: boolean
    try {
      bound = await repo.setRealName(me.accountId, name, app.idCipher.encrypt(idNumber), app.secrets.mac('id-number', idNumber), maskResidentId(idNumber), new Date())
    } catch (e) {
      if ((e as { code?: string }).code !== '23505') throw e
      bound = false // another account took it at the same moment
    }
    if (!bound) throw new ProblemError('ID_NUMBER_TAKEN', { errors: [{ path: 'idNumber', code: 'taken', message: PROFILE_MESSAGES.taken }] })
    return ownView(app, (await repo.accountById(me.accountId))!)
  })

  implement(app, routes.updateCompany, async (request) => {
    const input = normalizeCompanyInput(request.body)
    const errors = companyIssues(input)
    if (errors.length) throw new ProblemError('VALIDATION', { errors })
    const repo = identityRepo(app.db)
    await repo.setCompany(request.citizen.accountId, input.name, input.creditCode)
    return ownView(app, (await repo.accountById(request.citizen.accountId))!)
  })

  implement(app, routes.myAccessLog, async (request) => {
    const rows = await accessLogRepo(app.db).forAccount(request.citizen.accountId)
    return rows.map((r) => ({ at: new Date(r.at).toISOString(), staffName: r.display_name, roles: r.roles, purpose: r.purpose, fields: r.fields }))
  })

  implement(app, routes.logout, async (request, reply) => {
    await app.sessions.revoke(request.citizen.tokenHash)
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.code(204).send()
  })

  implement(app, routes.logoutOthers, async (request) => ({
    revoked: await app.sessions.revokeOthers(request.citizen.accountId, request.citizen.tokenHash),
  }))
}
