/**
 * WeChat subscribe messages, as the mini-program asks for them: which
 * templates there are (to pass to wx.requestSubscribeMessage, at most 3 a
 * call) and what the person answered, so the BFF keeps its ledger of
 * acceptances (one accept = one message of that template).
 */
import { MESSAGE_KINDS } from '../../messages/kinds'
import { defineRoutes } from '../contract/contract'
import { Dict, Enum, Int, List, Obj, Str, Unsafe, type Static } from '../contract/schema'

/** What wx.requestSubscribeMessage answers per template id (`acceptWithAudio`: accepted with a voice reminder). */
export const WECHAT_SUBSCRIBE_RESULTS = ['accept', 'acceptWithAudio', 'reject', 'ban', 'filter'] as const
export type WechatSubscribeResult = (typeof WECHAT_SUBSCRIBE_RESULTS)[number]

/** Templates one wx.requestSubscribeMessage call may ask for (sources say 3 or 5; 3 works everywhere). */
export const WECHAT_TEMPLATES_PER_CALL = 3

export const wechatTemplateViewSchema = Obj({
  id: Str(),
  /** As the subscribe popup shows it. */
  title: Str(),
  kinds: List(Enum(MESSAGE_KINDS)),
})
export type WechatTemplateView = Static<typeof wechatTemplateViewSchema>

export const wechatSubscriptionsBodySchema = Obj({
  /** wx.requestSubscribeMessage's answer without errMsg: template id → result. */
  results: Unsafe<Record<string, WechatSubscribeResult>>({
    type: 'object', additionalProperties: { type: 'string', enum: [...WECHAT_SUBSCRIBE_RESULTS] },
    propertyNames: { pattern: '^[A-Za-z0-9_-]{1,128}$' }, minProperties: 1, maxProperties: 20,
  }),
})

export const wechatRoutes = defineRoutes('wechat', {
  templates: {
    method: 'GET', path: '/api/wechat/templates', access: 'public',
    summary: '小程序订阅消息模板（wx.requestSubscribeMessage 的 tmplIds，每次最多 3 个）',
    response: Obj({ templates: List(wechatTemplateViewSchema) }), cache: 'none',
  },
  subscribe: {
    method: 'POST', path: '/api/me/wechat/subscriptions', access: 'citizen',
    summary: '报告订阅结果（每“允许”一次可发一条该模板的消息）',
    body: wechatSubscriptionsBodySchema,
    messages: { results: '请提交 wx.requestSubscribeMessage 的结果：模板 ID → accept / reject / ban / filter' },
    /** What is left per configured template after this answer; templates not configured are ignored. */
    response: Obj({ remaining: Dict(Int(0, 1_000_000)) }), cache: 'no-store',
  },
})
