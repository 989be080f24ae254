/**
 * One way to act on a case, for everyone who may: staff on the workbench,
 * the citizen (resubmit, withdraw) and the approval backend's webhook. The
 * case row is locked, the events are read, the action must be taken on the
 * version (event count) the actor saw, the core machine decides whether the
 * event is allowed, and the event and the new status are written — all in
 * one transaction, so of two people acting at once one wins and the other
 * is told to look again.
 */
import {
  applyEvent, project, REFUSAL_FIELDS, shanghaiDate, TransitionError, urgentDeadline,
  type Actor, type CaseEvent, type ClockContext, type CaseEventBody, type CaseProjection, type DutyRules, type Item,
} from '@tongban/core'
import { ProblemError } from '../errors'
import type { Db, Queryable } from '../store/db'
import { caseRepo, type CaseRow } from '../store/cases'
import type { CatalogueService } from '../catalogue/service'
import { clockRules, eventData, loadEvents } from './events'
import { desksOf } from './responsibility'

/** The catalogue lookups every case view needs. */
export function caseLookups(catalogue: CatalogueService, clock: ClockContext) {
  return {
    /** The clock every case's deadlines and lights are counted by (the product clock). */
    clock,
    itemOf: async (code: string): Promise<Item | null> => (await catalogue.guide(code))?.item ?? null,
    /** Department code → name, one read of the catalogue. */
    departmentNames: async (): Promise<(code: string) => string> => {
      const names = new Map((await catalogue.departments()).map((d) => [d.code, d.name]))
      return (code: string) => names.get(code) ?? code
    },
  }
}

export interface ActContext {
  tx: Queryable
  row: CaseRow
  item: Item | null
  /** The case before the event. */
  before: CaseProjection
  after: CaseProjection
  /** The last of the events being appended. */
  event: CaseEvent
  /** All of them (an approval system's status may stand for several steps). */
  added: CaseEvent[]
  today: string
  /** Department code → name, read before the transaction. */
  departmentName: (code: string) => string
}

type Body = CaseEventBody & { note?: string }

export interface ActRequest {
  caseNo: string
  /** The number of events the actor saw; null for a backend whose events are idempotent by their own id. */
  version: number | null
  actor: Actor
  /** The event, or the events the case as it now stands calls for (none: nothing to do). */
  body: Body | ((before: CaseProjection, item: Item | null) => { actor: Actor; body: Body }[])
  /** When the server received the action: an event is never dated later than this. */
  at: Date
  /**
   * When it happened, as told by the system that did it (a webhook's
   * occurredAt): the event is dated then — its working day is what the
   * clocks count — but never before the case's last event (order is the
   * truth) nor after `at` (a clock running fast).
   */
  occurredAt?: Date
  /**
   * Checks of the request against the case as read before the transaction
   * (the form a 补正 names fields of, the item's lead department): a change
   * meanwhile is caught by `version`.
   */
  check?: (row: CaseRow, item: Item | null) => void | Promise<void>
  /** The case must belong to this account (a citizen's own case); anyone else's reads as missing. */
  owner?: string
  /**
   * Who may sign a department's steps (承办人 / 审核人 / 批准人), checked by the machine: the
   * workbench's people. An approval system's own steps come without: it keeps its own rules.
   */
  duties?: DutyRules
  /**
   * More work in the same transaction once the machine has allowed the event
   * (e.g. the resubmitted form); it may add to `event` what it learns there
   * (the fields the resubmission changed) before the event is written.
   */
  within?: (ctx: ActContext) => Promise<void>
  /**
   * First, under the lock: false means this action was already taken (a
   * webhook delivered again) — nothing is done and the case is returned as it is.
   */
  claim?: (tx: Queryable, row: CaseRow) => Promise<boolean>
  /** Work in the same transaction after the events are written: the registered effects (commit.ts). */
  recorded?: (ctx: ActContext) => Promise<void>
}

export interface ActResult {
  row: CaseRow
  item: Item | null
  events: CaseEvent[]
  projection: CaseProjection
  /** The events this action appended. */
  added: CaseEvent[]
  /** The claim said it was done before. */
  duplicate?: boolean
}

/** The machine's refusal as the problem the actor is shown, with its reason code beside the words. */
export function transitionProblem(e: TransitionError): ProblemError {
  const reason = e.reason
  if (e.code === 'wrong_role' || e.code === 'wrong_department' || e.code === 'separation_of_duties') return new ProblemError('FORBIDDEN', { detail: e.message, reason })
  if (e.code === 'invalid_event') return new ProblemError('VALIDATION', { errors: [{ path: REFUSAL_FIELDS[reason] ?? '', code: e.code, message: e.message }], reason })
  return new ProblemError('ILLEGAL_TRANSITION', { detail: e.message, reason })
}

/** `occurredAt` within [the last event, received]; `at` itself when none was told or it is not a time. */
export function eventTime(at: Date, occurredAt: Date | undefined, last: CaseEvent | undefined): Date {
  if (!occurredAt || Number.isNaN(occurredAt.getTime())) return at
  const floor = last ? Date.parse(last.at) : -Infinity
  return new Date(Math.min(at.getTime(), Math.max(floor, occurredAt.getTime())))
}

/** The one place case events are written: the events, the status they leave and the desks that work it next. */
export async function writeEvents(tx: Queryable, caseId: string, added: readonly CaseEvent[], after: CaseProjection, at: Date): Promise<void> {
  const cases = caseRepo(tx)
  for (const e of added) await cases.appendEvent(caseId, e.type, `${e.actor.role}:${e.actor.id}`, eventData(e), at)
  await cases.setStatus(caseId, after.status)
  await cases.setDesks(caseId, desksOf(after), urgentDeadline(after))
}

export async function actOnCase(db: Db, lookups: ReturnType<typeof caseLookups>, req: ActRequest): Promise<ActResult> {
  // The catalogue is read before the transaction: it may query the database itself, and on the
  // embedded PGlite (one connection) a query outside a running transaction waits for it forever.
  const known = await caseRepo(db).byNo(req.caseNo)
  if (!known || (req.owner !== undefined && known.account_id !== req.owner)) throw new ProblemError('CASE_NOT_FOUND')
  const item = await lookups.itemOf(known.item_code)
  await req.check?.(known, item)
  const departmentName = await lookups.departmentNames()
  return db.transaction(async (tx) => {
    const cases = caseRepo(tx)
    const id = await cases.lockByNo(req.caseNo)
    const row = id ? await cases.byId(id) : null
    if (!id || !row || row.id !== known.id) throw new ProblemError('CASE_NOT_FOUND')
    const events = await loadEvents(tx, id)
    if (req.claim && !(await req.claim(tx, row))) {
      return { row, item, events, projection: project(events, clockRules(item), lookups.clock.calendar), added: [], duplicate: true }
    }
    if (req.version !== null && events.length !== req.version) throw new ProblemError('CASE_CHANGED')
    const at = eventTime(req.at, req.occurredAt, events.at(-1))
    const today = shanghaiDate(at.getTime())
    const rules = clockRules(item)
    const before = project(events, rules, lookups.clock.calendar)
    const wanted = typeof req.body === 'function' ? req.body(before, item) : [{ actor: req.actor, body: req.body }]
    let after = before
    const added: CaseEvent[] = []
    for (const { actor, body: raw } of wanted) {
      const body = { ...raw }
      // Accepted without naming departments: the item's own department handles it.
      if (body.type === 'accept' && !body.departments?.length) {
        if (!item) throw new ProblemError('VALIDATION', { errors: [{ path: 'departments', code: 'required', message: '这个事项已不在目录中，请选择办理部门' }] })
        body.departments = [item.department.code]
      }
      const event = { ...body, actor, at: at.toISOString(), day: today } as CaseEvent
      try {
        after = applyEvent(after, event, rules, lookups.clock.calendar, req.duties)
      } catch (e) {
        if (e instanceof TransitionError) throw transitionProblem(e)
        throw e
      }
      added.push(after.events.at(-1)!) // as the machine stamped it: the statuses it moved from and to
    }
    if (!added.length) return { row, item, events, projection: before, added }
    const ctx = { tx, row, item, before, after, event: added.at(-1)!, added, today, departmentName }
    await req.within?.(ctx)
    await writeEvents(tx, id, added, after, at)
    await req.recorded?.(ctx)
    const fresh = (await cases.byId(id))!
    return { row: fresh, item, events: [...events, ...added], projection: after, added }
  })
}
