/**
 * Subscribe messages, the mini-program's side (API.wechat): the configured
 * templates it may ask for, and the answers of the subscribe popup, kept in
 * the ledger of acceptances (store/wechat-subscriptions.ts) that the WeChat
 * channel spends. Answers for templates that are not configured (a stale
 * list in the app) are ignored.
 */
import type { FastifyInstance } from 'fastify'
import { API, type WechatTemplate } from '@tongban/core'
import { ProblemError } from '../../errors'
import { wechatSubscriptionsRepo } from '../../store/wechat-subscriptions'
import { implement } from '../define'

export interface WechatSubscriptionRouteOptions {
  templates: readonly WechatTemplate[]
  now?: () => number
  /**
   * Outside production with the local fake WeChat API: the popup's acceptances told to the fake too, since
   * no real WeChat recorded them (the demo and the simulator then see their messages arrive).
   */
  mirror?: (openid: string, templateId: string) => void
}

export async function wechatSubscriptionRoutes(app: FastifyInstance, opts: WechatSubscriptionRouteOptions): Promise<void> {
  const now = opts.now ?? Date.now
  const templates = opts.templates.map(({ id, title, kinds }) => ({ id, title, kinds: [...kinds] }))
  const known = new Set(templates.map((t) => t.id))

  implement(app, API.wechat.templates, async () => ({ templates }))

  implement(app, API.wechat.subscribe, async (request) => {
    const repo = wechatSubscriptionsRepo(app.db)
    const openid = await repo.openidOf(request.citizen.accountId)
    if (!openid) throw new ProblemError('WECHAT_NOT_SIGNED_IN')
    const results = Object.fromEntries(Object.entries(request.body.results).filter(([id]) => known.has(id)))
    await repo.record(openid, results, new Date(now()))
    if (opts.mirror) {
      for (const [id, r] of Object.entries(results)) if (r === 'accept' || r === 'acceptWithAudio') opts.mirror(openid, id)
    }
    return { remaining: await repo.remaining(openid, [...known]) }
  })
}
