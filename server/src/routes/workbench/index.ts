/**
 * The staff workbench's cases (API.workbench; built-in approval backend, first part): the
 * lists each role works from, sorted by their lights, one case with the
 * actions the core machine allows this person now, and those actions. An
 * action names the version (event count) it was taken on; the case row is
 * locked while it is checked and appended, so of two people acting at once
 * one wins and the other is told to look again.
 */
import type { FastifyInstance } from 'fastify'
import {
  actsForDepartment, allowedEvents, API, CASE_ACTING_ROLES, CASE_SEARCH_LIMIT, CASE_SEARCH_MESSAGE, caseSearchTerm, may, STAFF_QUEUE_PAGE, shanghaiDate, reviewRows, staffTimeline, supplementChoices, supplementScope, TRANSITIONS,
  type Actor, type ActorRole, type Item, type CaseEvent, type CaseEventBody, type CaseProjection, type ClockContext, type StaffCaseDetail, type StaffCaseSummary,
} from '@tongban/core'
import { ProblemError } from '../../errors'
import { caseRepo, type CaseRow } from '../../store/cases'
import { accessLogRepo } from '../../store/access-log'
import { caseClock, clockAt, clockRules, loadEvents, loadEventsOf } from '../../cases/events'
import { audiencesOf, departmentOf, dutyRules, staffPurpose, staffReads, watchesEverything } from '../../cases/responsibility'
import { detail, summary } from '../cases/views'
import type { StaffPrincipal } from '../../auth/access'
import { implement } from '../define'

const routes = API.workbench

const actorAs = (staff: StaffPrincipal, role: ActorRole): Actor =>
  ({ role, id: staff.id, ...(actsForDepartment(role) && staff.departmentCode ? { department: staff.departmentCode } : {}) })

/** The role a staff member acts in for an event: the first of theirs the machine accepts for it. */
function actorFor(staff: StaffPrincipal, type?: CaseEventBody['type']): Actor {
  const mine = CASE_ACTING_ROLES.filter((r) => staff.roles.includes(r))
  // A supervisor (or anyone) holding none of the acting roles watches; it never acts as someone else.
  if (!mine.length) throw new ProblemError('FORBIDDEN', { detail: '督查人员只能查看办件，不能办理' })
  return actorAs(staff, (type ? mine.find((r) => TRANSITIONS[type].roles.includes(r)) : undefined) ?? mine[0]!)
}

/**
 * A department reviewer (not also at the window) works to their own branch's clock: its deadline,
 * light and days left — an overdue branch must not hide behind a case that looks green, nor a paused
 * one behind another department's running clock.
 */
function ownBranchClock(staff: StaffPrincipal, p: CaseProjection, today: string, clock: Pick<ClockContext, 'calendar' | 'yellowDays'>): Partial<StaffCaseSummary> {
  const department = departmentOf(staff)
  if (!department || may(staff.roles, 'window')) return {}
  const b = p.branches.find((x) => x.department === department && x.status !== 'done')
  if (!b) return {}
  return { deadline: b.deadline, ...clockAt(b.deadline, today, clock), clockStop: !b.deadline && b.status === 'paused' ? 'special_procedure' : null }
}

export async function staffCaseRoutes(app: FastifyInstance, opts: { now?: () => number }): Promise<void> {
  const now = opts.now ?? Date.now
  const lookups = app.caseEvents.lookups
  const { itemOf } = lookups

  // The person's desks read in SQL, most urgent first (an earlier deadline is a redder light), a page at a time.
  implement(app, routes.cases, async (request) => {
    const staff = request.staff
    const rows = await caseRepo(app.db).queue(watchesEverything(staff) ? 'all' : audiencesOf(staff), STAFF_QUEUE_PAGE, request.query.offset ?? 0)
    const events = await loadEventsOf(app.db, rows.map((r) => r.id))
    const today = shanghaiDate(now())
    return Promise.all(rows.map(async (r) => {
      const list = events.get(r.id) ?? []
      const clock = caseClock(list, clockRules(await itemOf(r.item_code)), now(), app.clock)
      return { ...summary(r, clock, { urgentOn: today }), ...ownBranchClock(staff, clock.projection, today, app.clock), version: list.length }
    }))
  })

  // 查找办件: only cases this person may open (the window and supervision all, a department those given to it); each citizen
  // found is told of the look in their access log, with what it matched on.
  implement(app, routes.search, async (request) => {
    const staff = request.staff
    const term = caseSearchTerm(request.query.q)
    if (!term) throw new ProblemError('VALIDATION', { errors: [{ path: 'q', code: 'search_term', message: CASE_SEARCH_MESSAGE }] })
    const department = departmentOf(staff)
    const readsAll = may(staff.roles, 'window') || watchesEverything(staff)
    const rows = await caseRepo(app.db).search(term, readsAll ? 'all' : department ? { department } : 'none', CASE_SEARCH_LIMIT)
    const purpose = may(staff.roles, 'window') || department ? 'assist' : 'supervision'
    for (const account of new Set(rows.map((r) => r.account_id))) {
      await accessLogRepo(app.db).record(account, staff.id, purpose, [`caseSearch:${term.by}`], new Date(now()))
    }
    const events = await loadEventsOf(app.db, rows.map((r) => r.id))
    const today = shanghaiDate(now())
    const cases = await Promise.all(rows.map(async (r) => {
      const list = events.get(r.id) ?? []
      const clock = caseClock(list, clockRules(await itemOf(r.item_code)), now(), app.clock)
      return { ...summary(r, clock, { urgentOn: today }), version: list.length }
    }))
    return { by: term.by, cases }
  }, { rateLimit: { max: 30, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (r) => `case-search:${r.staff?.id ?? r.ip}` } })

  async function staffDetail(staff: StaffPrincipal, row: CaseRow, events: CaseEvent[]): Promise<StaffCaseDetail> {
    const item = await itemOf(row.item_code)
    const clock = caseClock(events, clockRules(item), now(), app.clock)
    const duties = await dutyRules(app.db)
    // A supervisor holds none of the acting roles: the case opens with no actions. The steps this person may not sign
    // (their own 承办 to 审核, 审批 without an approver role or after 承办/审核) are not offered.
    const actions = [...new Set(CASE_ACTING_ROLES
      .filter((r) => staff.roles.includes(r))
      .flatMap((r) => allowedEvents(clock.projection, actorAs(staff, r), shanghaiDate(now()), duties)))]
      .filter((t) => app.approval.onWorkbench(t))
    const names = await lookups.departmentNames()
    const mine = departmentOf(staff)
    const myBranch = mine ? clock.projection.branches.find((b) => b.department === mine) : undefined
    return {
      ...detail(row, item, clock, now(), names), version: events.length, actions,
      // Staff read each step with its opinions and notes, which the applicant's timeline leaves out.
      timeline: staffTimeline(clock.projection.events, names),
      leadDepartment: item?.department.code ?? null,
      legalDeadline: clock.projection.legalDeadline,
      supplementScope: supplementScope(clock.projection),
      ...(mine ? { myDepartment: mine } : {}),
      ...(myBranch ? { myStep: myBranch.status } : {}),
    }
  }

  implement(app, routes.case, async (request) => {
    const staff = request.staff
    const row = await caseRepo(app.db).byNo(request.params.caseNo)
    if (!row) throw new ProblemError('CASE_NOT_FOUND')
    await staffReads(app.db, staff, row, ['application'])
    return staffDetail(staff, row, await loadEvents(app.db, row.id))
  })

  implement(app, routes.event, async (request) => {
    const staff = request.staff
    const { version, ...body } = request.body
    if (!app.approval.onWorkbench(body.type)) throw new ProblemError('HANDLED_EXTERNALLY')
    if (body.type === 'accept' && Array.isArray(body.departments) && body.departments.length) {
      const known = new Set((await app.catalogue.departments()).map((d) => d.code))
      const unknown = body.departments.findIndex((code) => !known.has(code))
      if (unknown >= 0) throw new ProblemError('VALIDATION', { errors: [{ path: `departments.${unknown}`, code: 'unknown_department', message: '没有这个办理部门，请重新选择' }] })
    }
    const check = async (row: CaseRow, item: Item | null) => {
      // Who may act comes before the version and the state: another department's reviewer must not learn from a 409
      // that the case exists or how far it has got (a GET of it is 403 too).
      await staffPurpose(app.db, staff, row)
      if (body.type === 'accept' && Array.isArray(body.departments) && body.departments.length) {
        // The item's own department handles it and leads any joint handling: it cannot be left out.
        const lead = item?.department
        if (lead && !body.departments.includes(lead.code)) {
          throw new ProblemError('VALIDATION', { errors: [{ path: 'departments', code: 'lead_required', message: `${lead.name}是这个事项的牵头部门，必须参与办理` }] })
        }
      }
      if (body.type === 'request_supplement' && Array.isArray(body.items)) {
        // Only what the citizen can see and correct on the case's own form (a stale or forged path would ask the
        // impossible): a field they see, filled or not, or something inside one they filled (members.0.idNumber).
        const paths = new Set([...supplementChoices(row.form, row.form_values, row.answers), ...reviewRows(row.form, row.form_values)].map((c) => c.path))
        const bad = body.items.findIndex((i) => !paths.has(i.path))
        if (bad >= 0) throw new ProblemError('VALIDATION', { errors: [{ path: `items.${bad}.path`, code: 'unknown_field', message: '申请表中没有这一项，请重新勾选' }] })
      }
    }
    // The certificate, the handover and the notice follow from the events wherever they are written (cases/commit.ts).
    const result = await app.caseEvents.act({
      caseNo: request.params.caseNo, version, actor: actorFor(staff, body.type), body, at: new Date(now()), check, duties: await dutyRules(app.db),
    })
    return staffDetail(staff, result.row, result.events)
  })
}
