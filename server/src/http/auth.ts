/** Sign-in with phone + SMS code, the citizen's own account, sign-out. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  AUTH_MESSAGES, isValidMobile, maskResidentId, normalizeMobile, normalizeRealNameInput, PROFILE_MESSAGES, realNameIssues, ROUTES, shanghaiDate,
  sendSmsCodeBodySchema, updateProfileBodySchema, verifySmsCodeBodySchema, updateCompanyBodySchema, companyIssues,
  normalizeCompanyInput, COMPANY_MESSAGES, IDENTITY_MESSAGES,
  type AccessLogEntry, type AccountView, type ClientConfig, type SendCodeResult, type SessionResult,
} from '@tongban/core'
import { ProblemError } from '../errors'
import { identityRepo, type AccountRow } from '../store/identity'
import { accessLogRepo } from '../store/access-log'
import type { FieldCipher } from '../auth/crypto'
import type { Secrets } from '../auth/secrets'
import { SESSION_COOKIE } from '../auth/access'
import { SESSION_TTL_MS, type SessionService } from '../auth/sessions'
import type { OtpService } from '../auth/otp'



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

function citizenOf(request: FastifyRequest): { accountId: string; tokenHash: string } {
  const s = request.citizen
  if (!s?.accountId) throw new ProblemError('UNAUTHENTICATED')
  return { accountId: s.accountId, tokenHash: s.tokenHash }
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
  app.get(ROUTES.clientConfig.path, {
    schema: { tags: ['auth'], summary: '客户端配置' },
    config: { access: 'public' },
  }, async (): Promise<ClientConfig> => ({ devInbox: opts.devInbox }))

  const messages = { phone: AUTH_MESSAGES.phone, code: AUTH_MESSAGES.code }

  app.post<{ Body: { phone: string } }>(ROUTES.sendSmsCode.path, {
    schema: { body: sendSmsCodeBodySchema, tags: ['auth'], summary: '发送登录验证码（无论手机号是否注册，回答都相同）' },
    config: { access: 'public', fieldMessages: messages },
  }, async (request, reply): Promise<SendCodeResult> => {
    const phone = phoneOf(request.body.phone)
    const outcome = await app.otp.send(phone, request.ip, 'login', 'login_code')
    if (!outcome.ok && outcome.reason === 'too_frequent') {
      reply.header('retry-after', String(outcome.retryAfter))
      throw new ProblemError('OTP_TOO_FREQUENT', { detail: `请${outcome.retryAfter}秒后再试` })
    }
    if (!outcome.ok) {
      request.log.warn({ detail: outcome.reason === 'sms_failed' ? outcome.detail : undefined }, 'sms send failed')
      throw new ProblemError('SMS_UNAVAILABLE')
    }
    reply.code(202)
    return { resendAfter: outcome.resendAfter }
  })

  app.post<{ Body: { phone: string; code: string } }>(ROUTES.verifySmsCode.path, {
    schema: { body: verifySmsCodeBodySchema, tags: ['auth'], summary: '用验证码登录（首次登录即注册）' },
    config: { access: 'public', fieldMessages: messages },
  }, async (request, reply): Promise<SessionResult> => {
    const phone = phoneOf(request.body.phone)
    if (!(await app.otp.verify(phone, request.body.code.trim(), 'login'))) throw new ProblemError('OTP_INVALID')
    const account = await identityRepo(app.db).ensureAccount(phone)
    const { token, expiresAt } = await app.sessions.create(account.id, request.headers['user-agent'])
    setSessionCookie(reply, token)
    return { account: ownView(app, account), token, expiresAt: expiresAt.toISOString() }
  })

  app.get(ROUTES.me.path, {
    schema: { tags: ['auth'], summary: '我的账户' },
    config: { access: 'citizen' },
  }, async (request, reply): Promise<AccountView> => {
    reply.header('cache-control', 'no-store')
    const account = await identityRepo(app.db).accountById(citizenOf(request).accountId)
    if (!account) throw new ProblemError('UNAUTHENTICATED')
    return ownView(app, account)
  })

  app.put<{ Body: { name: string; idNumber: string } }>(ROUTES.updateProfile.path, {
    schema: { body: updateProfileBodySchema, tags: ['auth'], summary: '实名信息（身份证号码加密保存）' },
    config: { access: 'citizen', fieldMessages: { name: PROFILE_MESSAGES.name, idNumber: PROFILE_MESSAGES.idNumber } },
  }, async (request, reply): Promise<AccountView> => {
    reply.header('cache-control', 'no-store')
    const { name, idNumber } = normalizeRealNameInput(request.body)
    const errors = realNameIssues({ name, idNumber }, shanghaiDate(app.now()))
    if (errors.length) throw new ProblemError('VALIDATION', { errors })
    const repo = identityRepo(app.db)
    const me = citizenOf(request)
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

  app.put<{ Body: { name: string; creditCode: string } }>(ROUTES.updateCompany.path, {
    schema: { body: updateCompanyBodySchema, tags: ['auth'], summary: '法人信息（统一社会信用代码）' },
    config: { access: 'citizen', fieldMessages: { name: COMPANY_MESSAGES.name, creditCode: IDENTITY_MESSAGES.creditCode.format } },
  }, async (request, reply): Promise<AccountView> => {
    reply.header('cache-control', 'no-store')
    const input = normalizeCompanyInput(request.body)
    const errors = companyIssues(input)
    if (errors.length) throw new ProblemError('VALIDATION', { errors })
    const repo = identityRepo(app.db)
    const me = citizenOf(request)
    await repo.setCompany(me.accountId, input.name, input.creditCode)
    return ownView(app, (await repo.accountById(me.accountId))!)
  })

  app.get(ROUTES.myAccessLog.path, {
    schema: { tags: ['auth'], summary: '谁查看了我的信息' },
    config: { access: 'citizen' },
  }, async (request, reply): Promise<AccessLogEntry[]> => {
    reply.header('cache-control', 'no-store')
    const rows = await accessLogRepo(app.db).forAccount(citizenOf(request).accountId)
    return rows.map((r) => ({ at: new Date(r.at).toISOString(), staffName: r.display_name, roles: r.roles, purpose: r.purpose, fields: r.fields }))
  })

  app.post(ROUTES.logout.path, {
    schema: { tags: ['auth'], summary: '退出登录' },
    config: { access: 'citizen' },
  }, async (request, reply) => {
    await app.sessions.revoke(citizenOf(request).tokenHash)
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.code(204).send()
  })

  app.post(ROUTES.logoutOthers.path, {
    schema: { tags: ['auth'], summary: '退出其他设备' },
    config: { access: 'citizen' },
  }, async (request) => {
    const c = citizenOf(request)
    return { revoked: await app.sessions.revokeOthers(c.accountId, c.tokenHash) }
  })
}
