/**
 * Which case events tell the applicant, as which kind of message, in which
 * words (issue 18): one table for the BFF (which writes the message in the
 * event's transaction) and for anyone who wants to know why a message was or
 * was not sent. An event that tells nobody says so, with the reason, so a
 * new event type cannot be forgotten silently (the table is a Record over
 * every event type).
 *
 * The words are the 消息中心's and a push notification's; WeChat and SMS
 * cut the same fields to their limits (`smsParamsOf` here, the WeChat
 * channel its keywords).
 */
import type { CaseEvent, CaseEventBody } from '../cases/types'
import type { DeliveryMethod } from '../api/cases/labels'
import { MESSAGE_KINDS, URGENT_KINDS, type MessageContent, type MessageKind } from './kinds'

/** Each kind in words (消息设置 lists them; staff see them on a case). */
export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, string>> = {
  pre_review_passed: '预审通过',
  supplement_requested: '需要补正',
  not_accepted: '不予受理',
  accepted: '已受理',
  paused: '暂停计时',
  resumed: '恢复办理',
  extended: '延长期限',
  decided_approved: '准予许可',
  decided_denied: '不予许可',
  certificate_ready: '证照可领取',
  withdrawn: '已撤回',
  delivery_event: '邮寄进展',
  queue_near: '快到号了',
  queue_called: '叫号',
}

/** What the words of a message need besides the event: read by the BFF from the case and its item. */
export interface MessageFacts {
  caseNo: string
  itemName: string
  /** 领取方式 the applicant chose. */
  delivery: DeliveryMethod
  /** The item puts its result into 我的证照 (core cases/delivery.ts issuesELicence). */
  eLicence: boolean
  /** The result's name (营业执照、食品经营许可证…); empty: 办理结果. */
  resultName: string
  departmentName: (code: string) => string
}

/** Where a message about a case opens: its page in the PWA and in the mini-program. */
export function caseLinks(caseNo: string, page: 'case' | 'supplement' = 'case'): MessageContent['link'] {
  const q = `caseNo=${encodeURIComponent(caseNo)}`
  return page === 'supplement'
    ? { web: `/cases/${encodeURIComponent(caseNo)}/supplement`, mini: `/packages/apply/pages/supplement/index?${q}` }
    : { web: `/cases/${encodeURIComponent(caseNo)}`, mini: `/packages/apply/pages/case/index?${q}` }
}

/** 2026-12-20 → 2026年12月20日. */
export function dateWords(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day
}

type Words = Pick<MessageContent, 'title' | 'body' | 'status' | 'next'> & { page?: 'case' | 'supplement' }
type EventOf<T extends CaseEventBody['type']> = CaseEvent & { type: T }

/** How the result reaches the applicant, as the next step of a completed approved case. */
function collectWords(f: MessageFacts): { body: string; next: string } {
  const result = f.resultName ? `“${f.resultName}”` : '办理结果'
  if (f.delivery === 'electronic') {
    return f.eLicence
      ? { body: `电子证照已发到“我的证照”，可随时出示和下载。`, next: '在“我的证照”查看' }
      : { body: `办理结果已在“我的办件”中告知，请打开查看。`, next: '在“我的办件”查看结果' }
  }
  if (f.delivery === 'post') return { body: `${result}将通过EMS邮寄给您，寄出后会再告诉您运单号。`, next: '等待邮寄' }
  return { body: `请带上本人身份证和办件编号，到窗口领取${result}。`, next: '带身份证到窗口领取' }
}

/** The words of each kind a case event makes. */
export const MESSAGE_WORDS = {
  supplement_requested: (f: MessageFacts, e: EventOf<'request_supplement'>): Words => ({
    title: '您的申请需要补正材料',
    body: `您的办件${f.caseNo}（${f.itemName}）需要补正${e.items.length}项：${e.items.map((i) => i.reason).join('；')}。请在“我的办件”中一次补正提交，提交后重新开始计算办理时限。`,
    status: '需补正',
    next: `补正${e.items.length}项后重新提交`,
    page: 'supplement',
  }),
  not_accepted: (f: MessageFacts, e: EventOf<'refuse'>): Words => ({
    title: '您的申请未予受理',
    body: `您的办件${f.caseNo}（${f.itemName}）不予受理，理由：${e.reason}（依据：${e.basis}）。不予受理决定书可在办件详情中下载。`,
    status: '不予受理',
    next: '查看不予受理决定书',
  }),
  accepted: (f: MessageFacts): Words => ({
    title: '您的申请已受理',
    body: `您的办件${f.caseNo}（${f.itemName}）已受理，正在办理。受理通知书可在办件详情中下载，办理进展会再告诉您。`,
    status: '已受理',
    next: '等待办理结果',
  }),
  paused: (f: MessageFacts, e: EventOf<'pause_branch'>): Words => ({
    title: '办理时限暂停计算',
    body: `您的办件${f.caseNo}（${f.itemName}）因${f.departmentName(e.department)}进行${e.procedure}，暂停计算办理时限，预计${dateWords(e.expectedEnd)}结束，结束后继续办理。`,
    status: '暂停计时',
    next: `预计${dateWords(e.expectedEnd)}结束`,
  }),
  resumed: (f: MessageFacts, e: EventOf<'resume_branch'>): Words => ({
    title: '办理已恢复',
    body: `您的办件${f.caseNo}（${f.itemName}）${f.departmentName(e.department)}的特别程序已结束，恢复计算办理时限，继续办理。`,
    status: '恢复办理',
    next: '等待办理结果',
  }),
  extended: (f: MessageFacts, e: EventOf<'extend'>): Words => ({
    title: '办理期限已延长',
    body: `您的办件${f.caseNo}（${f.itemName}）经本机关负责人批准，办理期限延长${e.days}个工作日，理由：${e.reason}。办件详情中的期限已随之更新。`,
    status: '延期办理',
    next: `办理期限延长${e.days}个工作日`,
  }),
  decided_approved: (f: MessageFacts): Words => ({
    title: '您的申请已获批准',
    body: `您的办件${f.caseNo}（${f.itemName}）已准予许可，正在制发证照，可以领取时会再告诉您。`,
    status: '准予许可',
    next: '等待领取通知',
  }),
  decided_denied: (f: MessageFacts): Words => ({
    title: '您的申请未获批准',
    body: `您的办件${f.caseNo}（${f.itemName}）不予许可。理由、法律依据和您可以申请复议或起诉的途径见不予批准决定书，可在办件详情中查看。`,
    status: '不予许可',
    next: '查看不予批准决定书',
  }),
  certificate_ready: (f: MessageFacts): Words => {
    const { body, next } = collectWords(f)
    return { title: '办理结果可以领取了', body: `您的办件${f.caseNo}（${f.itemName}）已办结。${body}`, status: f.delivery === 'electronic' ? '已发证' : '可领取', next }
  },
  withdrawn: (f: MessageFacts, e: EventOf<'withdraw'>): Words => ({
    title: '您的申请已撤回',
    body: `您的办件${f.caseNo}（${f.itemName}）已撤回${e.actor.role === 'citizen' ? '' : '（由工作人员办理）'}，不再办理。如需办理，可以重新申请。`,
    status: '已撤回',
    next: '如需办理请重新申请',
  }),
} satisfies Partial<Record<MessageKind, (f: MessageFacts, e: never) => Words>>

export type CaseMessageKind = keyof typeof MESSAGE_WORDS

/**
 * Every case event type, and the kind of message it makes — or why it makes
 * none. A function where it depends on the case (a department's decision
 * tells only when it is the last, and with the case's outcome).
 */
type EventRule = CaseMessageKind | { none: string } | ((events: readonly CaseEvent[], index: number) => CaseMessageKind | null)

export const EVENT_MESSAGES: Record<CaseEventBody['type'], EventRule> = {
  submit: { none: '申请人自己提交（或在代办时用短信验证码确认），提交页当场给出回执' },
  start_pre_review: { none: '窗口开始预审是内部步骤，结果（受理、补正、不予受理）才告知' },
  request_supplement: 'supplement_requested',
  resubmit: { none: '申请人自己补正提交，页面当场显示' },
  refuse: 'not_accepted',
  accept: 'accepted',
  advance_branch: { none: '部门内部流转（承办、审核），办件详情的进度里可见' },
  // One message for the decision of the case, when its last department decides: any no makes it a denial (Art. 38).
  decide_branch: (events, index) => {
    if (events[index]?.to !== 'decided') return null
    return events.slice(0, index + 1).some((x) => x.type === 'decide_branch' && x.outcome === 'denied') ? 'decided_denied' : 'decided_approved'
  },
  pause_branch: 'paused',
  resume_branch: 'resumed',
  extend: 'extended',
  // A denied case is closed without a result to collect: the denial was its message.
  complete: (events) => (events.some((x) => x.type === 'decide_branch' && x.outcome === 'denied') ? null : 'certificate_ready'),
  withdraw: 'withdrawn',
}

/** Kinds no case event makes, and where they come from. */
export const KINDS_NOT_FROM_CASE_EVENTS: Readonly<Partial<Record<MessageKind, string>>> = {
  pre_review_passed: '本系统的预审通过即受理（accepted）；留给单独报告预审结果的审批系统',
  delivery_event: '邮寄进展来自 EMS 的事件（issue 20）',
  queue_near: '来自排队取号：前面只剩几人时（core queue/messages.ts，issue 19）',
  queue_called: '来自排队取号：窗口叫号时（core queue/messages.ts，issue 19）',
}

/** Kinds no case event makes whose source has landed: sent today all the same. */
const SENT_FROM_ELSEWHERE: ReadonlySet<MessageKind> = new Set<MessageKind>(['queue_near', 'queue_called'])

/**
 * The kinds a person is told of today, in MESSAGE_KINDS order: 消息设置
 * lists these and no other (a switch for a message never sent would be a
 * promise we do not keep). A kind joins when an event rule makes it, or
 * when its source elsewhere lands (SENT_FROM_ELSEWHERE).
 */
export const KINDS_SENT: readonly MessageKind[] = MESSAGE_KINDS.filter((kind) => !(kind in KINDS_NOT_FROM_CASE_EVENTS) || SENT_FROM_ELSEWHERE.has(kind))

/** 消息设置's line on SMS at night, true for the kinds it lists: urgent kinds go at any hour. */
export function smsNightNote(kinds: readonly MessageKind[]): string {
  const urgent = kinds.filter((k) => URGENT_KINDS.has(k))
  return `晚上 22 点到早上 8 点不发短信，到 8 点再发${urgent.length ? `（${urgent.map((k) => MESSAGE_KIND_LABELS[k]).join('、')}除外）` : ''}。`
}

/** The kind of message the event at `index` makes, or null (it tells nobody). */
export function messageKindOf(events: readonly CaseEvent[], index: number): CaseMessageKind | null {
  const e = events[index]
  if (!e) return null
  const rule = EVENT_MESSAGES[e.type]
  if (typeof rule === 'string') return rule
  if (typeof rule === 'function') return rule(events, index)
  return null
}

/** The message the event at `index` makes for its applicant, or null. */
export function caseMessageOf(events: readonly CaseEvent[], index: number, facts: MessageFacts): MessageContent | null {
  const kind = messageKindOf(events, index)
  if (!kind) return null
  const e = events[index]!
  const { page, ...words } = (MESSAGE_WORDS[kind] as (f: MessageFacts, e: CaseEvent) => Words)(facts, e)
  return { kind, caseNo: facts.caseNo, itemName: facts.itemName, ...words, at: e.at, link: caseLinks(facts.caseNo, page) }
}

/** What an SMS template variable may hold (Alibaba Cloud counts characters; long values are refused or cut by the carrier). */
export const SMS_PARAM_MAX = 20

function cut(s: string, max: number): string {
  const chars = [...s]
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`
}

/**
 * The parameters of a message's SMS template: every kind's approved template
 * names the case (`no`), the item (`item`) and the next step (`next`); its
 * fixed text says the rest. Each value cut to SMS_PARAM_MAX.
 */
export function smsParamsOf(content: MessageContent): { no: string; item: string; next: string } {
  return { no: content.caseNo ?? content.reference ?? '', item: cut(content.itemName, SMS_PARAM_MAX), next: cut(content.next || content.status, SMS_PARAM_MAX) }
}
