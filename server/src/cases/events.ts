/**
 * A case's events as stored (case_events) read back as the core machine's
 * CaseEvent, and its projection: status, branches, deadline and light,
 * computed by the same `project` the shells run. Actors are stored as
 * `role:id`; the day an event happened is its Asia/Shanghai date.
 */
import {
  lightBy, project, shanghaiDate,
  type Actor, type ActorRole, type CaseEvent, type CaseProjection, type ClockContext, type Item, type ItemClockRules, type Light,
} from '@tongban/core'
import type { Queryable } from '../store/db'

/** The clock rules of a case's item; an item gone from the catalogue keeps the statutory 20 working days. */
export function clockRules(item: Pick<Item, 'promisedDays' | 'statutoryDays'> | null): ItemClockRules {
  return item ? { promisedDays: item.promisedDays, statutoryDays: item.statutoryDays } : { promisedDays: 20, statutoryDays: 20 }
}

interface EventRow {
  type: string
  actor: string
  data: Record<string, unknown>
  at: Date
}

function actorOf(raw: string): Actor {
  const i = raw.indexOf(':')
  return { role: raw.slice(0, i) as ActorRole, id: raw.slice(i + 1) }
}

/** What goes into case_events.data: the event's own fields, and the department a reviewer acted for. */
export function eventData(e: CaseEvent): Record<string, unknown> {
  const { type: _t, actor, at: _at, day: _d, ...data } = e
  return actor.department ? { ...data, actorDepartment: actor.department } : data
}

function toEvent(r: EventRow): CaseEvent {
  const at = new Date(r.at)
  const { actorDepartment, ...data } = r.data as { actorDepartment?: string }
  const actor = { ...actorOf(r.actor), ...(actorDepartment ? { department: actorDepartment } : {}) }
  return { ...data, type: r.type, actor, at: at.toISOString(), day: shanghaiDate(at.getTime()) } as CaseEvent
}

export async function loadEvents(db: Queryable, caseId: string): Promise<CaseEvent[]> {
  return (await db.query<EventRow>('select type, actor, data, at from case_events where case_id = $1 order by id', [caseId])).map(toEvent)
}

/** The events of many cases in one query (我的办件), by case id. */
export async function loadEventsOf(db: Queryable, caseIds: string[]): Promise<Map<string, CaseEvent[]>> {
  const out = new Map<string, CaseEvent[]>()
  if (!caseIds.length) return out
  const rows = await db.query<EventRow & { case_id: string }>('select case_id, type, actor, data, at from case_events where case_id = any($1::uuid[]) order by id', [caseIds])
  for (const r of rows) {
    const list = out.get(r.case_id) ?? []
    list.push(toEvent(r))
    out.set(r.case_id, list)
  }
  return out
}

export interface CaseClock {
  projection: CaseProjection
  light: Light | null
  daysLeft: number | null
  /** The clock it was read by (calendar, yellow threshold): the other steps of the case are read by it too. */
  context: ClockContext
}

/** A step's light and working days left on `today` (none while its clock stands still: no deadline). */
export function clockAt(deadline: string | null, today: string, clock: Pick<ClockContext, 'calendar' | 'yellowDays'>): Pick<CaseClock, 'light' | 'daysLeft'> {
  return deadline ? lightBy(clock, deadline, today) : { light: null, daysLeft: null }
}

/** The case now, by `clock`'s calendar: its projection, and the light on its current step (none while the clock stands still). */
export function caseClock(events: CaseEvent[], rules: ItemClockRules, now: number, clock: ClockContext): CaseClock {
  const projection = project(events, rules, clock.calendar)
  return { projection, ...clockAt(projection.deadline, shanghaiDate(now), clock), context: clock }
}
