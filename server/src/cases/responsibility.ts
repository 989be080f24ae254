/**
 * Who answers for a case's current step: the window (受理窗口) while it is
 * submitted, in pre-review or decided (to issue the result); a department
 * for its own open branch. Supervisors and leaders watch every case. The
 * workbench list and the yellow/red warnings use the same rule.
 */
import type { CaseProjection, StaffRole } from '@tongban/core'

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
