/**
 * The staff workbench's cases (built-in approval backend, first part): the
 * lists each role works from, sorted by their lights, one case with the
 * actions the core machine allows this person now, and those actions. An
 * action names the version (event count) it was taken on; the case row is
 * locked while it is checked and appended, so of two people acting at once
 * one wins and the other is told to look again.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  allowedEvents, applyEvent, project, ROUTES, shanghaiDate, staffCaseEventBodySchema, TransitionError,
  type Actor, type ActorRole, type CaseEvent, type CaseEventBody, type Item, type StaffCaseDetail, type StaffCaseSummary,
} from '@tongban/core'
import { ProblemError } from '../errors'
import { caseRepo, type CaseRow } from '../store/cases'
import { accessLogRepo } from '../store/access-log'
import { caseClock, clockRules, eventData, loadEvents, loadEventsOf } from '../cases/events'
import { detail, summary } from './cases'
import type { StaffPrincipal } from '../auth/access'

const WORKERS = { staff: ['clerk', 'reviewer', 'supervisor', 'leader'] } as const

/** The role a staff member acts in for an event: the first of theirs the machine accepts for it. */
function actorFor(staff: StaffPrincipal, type?: CaseEventBody['type']): Actor {
  const order: ActorRole[] = ['clerk', 'reviewer', 'leader']
  const mine = order.filter((r) => staff.roles.includes(r as never))
  const pick = type ? mine.find((r) => (['request_supplement', 'refuse', 'accept', 'start_pre_review', 'complete'].includes(type) ? r === 'clerk'
    : type === 'extend' ? r === 'leader' : r === 'reviewer')) : undefined
  const role = pick ?? mine[0] ?? 'clerk'
  return { role, id: staff.id, ...(role === 'reviewer' && staff.departmentCode ? { department: staff.departmentCode } : {}) }
}

export async function staffCaseRoutes(app: FastifyInstance, opts: { now?: () => number } = {}): Promise<void> {
  const now = opts.now ?? Date.now
  const staffOf = (request: FastifyRequest) => {
    if (!request.staff) throw new ProblemError('UNAUTHENTICATED')
    return request.staff
  }
  const itemOf = async (code: string): Promise<Item | null> => (await app.catalogue.guide(code))?.item ?? null
  const names = async () => {
    const m = new Map((await app.catalogue.departments()).map((d) => [d.code, d.name]))
    return (code: string) => m.get(code) ?? code
  }

  app.get(ROUTES.staffCases.path, {
    schema: { tags: ['staff'], summary: '工作台：我要办理的办件（按红黄绿灯排序）' },
    config: { access: WORKERS },
  }, async (request, reply): Promise<StaffCaseSummary[]> => {
    const staff = staffOf(request)
    const rows = await caseRepo(app.db).open()
    const events = await loadEventsOf(app.db, rows.map((r) => r.id))
    const out: (StaffCaseSummary & { mine: boolean })[] = []
    for (const r of rows) {
      const item = await itemOf(r.item_code)
      const list = events.get(r.id) ?? []
      const clock = caseClock(list, clockRules(item), now())
      const p = clock.projection
      const mine = staff.roles.includes('supervisor') || staff.roles.includes('leader')
        || (staff.roles.includes('clerk') && ['submitted', 'pre_review', 'decided'].includes(p.status))
        || (staff.roles.includes('reviewer') && p.branches.some((b) => b.department === staff.departmentCode && b.status !== 'done'))
      out.push({ ...summary(r, clock), version: list.length, mine })
    }
    const rank = { red: 0, yellow: 1, green: 2 } as const
    reply.header('cache-control', 'private, no-store')
    return out
      .filter((c) => c.mine)
      .sort((a, b) => (a.light ? rank[a.light] : 3) - (b.light ? rank[b.light] : 3) || (a.deadline ?? '9').localeCompare(b.deadline ?? '9'))
      .map(({ mine: _, ...c }) => c)
  })

  async function staffDetail(request: FastifyRequest, row: CaseRow, events: CaseEvent[]): Promise<StaffCaseDetail> {
    const staff = staffOf(request)
    const item = await itemOf(row.item_code)
    const clock = caseClock(events, clockRules(item), now())
    const actor = actorFor(staff)
    const actions = [...new Set((['clerk', 'reviewer', 'leader'] as const)
      .filter((r) => staff.roles.includes(r))
      .flatMap((r) => allowedEvents(clock.projection, { ...actor, role: r, ...(r === 'reviewer' && staff.departmentCode ? { department: staff.departmentCode } : {}) })))]
    return {
      ...detail(row, item, clock, now(), await names()), version: events.length, actions,
      ...(staff.roles.includes('reviewer') && staff.departmentCode ? { myDepartment: staff.departmentCode } : {}),
    }
  }

  app.get<{ Params: { caseNo: string } }>(ROUTES.staffCase.path, {
    schema: { params: { type: 'object', required: ['caseNo'], properties: { caseNo: { type: 'string', maxLength: 90 } } }, tags: ['staff'], summary: '工作台：办件详情与可进行的操作' },
    config: { access: WORKERS },
  }, async (request, reply): Promise<StaffCaseDetail> => {
    const staff = staffOf(request)
    const row = await caseRepo(app.db).byNo(request.params.caseNo)
    if (!row) throw new ProblemError('CASE_NOT_FOUND')
    const purpose = staff.roles.includes('clerk') || staff.roles.includes('reviewer') ? 'assist' : 'supervision'
    await accessLogRepo(app.db).record(row.account_id, staff.id, purpose, ['application'])
    reply.header('cache-control', 'private, no-store')
    return staffDetail(request, row, await loadEvents(app.db, row.id))
  })

  app.post<{ Params: { caseNo: string }; Body: CaseEventBody & { version: number; note?: string } }>(ROUTES.staffCaseEvent.path, {
    schema: {
      params: { type: 'object', required: ['caseNo'], properties: { caseNo: { type: 'string', maxLength: 90 } } },
      body: staffCaseEventBodySchema, tags: ['staff'], summary: '工作台：对办件进行操作（受理、补正、不予受理、承办、审核、审批、暂停、延期、办结）',
    },
    config: { access: WORKERS, fieldMessages: { type: '不认识的办理操作', version: '请刷新后再操作' } },
  }, async (request): Promise<StaffCaseDetail> => {
    const staff = staffOf(request)
    const { version, ...body } = request.body
    const at = new Date(now())
    const result = await app.db.transaction(async (tx) => {
      const cases = caseRepo(tx)
      const id = await cases.lockByNo(request.params.caseNo)
      if (!id) throw new ProblemError('CASE_NOT_FOUND')
      const row = (await cases.byId(id))!
      const events = await loadEvents(tx, id)
      if (events.length !== version) throw new ProblemError('CASE_CHANGED')
      const item = await itemOf(row.item_code)
      const actor = actorFor(staff, body.type)
      const event = { ...body, actor, at: at.toISOString(), day: shanghaiDate(at.getTime()) } as CaseEvent
      if (event.type === 'accept' && !event.departments?.length) (event as { departments: string[] }).departments = [item?.department.code ?? 'unknown']
      let next
      try {
        const rules = clockRules(item)
        next = applyEvent(project(events, rules), event, rules)
      } catch (e) {
        if (!(e instanceof TransitionError)) throw e
        if (e.code === 'wrong_role' || e.code === 'wrong_department') throw new ProblemError('FORBIDDEN', { detail: e.message })
        if (e.code === 'invalid_event') throw new ProblemError('VALIDATION', { errors: [{ path: '', code: e.code, message: e.message }] })
        throw new ProblemError('ILLEGAL_TRANSITION', { detail: e.message })
      }
      await cases.appendEvent(id, event.type, `${actor.role}:${actor.id}`, eventData(event), at)
      await cases.setStatus(id, next.status)
      return { row: { ...row, status: next.status }, events: [...events, event] }
    })
    return staffDetail(request, result.row, result.events)
  })
}
