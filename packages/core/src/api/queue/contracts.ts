/**
 * 排队取号 (issue 19): a hall's queue as the wall's QR code opens it, taking
 * a number (signed in or not), the ticket's own page (its id is the
 * visitor's key to it: 122 random bits), cancelling and 我到了; for the
 * window clerk, the window's queue, calling the next and each step of a
 * ticket.
 */
import { staffAccess } from '../../staff/capabilities'
import { defineRoutes } from '../contract/contract'
import { Bool, Enum, Int, List, Nullable, Obj, Optional, Str, UuidParams, type Static } from '../contract/schema'
import { MAX_RATING_NOTE } from '../../ratings/levels'
import { CATEGORY_CODE_PATTERN, DEVICE_ID_PATTERN, HALL_ID_PATTERN, STAFF_TICKET_ACTIONS, TICKET_STATES } from '../../queue/rules'

export const HallParams = Obj({ hallId: Str({ pattern: HALL_ID_PATTERN }) }, { additionalProperties: true })
export const WindowParams = Obj({ windowNo: Str({ pattern: '^[0-9]{1,3}$' }) }, { additionalProperties: true })

const waitSchema = Obj({ min: Int(0, 100_000), max: Int(0, 100_000) })

export const hallQueueSchema = Obj({
  hall: Obj({ id: Str(), name: Str(), address: Str() }),
  /** Numbers are given now. */
  open: Bool(),
  /** The hours in words (hoursText). */
  hours: Str(),
  /** Until when numbers are given in this session (ISO), when open. */
  takeUntil: Nullable(Str()),
  /** When numbers are given next (ISO), when closed. */
  opensAt: Nullable(Str()),
  categories: List(Obj({ code: Str(), name: Str(), waiting: Int(0, 100_000), wait: waitSchema })),
})
/** A hall's queue: each category's waiting count and the wait a new number would have. */
export type HallQueue = Static<typeof hallQueueSchema>

export const takeTicketBodySchema = Obj({
  category: Str({ pattern: CATEGORY_CODE_PATTERN }),
  /** The device's own id, when not signed in (kept by the shell). */
  deviceId: Optional(Str({ pattern: DEVICE_ID_PATTERN })),
  /** For an SMS when the call comes, when not signed in (optional). */
  phone: Optional(Str({ maxLength: 20 })),
  /** A case the visitor applied for online: the clerk opens it from the ticket (optional). */
  caseNo: Optional(Str({ maxLength: 100 })),
})
export type TakeTicketBody = Static<typeof takeTicketBodySchema>

export const takenTicketSchema = Obj({ id: Str(), number: Str(), category: Str(), ahead: Int(0, 100_000), wait: waitSchema })
export type TakenTicket = Static<typeof takenTicketSchema>

export const ticketViewSchema = Obj({
  id: Str(),
  hallId: Str(),
  hallName: Str(),
  number: Str(),
  category: Str(),
  categoryName: Str(),
  state: Enum(TICKET_STATES),
  /** Waiting tickets of its category before it (0 once called). */
  ahead: Int(0, 100_000),
  wait: waitSchema,
  /** The window it is called to. */
  windowNo: Nullable(Int(0, 999)),
  takenAt: Str(),
  calledAt: Nullable(Str()),
  /** Until when 我到了 is taken after a 过号 (ISO). */
  hereUntil: Nullable(Str()),
  /** The ticket it became in another category. */
  transferredTo: Nullable(Str()),
  /** How many ahead is "soon" in this hall. */
  nearAhead: Int(0, 100),
  /** The visitor's 好差评 of the service (5 非常满意 … 1 非常不满意), once it is done and rated. */
  rating: Nullable(Int(1, 5)),
})
/** A ticket as its visitor follows it. */
export type TicketView = Static<typeof ticketViewSchema>

const ownerBodySchema = Obj({ deviceId: Optional(Str({ pattern: DEVICE_ID_PATTERN })) })

export const rateTicketBodySchema = Obj({
  deviceId: Optional(Str({ pattern: DEVICE_ID_PATTERN })),
  score: Int(1, 5),
  /** What went well or wrong, in the visitor's words (optional). */
  note: Optional(Str({ maxLength: MAX_RATING_NOTE })),
})
export type RateTicketBody = Static<typeof rateTicketBodySchema>

export const staffTicketSchema = Obj({
  id: Str(),
  number: Str(),
  category: Str(),
  categoryName: Str(),
  state: Enum(TICKET_STATES),
  windowNo: Nullable(Int(0, 999)),
  recalls: Int(0, 100),
  /** Its place in time (ISO). */
  queuedAt: Str(),
  calledAt: Nullable(Str()),
  /** A case number the visitor gave (they applied online). */
  caseNo: Nullable(Str()),
})
export type StaffTicket = Static<typeof staffTicketSchema>

export const windowQueueSchema = Obj({
  hall: Obj({ id: Str(), name: Str() }),
  /** The hall's windows, for choosing one's own. */
  windows: List(Obj({ no: Int(0, 999), categories: List(Str()) })),
  window: Obj({ no: Int(0, 999), categories: List(Str()) }),
  /** The ticket called to or served at this window. */
  current: Nullable(staffTicketSchema),
  /** Waiting tickets of the window's categories, in the order they would be called. */
  waiting: List(staffTicketSchema),
  categories: List(Obj({ code: Str(), name: Str(), waiting: Int(0, 100_000) })),
})
export type WindowQueue = Static<typeof windowQueueSchema>

export const ticketActionBodySchema = Obj({
  action: Enum(STAFF_TICKET_ACTIONS),
  /** The category a transfer goes to. */
  category: Optional(Str({ pattern: CATEGORY_CODE_PATTERN })),
})
export type TicketActionBody = Static<typeof ticketActionBodySchema>

export const hallDisplaySchema = Obj({
  hall: Obj({ id: Str(), name: Str() }),
  /** Each window and the number called to or served at it now. */
  windows: List(Obj({ no: Int(0, 999), current: Nullable(Obj({ number: Str(), state: Enum(TICKET_STATES), calledAt: Nullable(Str()) })) })),
  /** The latest calls, newest first. */
  recent: List(Obj({ number: Str(), windowNo: Int(0, 999), at: Str() })),
  categories: List(Obj({ code: Str(), name: Str(), waiting: Int(0, 100_000) })),
})
/** What the hall's big screen shows. */
export type HallDisplay = Static<typeof hallDisplaySchema>

const sessionSchema = Obj({ from: Str({ maxLength: 5 }), to: Str({ maxLength: 5 }) })
const sessionsSchema = List(sessionSchema, { maxItems: 8 })

/** A hall's queue as its hall_admin sets it up (checked in full by queueConfigIssues). */
export const hallQueueConfigSchema = Obj({
  categories: List(Obj({ code: Str({ maxLength: 2 }), name: Str({ maxLength: 40 }), items: List(Str({ maxLength: 64 }), { maxItems: 500 }), serviceMinutes: Int(0, 10_000) }), { maxItems: 40 }),
  windows: List(Obj({ no: Int(0, 10_000), categories: List(Str({ maxLength: 2 }), { maxItems: 40 }) }), { maxItems: 200 }),
  hours: Obj({ workdays: sessionsSchema, saturday: Optional(sessionsSchema), sunday: Optional(sessionsSchema), lastTakeMinutes: Int(0, 10_000) }),
  recalls: Int(0, 100),
  recallWindowMinutes: Int(0, 10_000),
  nearAhead: Int(0, 100),
  /** How appointments are taken (queue/appointments.ts; unset: 30-minute slots, 2 per window, 7 opening days ahead); kept through a save. */
  appointments: Optional(Obj({ slotMinutes: Int(10, 240), perWindow: Int(0, 20), daysAhead: Int(1, 30) })),
})

export const hallQueueSetupSchema = Obj({
  hall: Obj({ id: Str(), name: Str() }),
  config: hallQueueConfigSchema,
  /** The catalogue items handled at this hall, for the categories to serve. */
  items: List(Obj({ code: Str(), name: Str() })),
})
export type HallQueueSetup = Static<typeof hallQueueSetupSchema>

export const queueRoutes = defineRoutes('queue', {
  setup: {
    method: 'GET', path: '/api/staff/hall/queue-config', access: staffAccess('configureHall'),
    summary: '大厅管理：本大厅的排队设置（业务、窗口、取号时间）', response: hallQueueSetupSchema, cache: 'personal',
  },
  miniCode: {
    method: 'GET', path: '/api/staff/hall/miniprogram-code', access: staffAccess('configureHall'),
    summary: '大厅管理：本大厅取号页的小程序码（PNG，微信扫码直接打开小程序取号）', binary: 'image/png', cache: 'handler',
  },
  saveSetup: {
    method: 'PUT', path: '/api/staff/hall/queue-config', access: staffAccess('configureHall'),
    summary: '大厅管理：保存本大厅的排队设置', body: hallQueueConfigSchema, response: hallQueueSetupSchema, cache: 'none',
    messages: { 'appointments.slotMinutes': '预约时段长度请填10到240分钟', 'appointments.perWindow': '每个窗口每个时段可预约的人数请填0到20', 'appointments.daysAhead': '可提前预约的办公日请填1到30天' },
  },
  display: {
    method: 'GET', path: '/api/halls/:hallId/display', access: 'public',
    summary: '大厅叫号屏：各窗口当前号、最近叫号、各业务等候人数', params: HallParams, problems: { hallId: 'HALL_NOT_FOUND' },
    response: hallDisplaySchema, cache: 'no-store',
  },
  hall: {
    method: 'GET', path: '/api/halls/:hallId/queue', access: 'public',
    summary: '大厅排队情况：各业务等候人数和预计等候时间，是否在取号时间', params: HallParams, problems: { hallId: 'HALL_NOT_FOUND' },
    response: hallQueueSchema, cache: 'no-store',
  },
  poster: {
    method: 'GET', path: '/api/halls/:hallId/poster.pdf', access: 'public',
    summary: '大厅“扫码取号”海报（PDF，A4，大字，打印后张贴）', params: HallParams, problems: { hallId: 'HALL_NOT_FOUND' },
    binary: 'application/pdf', cache: 'handler',
  },
  take: {
    method: 'POST', path: '/api/halls/:hallId/tickets', access: 'public',
    summary: '取号（登录或不登录；同一业务已在排队的再取为409）', params: HallParams, problems: { hallId: 'HALL_NOT_FOUND' },
    body: takeTicketBodySchema, response: takenTicketSchema, cache: 'none',
    messages: { category: '请选择要办理的业务', deviceId: '本机编号不正确，请刷新页面后再取号', phone: '请填写11位手机号码，或者不填' },
  },
  ticket: {
    method: 'GET', path: '/api/tickets/:id', access: 'public',
    summary: '我的号：状态、前面还有几人、预计等候', params: UuidParams, problems: { id: 'TICKET_NOT_FOUND' },
    response: ticketViewSchema, cache: 'no-store',
  },
  cancel: {
    method: 'POST', path: '/api/tickets/:id/cancel', access: 'public',
    summary: '取消排队（取号的人：同一账户或同一台设备）', params: UuidParams, problems: { id: 'TICKET_NOT_FOUND' },
    body: ownerBodySchema, response: ticketViewSchema, cache: 'none',
  },
  here: {
    method: 'POST', path: '/api/tickets/:id/here', access: 'public',
    summary: '过号后“我到了”：在重呼时限内重新等候', params: UuidParams, problems: { id: 'TICKET_NOT_FOUND' },
    body: ownerBodySchema, response: ticketViewSchema, cache: 'none',
  },
  rate: {
    method: 'POST', path: '/api/tickets/:id/rating', access: 'public',
    summary: '办结后评价这次服务（好差评，一次一评，自愿）', params: UuidParams, problems: { id: 'TICKET_NOT_FOUND' },
    body: rateTicketBodySchema, response: ticketViewSchema, cache: 'none',
    messages: { score: '请选择一个满意程度', note: `意见请写在${MAX_RATING_NOTE}字以内` },
  },
  window: {
    method: 'GET', path: '/api/staff/queue/windows/:windowNo', access: staffAccess('window'),
    summary: '窗口叫号：本窗口的当前号和等候队列', params: WindowParams, problems: { windowNo: 'WINDOW_NOT_FOUND' },
    response: windowQueueSchema, cache: 'personal',
  },
  callNext: {
    method: 'POST', path: '/api/staff/queue/windows/:windowNo/call', access: staffAccess('window'),
    summary: '窗口叫号：叫下一位（预约优先，再按取号时间）', params: WindowParams, problems: { windowNo: 'WINDOW_NOT_FOUND' },
    response: staffTicketSchema, cache: 'none',
  },
  act: {
    method: 'POST', path: '/api/staff/tickets/:id/actions', access: staffAccess('window'),
    summary: '窗口叫号：重呼、开始办理、办结、过号、转业务', params: UuidParams, problems: { id: 'TICKET_NOT_FOUND' },
    body: ticketActionBodySchema, response: staffTicketSchema, cache: 'none',
  },
})
