/**
 * Who answers for a case's current step: the window (受理窗口) while it is
 * submitted, in pre-review or decided (to issue the result); a department
 * for its own open branch. Supervisors and leaders watch every case. The
 * workbench list and the yellow/red warnings use the same rule.
 */
import type { AccessPurpose, CaseProjection, StaffRole } from '@tongban/core'
import { ProblemError } from '../errors'
import type { Queryable } from '../store/db'
import type { CaseRow } from '../store/cases'
import { accessLogRepo } from '../store/access-log'
import { loadEvents } from './events'

export const WINDOW_STATUSES = ['submitted', 'pre_review', 'decided'] as const

export interface Responsible { roles: readonly StaffRole[]; departmentCode: string | null }

export function watchesEverything(staff: Responsible): boolean {
  return staff.roles.includes('supervisor') || staff.roles.includes('leader')
}

/** Is this step on this person's desk? */
export function isResponsible(staff: Responsible, p: CaseProjection): boolean {
  return watchesEverything(staff)
    || (staff.roles.includes('clerk') && (WINDOW_STATUSES as readonly string[]).includes(p.status))
    || (staff.roles.includes('reviewer') && p.branches.some((b) => b.department === staff.departmentCode && b.status !== 'done'))
}

/** The audiences a warning is for: `window`, or `department:<code>`. */
export function audiencesOf(staff: Responsible): string[] {
  return [
    ...(staff.roles.includes('clerk') ? ['window'] : []),
    ...(staff.roles.includes('reviewer') && staff.departmentCode ? [`department:${staff.departmentCode}`] : []),
  ]
}

/**
 * Opening a case's form, materials or notices on the workbench: the window
 * (it receives every case and issues every result), a department the case
 * was given to (its branch, open or done), or supervision. Anyone else is
 * refused — a reviewer does not browse other departments' applicants.
 * Every look is written to the access log the citizen sees, with its purpose.
 */
/** Why this staff member may open the case (the window, a department it was given to, supervision); 403 in words otherwise. */
export async function staffPurpose(db: Queryable, staff: Responsible, row: Pick<CaseRow, 'id'>): Promise<AccessPurpose> {
  if (staff.roles.includes('clerk')) return 'assist'
  if (staff.roles.includes('reviewer') && staff.departmentCode) {
    const given = (await loadEvents(db, row.id)).some((e) => e.type === 'accept' && e.departments.includes(staff.departmentCode!))
    if (given) return 'assist'
  }
  if (watchesEverything(staff)) return 'supervision'
  throw new ProblemError('FORBIDDEN', { detail: '这个办件没有交给本部门办理，不能查看' })
}

export async function staffReads(db: Queryable, staff: Responsible & { id: string }, row: Pick<CaseRow, 'id' | 'account_id'>, fields: string[]): Promise<void> {
  const purpose = await staffPurpose(db, staff, row)
  await accessLogRepo(db).record(row.account_id, staff.id, purpose, fields)
}
