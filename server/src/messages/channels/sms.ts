/**
 * SMS, the channel of last resort: through the existing provider client
 * (connectors/sms), one approved template per kind of message with the
 * parameters the core gives (smsParamsOf). It costs money and wakes people,
 * so: at most `dailyCap` progress messages per person per Asia/Shanghai
 * day (past it the 消息中心 only), and from 22:00 to 8:00 a non-urgent kind
 * waits until 8:00 (a queue call goes at once: it is useless later).
 */
import { smsParamsOf, URGENT_KINDS } from '@tongban/core'
import type { SmsProvider } from '../../connectors/sms/index'
import { messageRepo } from '../../store/messages'
import { once, type Channel, type ChannelResult } from '../channel'
import { HELD } from '../dispatch'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Asia/Shanghai is UTC+8 all year (no summer time). */
const SHANGHAI = 8 * HOUR
export const NIGHT_FROM_HOUR = 22
export const NIGHT_UNTIL_HOUR = 8
/** When the provider's flow control refuses a phone for now (Alibaba Cloud: one a minute per number). */
const FLOW_CONTROL_WAIT_MS = 60_000

/** The start (epoch ms) of the Asia/Shanghai day holding `at`. */
export function shanghaiDayStart(at: number): number {
  return Math.floor((at + SHANGHAI) / DAY) * DAY - SHANGHAI
}

/** How long until 8:00 Asia/Shanghai if `at` is in the night (22:00–8:00), else 0. */
export function nightWaitMs(at: number): number {
  const start = shanghaiDayStart(at)
  const hour = (at - start) / HOUR
  if (hour >= NIGHT_UNTIL_HOUR && hour < NIGHT_FROM_HOUR) return 0
  const morning = start + NIGHT_UNTIL_HOUR * HOUR + (hour >= NIGHT_FROM_HOUR ? DAY : 0)
  return morning - at
}

export interface SmsChannelDeps {
  provider: SmsProvider
  now: () => number
  dailyCap: number
}

export function createSmsChannel(deps: SmsChannelDeps): Channel {
  const channel: Channel = {
    name: 'sms',
    send: (msg, db) => channel.batch!([msg], db)(msg),
    batch(msgs, db) {
      const dayStart = shanghaiDayStart(deps.now())
      // Read once for the batch, counted on as it sends: one person's messages go one after another.
      const sentToday = once(() => messageRepo(db).smsSentSinceMany(msgs.map((m) => m.recipient.accountId), new Date(dayStart)))
      return async (msg): Promise<ChannelResult> => {
        const { recipient, content } = msg
        if (!recipient.phone) return { status: 'unavailable', reason: '没有手机号' }
        const at = deps.now()
        const wait = URGENT_KINDS.has(content.kind) ? 0 : nightWaitMs(at)
        if (wait > 0) return { status: 'failed', permanent: false, code: HELD, detail: '夜间不发短信，8:00 发送', retryAfterMs: wait }
        const counts = await sentToday()
        // A batch that began yesterday (Shanghai) asks for today's count afresh.
        const today = shanghaiDayStart(at) === dayStart
        const sent = today ? counts.get(recipient.accountId) ?? 0 : await messageRepo(db).smsSentSince(recipient.accountId, new Date(shanghaiDayStart(at)))
        if (sent >= deps.dailyCap) return { status: 'unavailable', reason: `今天已发${sent}条短信（每人每天最多${deps.dailyCap}条）` }
        const res = await deps.provider.send({ phone: recipient.phone, template: content.kind, params: smsParamsOf(content) })
        if (res.ok) {
          if (today) counts.set(recipient.accountId, sent + 1)
          return { status: 'sent', providerId: res.providerId }
        }
        const detail = res.message
        switch (res.code) {
          // A code-login's flow control is final; a progress message simply waits its minute.
          case 'rate_limited': return { status: 'failed', permanent: false, code: res.code, detail, retryAfterMs: FLOW_CONTROL_WAIT_MS }
          // The template or its parameters, or our credentials: ours to fix, not the person's; staff see it and resend.
          case 'template_invalid':
          case 'auth_failed': return { status: 'failed', permanent: true, deadLetter: true, code: res.code, detail }
          default: return { status: 'failed', permanent: !res.retryable, code: res.code, detail }
        }
      }
    },
  }
  return channel
}
