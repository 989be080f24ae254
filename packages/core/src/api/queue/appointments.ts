/**
 * 预约 (issue 19, appointments): a hall's slots of a category for a day with
 * the room each has left (public: choosing comes before signing in), the
 * halls that take appointments for an item (the guide's 预约到大厅办理);
 * for the signed-in citizen, booking a slot (one per category and day),
 * their appointments, cancelling, and checking in on arrival — a priority
 * ticket through the hall's own day counter.
 */
import { defineRoutes } from '../contract/contract'
import { Bool, Enum, Int, ItemCode, ItemCodeParams, List, Nullable, Obj, Optional, Str, UuidParams, type Static } from '../contract/schema'
import { APPOINTMENT_STATUSES, DAY_PATTERN } from '../../queue/appointments'
import { CATEGORY_CODE_PATTERN, HALL_ID_PATTERN } from '../../queue/rules'
import { HallParams, takenTicketSchema } from './contracts'

export const appointmentSlotsQuerySchema = Obj({
  /** The category (default: the one serving `item`, else the first that takes appointments). */
  category: Optional(Str({ pattern: CATEGORY_CODE_PATTERN })),
  /** The Beijing day (default: the first that may be booked). */
  day: Optional(Str({ pattern: DAY_PATTERN })),
  /** The item the visitor comes for (from its guide): chooses its category. */
  item: Optional(ItemCode()),
}, { additionalProperties: true })
export type AppointmentSlotsQuery = Static<typeof appointmentSlotsQuerySchema>

export const appointmentSlotSchema = Obj({
  /** ISO instants. */
  start: Str(),
  end: Str(),
  /** 10:00-10:30. */
  label: Str(),
  capacity: Int(0, 10_000),
  /** Room left (0: 约满). */
  left: Int(0, 10_000),
  /** Ahead of now and with room. */
  bookable: Bool(),
})
export type AppointmentSlot = Static<typeof appointmentSlotSchema>

export const appointmentSlotsSchema = Obj({
  hall: Obj({ id: Str(), name: Str(), address: Str() }),
  /** The hall's categories; those with capacity 0 take no appointments. */
  categories: List(Obj({ code: Str(), name: Str(), capacity: Int(0, 10_000) })),
  /** The days that may be booked, with their names (今天 12月7日 周一). */
  days: List(Obj({ day: Str(), label: Str() })),
  /** The category and day these slots are of (null: the hall takes no appointments now). */
  category: Nullable(Str()),
  day: Nullable(Str()),
  slots: List(appointmentSlotSchema),
  /** The rules in one sentence (appointmentRulesText). */
  rules: Str(),
})
/** What the booking page shows for one category and day. */
export type AppointmentSlots = Static<typeof appointmentSlotsSchema>

export const bookAppointmentBodySchema = Obj({
  hallId: Str({ pattern: HALL_ID_PATTERN }),
  category: Str({ pattern: CATEGORY_CODE_PATTERN }),
  /** The slot's start, as the slots list gave it (ISO). */
  slotStart: Str({ minLength: 10, maxLength: 40 }),
})
export type BookAppointmentBody = Static<typeof bookAppointmentBodySchema>

export const appointmentViewSchema = Obj({
  id: Str(),
  hallId: Str(),
  hallName: Str(),
  category: Str(),
  categoryName: Str(),
  day: Str(),
  slotStart: Str(),
  slotEnd: Str(),
  /** 12月8日 周二 10:00-10:30. */
  slotText: Str(),
  status: Enum(APPOINTMENT_STATUSES),
  /** When check-in is taken (ISO). */
  checkInFrom: Str(),
  checkInUntil: Str(),
  /** Checking in is taken now. */
  canCheckIn: Bool(),
  /** Cancelling is taken now (booked, not yet past). */
  canCancel: Bool(),
  /** The ticket check-in gave. */
  ticketId: Nullable(Str()),
  ticketNumber: Nullable(Str()),
  bookedAt: Str(),
})
/** One appointment as its citizen sees it. */
export type AppointmentView = Static<typeof appointmentViewSchema>

export const myAppointmentsSchema = Obj({
  appointments: List(appointmentViewSchema),
  /** Today as the BFF reads it (Beijing): which are today's, whatever the phone's own clock says. */
  today: Str(),
})
export type MyAppointments = Static<typeof myAppointmentsSchema>

export const checkedInSchema = Obj({ appointment: appointmentViewSchema, ticket: takenTicketSchema })
/** A check-in's answer: the appointment, and the priority ticket it gave. */
export type CheckedIn = Static<typeof checkedInSchema>

export const appointmentHallsSchema = Obj({
  halls: List(Obj({ hallId: Str(), hallName: Str(), category: Str(), categoryName: Str() })),
})
/** The halls taking appointments for an item, each with the category serving it. */
export type AppointmentHalls = Static<typeof appointmentHallsSchema>

export const appointmentRoutes = defineRoutes('appointments', {
  slots: {
    method: 'GET', path: '/api/halls/:hallId/appointment-slots', access: 'public',
    summary: '预约时段：某项业务某一天的时段和剩余名额', params: HallParams, query: appointmentSlotsQuerySchema,
    problems: { hallId: 'HALL_NOT_FOUND' }, messages: { category: '请选择要预约的业务', day: '日期格式不正确，请重新选择', item: '事项编码格式不正确' },
    response: appointmentSlotsSchema, cache: 'no-store',
  },
  halls: {
    method: 'GET', path: '/api/items/:code/appointment-halls', access: 'public',
    summary: '可预约办理这个事项的服务大厅', params: ItemCodeParams, problems: { code: 'ITEM_NOT_FOUND' },
    response: appointmentHallsSchema, cache: 'no-store',
  },
  book: {
    method: 'POST', path: '/api/me/appointments', access: 'citizen',
    summary: '预约（每人每项业务每天一次；约满为409）', body: bookAppointmentBodySchema,
    messages: { hallId: '请选择服务大厅', category: '请选择要预约的业务', slotStart: '请选择预约时段' },
    response: appointmentViewSchema, cache: 'none',
  },
  mine: {
    method: 'GET', path: '/api/me/appointments', access: 'citizen',
    summary: '我的预约：今天及以后的预约', response: myAppointmentsSchema, cache: 'personal',
  },
  cancel: {
    method: 'POST', path: '/api/me/appointments/:id/cancel', access: 'citizen',
    summary: '取消预约（时段的名额还给别人）', params: UuidParams, problems: { id: 'APPOINTMENT_NOT_FOUND' },
    response: appointmentViewSchema, cache: 'none',
  },
  checkIn: {
    method: 'POST', path: '/api/me/appointments/:id/check-in', access: 'citizen',
    summary: '到大厅签到取号：在签到时间内得到优先叫号的号', params: UuidParams, problems: { id: 'APPOINTMENT_NOT_FOUND' },
    response: checkedInSchema, cache: 'none',
  },
})
