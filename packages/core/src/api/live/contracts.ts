/**
 * Live updates: a server-sent event stream per signed-in person, so an open
 * page changes by itself. The streams answer `text/event-stream`, not JSON
 * (declared as `binary`: the contract layer has no streaming answer, and an
 * event stream is bytes to it — the OpenAPI document shows the media type);
 * each event's data is one of the `LiveEvent`s below, as JSON, named by its
 * `type` in the `event:` field. The shells open them with EventSource (the
 * PWA); the mini-program, which has none, keeps polling.
 */
import type { CaseStatus } from '../../cases/status'
import { defineRoutes } from '../contract/contract'
import type { TicketState } from '../../queue/rules'
import { Obj, Str } from '../contract/schema'
import { HALL_ID_PATTERN } from '../../queue/rules'

/** A case's version (its event count) moved on: whoever shows it asks for it again. */
export interface CaseLiveEvent {
  type: 'case'
  caseNo: string
  version: number
  status: CaseStatus
}

/** A new message in the 消息中心 (its text is read from the 消息中心 route, never sent on the stream). */
export interface MessageLiveEvent {
  type: 'message'
  id: string
  caseNo: string | null
}

/**
 * A ticket of a hall moved (taken, called, recalled, served, finished…): the
 * hall's screen shows and speaks a call, and every open ticket page of that
 * hall reads where it stands again. Only what the hall's screen shows anyway
 * (numbers and windows), so the hall's stream needs no sign-in.
 */
export interface QueueLiveEvent {
  type: 'queue'
  hallId: string
  ticketId: string
  number: string
  category: string
  state: TicketState
  windowNo: number | null
  /** A call said again (重呼): the screen speaks it again. */
  recall: boolean
}

export type LiveEvent = CaseLiveEvent | MessageLiveEvent | QueueLiveEvent

/**
 * The event names a stream uses besides the events': `ready` first on every
 * (re)connection, and `signed-out` last when the session the stream was
 * opened with ends (signed out here, 退出其他设备 elsewhere, an account
 * merged): the server closes the stream after it, and the client must not
 * connect again with that session — it would only be refused.
 */
export const LIVE_READY = 'ready'
export const LIVE_SIGNED_OUT = 'signed-out'

/** What `ready` carries: `resumed` when the client came back with a Last-Event-ID (it should check what it shows: events may have passed meanwhile). */
export interface LiveReady {
  resumed: boolean
}

/** What `signed-out` carries: nothing but its name (an event needs data to be dispatched by EventSource). */
export interface LiveSignedOut {
  type: typeof LIVE_SIGNED_OUT
}

/** How long a client waits before it connects again after the stream dropped (the `retry:` field), and how often the server writes a heartbeat comment. */
export const LIVE_RETRY_MS = 5_000
export const LIVE_HEARTBEAT_MS = 25_000

export const liveRoutes = defineRoutes('live', {
  events: {
    method: 'GET', path: '/api/me/events', access: 'citizen', summary: '我的办件和消息的实时更新（SSE）',
    binary: 'text/event-stream', cache: 'handler',
  },
  hallEvents: {
    method: 'GET', path: '/api/halls/:hallId/events', access: 'public', summary: '服务大厅排队叫号的实时更新（SSE）：大屏和取号页',
    params: Obj({ hallId: Str({ pattern: HALL_ID_PATTERN }) }, { additionalProperties: true }), problems: { hallId: 'HALL_NOT_FOUND' },
    binary: 'text/event-stream', cache: 'handler',
  },
  staffEvents: {
    method: 'GET', path: '/api/staff/events', access: { staff: [] }, summary: '工作台办件的实时更新（SSE）：本岗位的办件，督办看全部',
    binary: 'text/event-stream', cache: 'handler',
  },
})
