/**
 * When the mini-program asks to send subscribe messages, and for which
 * templates. wx.requestSubscribeMessage only works from a tap, and each
 * accept pays for one message, so it is asked at the taps after which news
 * will follow: 提交申请 (pre-review, 补正, acceptance, the decision) and 去补正
 * after reading a supplement request (acceptance, the decision, a second
 * 补正), and 取号 in a hall (叫号, 快到号了). Kinds are in order of how much the person needs to hear them; a
 * call asks for at most WECHAT_TEMPLATES_PER_CALL templates.
 */
import type { MessageKind } from './kinds'

export const SUBSCRIBE_MOMENTS = {
  submitted: ['supplement_requested', 'accepted', 'decided_approved', 'decided_denied', 'pre_review_passed', 'certificate_ready'],
  supplementRead: ['accepted', 'decided_approved', 'decided_denied', 'supplement_requested', 'certificate_ready'],
  /** 取号 in a hall: the call, then 快到号了. */
  queueTaken: ['queue_called', 'queue_near'],
} as const satisfies Record<string, readonly MessageKind[]>

export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS

/**
 * The template ids to ask for: for each kind in order, the first template
 * carrying it that is not asked for yet, up to `max`.
 */
export function templatesToAsk(templates: readonly { id: string; kinds: readonly string[] }[], kinds: readonly string[], max = 3): string[] {
  const ids: string[] = []
  for (const kind of kinds) {
    if (ids.length >= max) break
    const t = templates.find((x) => x.kinds.includes(kind))
    if (t && !ids.includes(t.id)) ids.push(t.id)
  }
  return ids
}
