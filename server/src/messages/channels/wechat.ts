/**
 * The WeChat subscribe-message channel: a message goes this way when the
 * person signed in through the mini-program (an openid) and holds an unused
 * acceptance of a configured template carrying its kind. One acceptance is
 * reserved in our ledger before the send and given back whenever WeChat did
 * not use it, so two senders never spend the same one.
 *
 * What WeChat's answer means for the dispatcher (channel.ts):
 * - 43101 (refused, unsubscribed, acceptance used up) and 40003 (openid not
 *   ours): permanent, the next channel takes the message; after 43101 our
 *   count for that template was wrong, so it goes to 0.
 * - 45011 (per-minute quota) and 45009 (daily quota): not permanent, retried
 *   after the minute, or after midnight in Beijing.
 * - 47003 (a value against its keyword's rules) is a bug in our value shaping
 *   or in the template's configuration: dead letter, naming the keyword and
 *   the field that filled it. A value our own shaping cannot make valid is
 *   the same bug found before sending: dead letter, nothing sent.
 * - WeChat busy or unreachable: retried later. Anything else WeChat refuses
 *   (40037 template id, 41030 page, our credentials): permanent, so the
 *   person is still told by the next channel while the log says why.
 */
import { MESSAGE_KIND_LABELS, templateData, templatesFor, type MessageContent, type WechatTemplate } from '@tongban/core'
import type { WechatConfig } from '../../config'
import type { WechatClient, WechatFailure } from '../../connectors/wechat/index'
import { wechatSubscriptionsRepo } from '../../store/wechat-subscriptions'
import { once, type Channel, type ChannelMessage, type ChannelResult } from '../channel'

export interface WechatChannelDeps {
  client: Pick<WechatClient, 'sendSubscribeMessage'>
  config: Pick<WechatConfig, 'templates' | 'miniprogramState'>
  now?: () => number
  log?: { warn(obj: object, msg: string): void }
}

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
const BEIJING_OFFSET_MS = 8 * 3_600_000

/** Until 00:00 Beijing time, when WeChat's daily quotas start again. */
export function untilBeijingMidnight(now: number): number {
  const local = now + BEIJING_OFFSET_MS
  return (Math.floor(local / DAY_MS) + 1) * DAY_MS - local
}

/** A mini-program page as WeChat takes it: no leading slash; none → the message opens no page. */
function pageOf(content: MessageContent): string | undefined {
  const page = content.link.mini.replace(/^\/+/, '')
  return page === '' ? undefined : page
}

/** 47003's errmsg names the value (`data.thing2.value invalid`): the keyword, and the content field that filled it. */
function invalidField(template: WechatTemplate, errmsg: string): string {
  const key = /data\.([a-z_]+\d+)\.value/.exec(errmsg)?.[1]
  const field = template.keywords.find((k) => k.key === key)?.field
  return key ? `${key}${field ? ` (${field})` : ' (not in the configured keywords)'}` : 'unknown keyword'
}

export function createWechatChannel(deps: WechatChannelDeps): Channel {
  const { client, config } = deps
  const now = deps.now ?? Date.now

  function failed(f: WechatFailure, template: WechatTemplate): ChannelResult {
    const code = f.errcode === undefined ? f.code : String(f.errcode)
    const base = { status: 'failed' as const, code, detail: `${template.id}: ${f.message}` }
    switch (f.errcode) {
      case 43101:
      case 40003:
        return { ...base, permanent: true }
      case 45011:
        return { ...base, permanent: false, retryAfterMs: MINUTE_MS }
      case 45009:
        return { ...base, permanent: false, retryAfterMs: untilBeijingMidnight(now()) }
      case 47003:
        return { ...base, permanent: true, deadLetter: true, detail: `${template.id}: WeChat refused ${invalidField(template, f.message)} — ${f.message}` }
    }
    if (f.retryable) return { ...base, permanent: false }
    deps.log?.warn({ wechat: f.code, errcode: f.errcode, template: template.id }, 'wechat subscribe message refused')
    return { ...base, permanent: true }
  }

  const channel: Channel = {
    name: 'wechat',
    send: (msg, db) => channel.batch!([msg], db)(msg),
    batch(msgs, db) {
      const ledger = wechatSubscriptionsRepo(db)
      // What each person had left when the batch began; taking one (below) is what counts.
      const remaining = once(() => ledger.remainingMany(
        msgs.flatMap((m) => m.recipient.openid ?? []),
        [...new Set(msgs.flatMap((m) => templatesFor(config.templates, m.content.kind).map((t) => t.id)))],
      ))
      return async (msg) => {
        const openid = msg.recipient.openid
        return sendTo(msg, ledger, openid ? (await remaining()).get(openid) ?? {} : {})
      }
    },
  }
  return channel

  async function sendTo(msg: ChannelMessage, ledger: ReturnType<typeof wechatSubscriptionsRepo>, left: Readonly<Record<string, number>>): Promise<ChannelResult> {
    const { recipient, content } = msg
    const openid = recipient.openid
    if (!openid) return { status: 'unavailable', reason: '未用小程序登录过' }
    const serving = templatesFor(config.templates, content.kind)
    if (serving.length === 0) return { status: 'unavailable', reason: `没有可发“${MESSAGE_KIND_LABELS[content.kind]}”的订阅消息模板` }

    for (const template of serving) {
      if (!left[template.id]) continue
      const shaped = templateData(template, content)
      if (!shaped.ok) {
        const which = shaped.problems.map((p) => `${p.key} (${p.field}): ${p.reason}`).join('; ')
        return { status: 'failed', permanent: true, deadLetter: true, code: 'value_invalid', detail: `${template.id}: not sent, ${which}` }
      }
      const at = () => new Date(now())
      // Another sender may have spent it since we looked: then try the next template.
      if (!(await ledger.take(openid, [template.id], at()))) continue
      const page = pageOf(content)
      const r = await client.sendSubscribeMessage({
        touser: openid, templateId: template.id, data: shaped.data, miniprogramState: config.miniprogramState, ...(page ? { page } : {}),
      })
      if (r.ok) return { status: 'sent', providerId: r.msgid }
      if (r.errcode === 43101) await ledger.clear(openid, template.id, at())
      else await ledger.giveBack(openid, template.id, at())
      return failed(r, template)
    }
    return { status: 'unavailable', reason: `申请人没有可用的“${MESSAGE_KIND_LABELS[content.kind]}”订阅次数` }
  }
}
