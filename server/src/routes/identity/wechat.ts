/**
 * WeChat sign-in for the mini-program: the wx.login code becomes a session
 * (an account per openid, created on first use); the getPhoneNumber code
 * binds a phone, and if that phone already has an account (signed in on the
 * web), that account takes the WeChat identity over: one person, one account.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { API } from '@tongban/core'
import { ProblemError } from '../../errors'
import { identityRepo } from '../../store/identity'
import type { WechatFailure } from '../../connectors/wechat/index'
import { implement } from '../define'
import { ownView } from './auth'

function failure(request: FastifyRequest, f: WechatFailure): ProblemError {
  switch (f.code) {
    case 'invalid_code':
    case 'code_used':
      return new ProblemError('WECHAT_CODE_INVALID')
    case 'user_blocked':
      return new ProblemError('WECHAT_BLOCKED')
    case 'rate_limited':
      return new ProblemError('RATE_LIMITED')
    default:
      request.log.warn({ wechat: f.code, errcode: f.errcode }, 'wechat call failed')
      return new ProblemError('WECHAT_UNAVAILABLE')
  }
}

export async function wechatRoutes(app: FastifyInstance): Promise<void> {
  implement(app, API.identity.wechatLogin, async (request) => {
    const res = await app.wechat.code2Session(request.body.code)
    if (!res.ok) throw failure(request, res)
    const account = await identityRepo(app.db).ensureWechatAccount(res.openid, res.unionid)
    const { token, expiresAt } = await app.sessions.create(account.id, request.headers['user-agent'])
    return { account: ownView(app, account), token, expiresAt: expiresAt.toISOString() }
  })

  implement(app, API.identity.wechatPhone, async (request) => {
    const session = request.citizen
    const res = await app.wechat.phoneNumber(request.body.code)
    if (!res.ok) throw failure(request, res)
    if (res.countryCode !== '86') throw new ProblemError('VALIDATION', { errors: [{ path: 'code', code: 'mobile', message: '目前只支持中国大陆手机号' }] })
    const { account, endedSessions } = await app.db.transaction((tx) => identityRepo(tx).bindPhone(session.accountId, res.phone))
    app.sessions.announceEnded(endedSessions)
    await app.sessions.revoke(session.tokenHash)
    const { token, expiresAt } = await app.sessions.create(account.id, request.headers['user-agent'])
    return { account: ownView(app, account), token, expiresAt: expiresAt.toISOString() }
  })
}
