/**
 * 预警 (API.warnings): the workbench's 黄牌/红牌 for the person's desk — the window's for
 * clerks, their department's for reviewers, all for supervisors and
 * leaders — unread first, and marking one read (per person).
 */
import type { FastifyInstance } from 'fastify'
import { API, missingYears, shanghaiDate, type StaffWarning } from '@tongban/core'
import { ProblemError } from '../../errors'
import { warningsRepo, type WarningRow } from '../../store/warnings'
import { caseLookups } from '../../cases/act'
import { audiencesOf, watchesEverything } from '../../cases/responsibility'
import type { StaffPrincipal } from '../../auth/access'
import { implement } from '../define'

export async function warningRoutes(app: FastifyInstance, opts: { now?: () => number } = {}): Promise<void> {
  const now = opts.now ?? Date.now
  const lookups = caseLookups(app.catalogue, app.clock)
  const audiences = (staff: StaffPrincipal) => (watchesEverything(staff) ? null : audiencesOf(staff))

  function view(r: WarningRow, name: (code: string) => string): StaffWarning {
    const [kind, department] = r.step.split(':')
    return {
      id: r.id, caseNo: r.case_no, itemName: r.item_name, light: r.light, deadline: r.deadline,
      raisedAt: new Date(r.raised_at).toISOString(), read: r.read,
      step: kind === 'branch' ? `${name(department ?? '')}办理` : kind === 'pause' ? `${name(department ?? '')}特别程序（预计结束日）` : kind === 'result' ? '出具结果' : '窗口预审',
    }
  }

  implement(app, API.warnings.list, async (request) => {
    const name = await lookups.departmentNames()
    return (await warningsRepo(app.db).forStaff(request.staff.id, audiences(request.staff))).map((r) => view(r, name))
  })

  implement(app, API.warnings.clock, async () => {
    const today = shanghaiDate(now())
    return { today, yellowDays: app.clock.yellowDays, missingYears: missingYears(today, app.clock.calendar) }
  })

  implement(app, API.warnings.read, async (request, reply) => {
    if (!(await warningsRepo(app.db).markRead(request.params.id, request.staff.id, audiences(request.staff)))) throw new ProblemError('NOT_FOUND')
    return reply.code(204).send()
  })
}
