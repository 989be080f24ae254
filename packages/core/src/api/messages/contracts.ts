/**
 * 消息中心 (issue 18): what the signed-in person was told, newest first,
 * with the unread count for the badge; marking read; 消息设置 (each kind on
 * or off — the 消息中心 keeps every message whatever the setting). For
 * staff: a case's messages with each channel's receipt, and sending a
 * stopped one again.
 */
import { staffAccess } from '../../staff/capabilities'
import { defineRoutes } from '../contract/contract'
import { Bool, CaseNoParams, Enum, Int, List, Nullable, Obj, Optional, Str, Uuid, UuidParams, type Static } from '../contract/schema'
import { MESSAGE_KINDS } from '../../messages/kinds'

/** Messages per page of the 消息中心 (older ones with `before`). */
export const MESSAGES_PAGE = 20

const linkSchema = Obj({ web: Str(), mini: Str() })

export const messageViewSchema = Obj({
  id: Str(),
  kind: Enum(MESSAGE_KINDS),
  caseNo: Nullable(Str()),
  title: Str(),
  body: Str(),
  /** When the event happened (ISO 8601). */
  at: Str(),
  read: Bool(),
  /** Where opening it goes: the case (or its 补正 page) in the PWA and in the mini-program. */
  link: linkSchema,
})
/** One entry of the 消息中心. */
export type MessageView = Static<typeof messageViewSchema>

export const messageListSchema = Obj({ messages: List(messageViewSchema), unread: Int(0, 1_000_000_000) })
export type MessageList = Static<typeof messageListSchema>

export const messageSettingSchema = Obj({ kind: Enum(MESSAGE_KINDS), label: Str(), enabled: Bool() })
export const messageSettingsSchema = Obj({ kinds: List(messageSettingSchema) })
/** 消息设置: every kind, on unless the person switched it off. */
export type MessageSettings = Static<typeof messageSettingsSchema>
export const messageSettingsBodySchema = Obj({ kinds: List(Obj({ kind: Enum(MESSAGE_KINDS), enabled: Bool() }), { maxItems: MESSAGE_KINDS.length }) })
export type MessageSettingsBody = Static<typeof messageSettingsBodySchema>

export const messageReceiptSchema = Obj({
  /** wechat, webpush, sms; null for the message as a whole (queued; the kind switched off). */
  channel: Nullable(Str()),
  status: Enum(['queued', 'sent', 'delivered', 'failed', 'unavailable']),
  /** The provider's code (43101, 410, isv.…) or ours (held). */
  code: Nullable(Str()),
  detail: Nullable(Str()),
  providerId: Nullable(Str()),
  at: Str(),
})
export type MessageReceipt = Static<typeof messageReceiptSchema>

export const staffMessageSchema = Obj({
  id: Str(),
  kind: Enum(MESSAGE_KINDS),
  /** The kind in words (MESSAGE_KIND_LABELS). */
  label: Str(),
  title: Str(),
  body: Str(),
  at: Str(),
  read: Bool(),
  /**
   * sending: queued or to be tried again; sent: a channel took it; inbox: no channel could (the 消息中心 has it);
   * dead: stopped (a failure of ours, or too many tries) — staff may send it again.
   */
  state: Enum(['sending', 'sent', 'inbox', 'dead']),
  lastError: Nullable(Str()),
  receipts: List(messageReceiptSchema),
})
/** A message of a case as the workbench shows it, with every channel's receipt. */
export type StaffMessage = Static<typeof staffMessageSchema>

/**
 * One delivery report of Alibaba Cloud SMS (短信回执, HTTP 批量推送, SmsReport): a JSON array of these, each
 * saying whether the carrier delivered one sent message (biz_id: SendSms's BizId). Fields we do not read are let through.
 */
export const smsReportSchema = Obj({
  phone_number: Str({ maxLength: 20 }),
  send_time: Optional(Str({ maxLength: 19 })),
  /** `YYYY-MM-DD hh:mm:ss`, Beijing time. */
  report_time: Str({ pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$' }),
  success: Bool(),
  /** DELIVERED, or the carrier's reason (MOBILE_NOT_ON_SERVICE…). */
  err_code: Str({ maxLength: 64 }),
  err_msg: Optional(Str({ maxLength: 200 })),
  sms_size: Optional(Str({ maxLength: 4 })),
  biz_id: Str({ minLength: 1, maxLength: 64 }),
  out_id: Optional(Nullable(Str({ maxLength: 64 }))),
}, { additionalProperties: true })
export type SmsReport = Static<typeof smsReportSchema>
/** The answer Alibaba Cloud expects: code 0, or it pushes the reports again. */
export const smsReportAnswerSchema = Obj({ code: Int(0, 1), msg: Str() })

export const messagesRoutes = defineRoutes('messages', {
  smsReports: {
    method: 'POST', path: '/api/hooks/sms-reports/:token', access: 'public',
    summary: '阿里云短信回执（HTTP 批量推送）：每条已发出的短信是否送达；地址中的令牌即 SMS_REPORT_TOKEN',
    params: Obj({ token: Str({ maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: true }), problems: { token: 'NOT_FOUND' },
    body: List(smsReportSchema, { maxItems: 1000 }), response: smsReportAnswerSchema, cache: 'none',
  },
  list: {
    method: 'GET', path: '/api/me/messages', access: 'citizen',
    summary: `消息中心：我的消息（新的在前，每页${MESSAGES_PAGE}条，before 翻页）和未读数`,
    query: Obj({ before: Optional(Uuid()) }, { additionalProperties: true }), response: messageListSchema, cache: 'personal',
  },
  read: {
    method: 'POST', path: '/api/me/messages/:id/read', access: 'citizen',
    summary: '消息中心：标为已读', params: UuidParams, problems: { id: 'NOT_FOUND' }, noContent: true, cache: 'none',
  },
  shown: {
    method: 'POST', path: '/api/me/messages/:id/shown', access: 'citizen',
    summary: '网页通知已在浏览器显示（服务工作线程报告，Web Push 的送达回执）', params: UuidParams, problems: { id: 'NOT_FOUND' }, noContent: true, cache: 'none',
  },
  readAll: {
    method: 'POST', path: '/api/me/messages/read-all', access: 'citizen',
    summary: '消息中心：全部标为已读', noContent: true, cache: 'none',
  },
  settings: {
    method: 'GET', path: '/api/me/message-settings', access: 'citizen',
    summary: '消息设置：每类消息是否通知（消息中心总会保留）', response: messageSettingsSchema, cache: 'personal',
  },
  saveSettings: {
    method: 'PUT', path: '/api/me/message-settings', access: 'citizen',
    summary: '消息设置：打开或关闭某类消息的通知', body: messageSettingsBodySchema, response: messageSettingsSchema, cache: 'none',
  },
  forCase: {
    method: 'GET', path: '/api/staff/cases/:caseNo/messages', access: staffAccess('workCases'),
    summary: '工作台：办件发给申请人的消息及各渠道回执', params: CaseNoParams, problems: { caseNo: 'CASE_NOT_FOUND' },
    response: List(staffMessageSchema), cache: 'personal',
  },
  resend: {
    method: 'POST', path: '/api/staff/messages/:id/resend', access: staffAccess('handovers'),
    summary: '工作台：重新发送一条已停止的消息', params: UuidParams, problems: { id: 'NOT_FOUND' }, response: Obj({ id: Str() }), cache: 'none',
  },
})
