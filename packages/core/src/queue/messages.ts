/**
 * What a queue tells its visitor without their looking (issue 19, through
 * issue 18's channels): 快到号了 when `nearAhead` or fewer wait before them,
 * and 叫号 when a window calls them. Plain Chinese naming the number and
 * what to do; a tap opens the ticket in either shell.
 */
import type { MessageContent } from '../messages/kinds'
import { callText } from './rules'

export interface QueueMessageFacts {
  ticketId: string
  number: string
  hallName: string
  categoryName: string
  /** People before them (快到号了). */
  ahead: number
  /** The window calling them (叫号). */
  windowNo: number | null
  /** When it happened (ISO). */
  at: string
}

/** The ticket's page in the PWA and in the mini-program's independent queue subpackage. */
export function ticketLinks(ticketId: string): MessageContent['link'] {
  return { web: `/tickets/${ticketId}`, mini: `/packages/queue/pages/ticket/index?id=${ticketId}` }
}

export function queueMessageOf(kind: 'queue_near' | 'queue_called', f: QueueMessageFacts): MessageContent {
  const common = { kind, caseNo: null, reference: f.number, itemName: f.categoryName, at: f.at, link: ticketLinks(f.ticketId) }
  if (kind === 'queue_near') {
    return {
      ...common,
      title: '快到您了',
      body: f.ahead === 0
        ? `您在${f.hallName}取的${f.number}号（${f.categoryName}）下一位就是您，请到窗口附近等候。`
        : `您在${f.hallName}取的${f.number}号（${f.categoryName}）前面还有${f.ahead}人，请到窗口附近等候。`,
      status: '快到号了',
      next: '请到窗口附近等候',
    }
  }
  const call = callText(f.number, f.windowNo ?? 0)
  return { ...common, title: call, body: `${call}。这是您在${f.hallName}取的号（${f.categoryName}）。`, status: '已叫号', next: `请到${f.windowNo ?? ''}号窗口办理` }
}
