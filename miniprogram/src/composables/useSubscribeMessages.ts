/**
 * 订阅消息: asks WeChat's popup whether we may send the person subscribe
 * messages about what comes next, and tells the BFF the answers (its ledger:
 * one 允许 = one message of that template).
 *
 * wx.requestSubscribeMessage only works when called from a tap (base library
 * ≥ 2.8.2: "can only be invoked by user TAP gesture"), so `ask` must run
 * synchronously inside the tap's handler, before any await. The template list
 * therefore has to be in hand already: `prepare()` fetches it when the page
 * loads (once per app run). No list yet, no templates for the moment, or a
 * person who did not sign in through WeChat: nothing is asked or reported,
 * and nothing the citizen is doing waits for any of it.
 */
import Taro from '@tarojs/taro'
import { API, SUBSCRIBE_MOMENTS, templatesToAsk, WECHAT_SUBSCRIBE_RESULTS, WECHAT_TEMPLATES_PER_CALL, type SubscribeMoment, type WechatSubscribeResult, type WechatTemplateView } from '@tongban/core'
import { usePlatform } from '@tongban/app'

let templates: WechatTemplateView[] | null = null
let fetching: Promise<void> | null = null

/** The popup's answer → template id → result, for the templates asked (errMsg and anything else left out). */
export function subscribeResults(ids: readonly string[], res: Record<string, unknown>): Record<string, WechatSubscribeResult> {
  const out: Record<string, WechatSubscribeResult> = {}
  for (const id of ids) {
    const r = res[id]
    if (typeof r === 'string' && (WECHAT_SUBSCRIBE_RESULTS as readonly string[]).includes(r)) out[id] = r as WechatSubscribeResult
  }
  return out
}

export function useSubscribeMessages() {
  const platform = usePlatform()

  function prepare(): void {
    if (templates || fetching) return
    fetching = platform.api.call(API.wechat.templates)
      .then((r) => { templates = r.templates })
      // Offline or an older BFF: no popup this time; the next page load tries again.
      .catch(() => undefined)
      .finally(() => { fetching = null })
  }

  async function report(results: Record<string, WechatSubscribeResult>): Promise<void> {
    if (Object.keys(results).length === 0) return
    // A phone-number sign-in has no openid (409): WeChat could not deliver to it anyway.
    await platform.api.call(API.wechat.subscribe, { body: { results } }).catch(() => undefined)
  }

  /** Call from a tap handler, before anything awaits. */
  function ask(moment: SubscribeMoment): void {
    const ids = templates ? templatesToAsk(templates, SUBSCRIBE_MOMENTS[moment], WECHAT_TEMPLATES_PER_CALL) : []
    if (ids.length === 0) return
    const options = {
      tmplIds: ids,
      success: (res: Record<string, unknown>) => { void report(subscribeResults(ids, res)) },
      // 20004 (notifications switched off), 10005 (app went to the background)…: the citizen carries on.
      fail: () => undefined,
    }
    Taro.requestSubscribeMessage(options as unknown as Taro.requestSubscribeMessage.Option).catch(() => undefined)
  }

  return { prepare, ask }
}
