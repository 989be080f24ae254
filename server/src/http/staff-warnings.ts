/**
 * 预警: the workbench's 黄牌/红牌 for the person's desk — the window's for
 * clerks, their department's for reviewers, all for supervisors and
 * leaders — unread first, and marking one read (per person).
 */
import type { FastifyInstance } from 'fastify'
import { missingYears, ROUTES, serialIdParamsSchema, shanghaiDate, type StaffClockView, type StaffWarning } from '@tongban/core'
import { ProblemError } from '../errors'
import { warningsRepo, type WarningRow } from '../store/warnings'
import { caseLookups } from '../cases/act'
import { audiencesOf, CASE_READERS, watchesEverything } from '../cases/responsibility'
import type { StaffPrincipal } from '../auth/access'

const WATCHERS = { staff: CASE_READERS } as const

export async function staffWarningRoutes(app: FastifyInstance, opts: { now?: () => number } = {}): Promise<void> {
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

  app.get(ROUTES.staffWarnings.path, {
    schema: { tags: ['staff'], summary: '工作台：预警（黄牌、红牌），未读在前' },
    config: { access: WATCHERS },
  }, async (request, reply): Promise<StaffWarning[]> => {
    const staff = request.staff!
    const name = await lookups.departmentNames()
    reply.header('cache-control', 'private, no-store')
    return (await warningsRepo(app.db).forStaff(staff.id, audiences(staff))).map((r) => view(r, name))
  })

  app.get(ROUTES.staffClock.path, {
    schema: { tags: ['staff'], summary: '工作台：期限计算的设置（黄灯阈值、缺少节假日安排的年份）' },
    config: { access: { staff: [] } },
  }, async (_request, reply): Promise<StaffClockView> => {
    const today = shanghaiDate(now())
    reply.header('cache-control', 'private, no-store')
    return { today, yellowDays: app.clock.yellowDays, missingYears: missingYears(today, app.clock.calendar) }
  })

  app.post<{ Params: { id: string } }>(ROUTES.readStaffWarning.path, {
    schema: { params: serialIdParamsSchema, tags: ['staff'], summary: '工作台：预警标为已读' },
    config: { access: WATCHERS, fieldProblems: { id: 'NOT_FOUND' } },
  }, async (request, reply) => {
    const staff = request.staff!
    if (!(await warningsRepo(app.db).markRead(request.params.id, staff.id, audiences(staff)))) throw new ProblemError('NOT_FOUND')
    return reply.code(204).send()
  })
}
