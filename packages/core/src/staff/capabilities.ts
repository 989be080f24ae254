/**
 * Which staff role may do what, in one table: the BFF's route access
 * (`config.access`), who answers for which desk (server/src/cases/
 * responsibility.ts) and what the workbench shows (StaffHomePage) read it
 * from here, so a role given a new duty changes in one place.
 */
import type { StaffRole } from '../api/identity/labels'
import { DEPARTMENT_ROLES } from '../cases/types'

export const STAFF_CAPABILITIES = {
  /** Open cases on the workbench (their forms, materials, notices), and see the warnings. */
  workCases: ['clerk', 'reviewer', 'approver', 'supervisor', 'leader'],
  /** Watch every case and every warning, whoever's desk it is on (电子监察, 分管领导). */
  watchAll: ['supervisor', 'leader'],
  /** Work at the window (受理窗口): pre-review, accept, issue results. */
  window: ['clerk'],
  /** Act for a department on its own branch: 承办/审核 and 审批. */
  department: DEPARTMENT_ROLES,
  /** Look up a citizen's account by phone (logged, with a purpose). */
  lookUpCitizens: ['clerk', 'hall_admin', 'supervisor'],
  /** See and retry the cases the approval system did not take (handovers). */
  handovers: ['clerk', 'supervisor', 'leader'],
  /** Set up their hall's queue: categories, windows, hours (排队取号). */
  configureHall: ['hall_admin'],
  /** Apply on a resident's behalf, with their consent (代办). */
  applyForOthers: ['agent'],
} as const satisfies Record<string, readonly StaffRole[]>

export type StaffCapability = keyof typeof STAFF_CAPABILITIES

/**
 * The staff roles that send case events, in the order a person holding several acts in: an approver
 * (who may also hold 承办/审核) decides as the approver, the machine's rule for 审批.
 */
export const CASE_ACTING_ROLES = ['clerk', 'approver', 'reviewer', 'leader'] as const satisfies readonly StaffRole[]

/** A route's access rule for a capability (a contract's `access`): staff holding one of its roles. */
export function staffAccess<const K extends StaffCapability>(capability: K): { readonly staff: (typeof STAFF_CAPABILITIES)[K] } {
  return { staff: STAFF_CAPABILITIES[capability] }
}

/** Whether someone holding these roles has the capability. */
export function may(roles: readonly StaffRole[] | undefined, capability: StaffCapability): boolean {
  const allowed: readonly StaffRole[] = STAFF_CAPABILITIES[capability]
  return roles?.some((r) => allowed.includes(r)) ?? false
}
