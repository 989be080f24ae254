/**
 * What the product tells an applicant without their opening anything: the
 * kinds of message, and the one shape every channel renders (WeChat
 * subscribe message, Web Push, SMS, the 消息中心). Which case event makes
 * which kind, and its words, is the rule table beside this (issue 18); the
 * channels only shape these fields to their own limits.
 */

export const MESSAGE_KINDS = [
  'pre_review_passed', // 预审通过
  'supplement_requested', // 需补正（一次性告知）
  'not_accepted', // 不予受理（Art. 32 requires it in writing; added by the rule table, issue 18）
  'accepted', // 已受理
  'paused', // 部门暂停计时（特别程序等），附预计结束
  'resumed', // 恢复计时
  'extended', // 延长办理期限（Art. 42: the reasons told to the applicant）
  'decided_approved', // 准予许可
  'decided_denied', // 不予许可
  'certificate_ready', // 证照可领取 / 已发放电子证照
  'withdrawn', // 已撤回
  'delivery_event', // 邮寄进展（issue 20）
  'queue_near', // 前面还有 3 人（issue 19）
  'queue_called', // 叫号（issue 19）
] as const

export type MessageKind = (typeof MESSAGE_KINDS)[number]

/** Sent at any hour, by every channel (a queue call is useless at 8:00 the next day). */
export const URGENT_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(['queue_near', 'queue_called'])

/** One message, as every channel gets it. Plain Chinese, 您 throughout. */
export interface MessageContent {
  kind: MessageKind
  /** The case it is about (null for a message about no case). */
  caseNo: string | null
  /** What a message about no case names instead (a queue ticket's number, A012): SMS's `no`. */
  reference?: string
  /** 事项名称, whole (a channel cuts it to its limit). */
  itemName: string
  /** Heading of the 消息中心 entry and of a push notification. */
  title: string
  /** What happened and what to do next, in one or two sentences naming the case number. */
  body: string
  /** A short status phrase (WeChat `phrase`: ≤ 5 hanzi), e.g. 已受理, 需补正. */
  status: string
  /** What to do next, short (may be empty). */
  next: string
  /** When the event happened (ISO 8601 with offset). */
  at: string
  /** Where a tap opens it: the PWA route and the mini-program page with its query. */
  link: { web: string; mini: string }
}
