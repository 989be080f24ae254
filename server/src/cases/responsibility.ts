/**
 * Who answers for a case's current step: the window (受理窗口) while it is
 * submitted, in pre-review or decided (to issue the result); a department
 * for its own open branch. Supervisors and leaders watch every case. The
 * workbench list and the yellow/red warnings use the same rule.
 */
import { isAtWindow, may, project, STAFF_CAPABILITIES, urgentDeadline, CHINA_CALENDAR, type AccessPurpose, type CaseProjection, type DutyRules, type Item, type StaffRole, type WorkCalendar } from '@tongban/core'
import { ProblemError } from '../errors'
import type { Db, Queryable } from '../store/db'
import { catalogueRepo } from '../store/catalogue'
import type { Backfills } from '../store/migrations'
import { caseRepo, type CaseRow } from '../store/cases'
import { accessLogRepo } from '../store/access-log'
import { clockRules, loadEvents } from './events'

/** Who may open a case on the workbench (its form, materials, notices), subject to staffPurpose: the window, its departments, supervision. */
export const CASE_READERS = STAFF_CAPABILITIES.workCases

/** The department a person works for, if they hold a department role (承办/审核 or 审批) and have one. */
export function departmentOf(staff: Responsible): string | null {
  return staff.departmentCode && may(staff.roles, 'department') ? staff.departmentCode : null
}

export interface Responsible { roles: readonly StaffRole[]; departmentCode: string | null }

export function watchesEverything(staff: Responsible): boolean {
  return may(staff.roles, 'watchAll')
}

/** A desk a case is on now and that desk's deadline (null while its clock stands still). */
export interface Desk { desk: string; due: string | null }

/**
 * The desks a case is on: `window` while submitted, in pre-review or decided,
 * `department:<code>` for each open branch. Kept with the case (case_desks)
 * in the transaction that moves it, so the queues are read by desk in SQL.
 */
export function desksOf(p: CaseProjection): Desk[] {
  return [
    ...(isAtWindow(p.status) ? [{ desk: 'window', due: p.deadline }] : []),
    ...p.branches.filter((b) => b.status !== 'done').map((b) => ({ desk: `department:${b.department}`, due: b.deadline })),
  ]
}

/** Works out the desks of open cases stored before desks were kept (a batch at a time; migration 024 runs it once). */
export async function fillMissingDesks(db: Queryable, itemOf: (code: string) => Promise<Item | null>, calendar: WorkCalendar): Promise<number> {
  let filled = 0
  for (;;) {
    const rows = await caseRepo(db).withoutDesks(200)
    for (const r of rows) {
      const p = project(await loadEvents(db, r.id), clockRules(await itemOf(r.item_code)), calendar)
      await caseRepo(db).setDesks(r.id, desksOf(p), urgentDeadline(p))
    }
    filled += rows.length
    if (rows.length < 200) return filled
  }
}

/**
 * The backfills migrations name (store/migrations.ts), counting in `calendar` (the product clock's): the items'
 * clock rules are read from the catalogue rows in the same transaction.
 */
export function caseBackfills(calendar: WorkCalendar): Backfills {
  return {
    fillMissingDesks: async (tx) => {
      const itemOf = async (code: string) => (await tx.query<{ doc: Item }>('select doc from items where code = $1', [code]))[0]?.doc ?? null
      await fillMissingDesks(tx, itemOf, calendar)
    },
  }
}

/** The same with the bundled calendar (tests, and tools that start no product clock). */
export const CASE_BACKFILLS: Backfills = caseBackfills(CHINA_CALENDAR)

/** Who may sign the departments' steps: three people, 审批 by an approver, except where a department switched it off. */
export async function dutyRules(db: Db): Promise<DutyRules> {
  const alone = new Set(await catalogueRepo(db).departmentsSigningAlone())
  return { separateDuties: (department) => !alone.has(department) }
}

/** The desks a person works at, which are also the audiences of their warnings: `window`, `department:<code>`. */
export function audiencesOf(staff: Responsible): string[] {
  return [
    ...(may(staff.roles, 'window') ? ['window'] : []),
    ...(departmentOf(staff) ? [`department:${departmentOf(staff)}`] : []),
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
  if (may(staff.roles, 'window')) return 'assist'
  const department = departmentOf(staff)
  if (department) {
    const given = (await loadEvents(db, row.id)).some((e) => e.type === 'accept' && e.departments.includes(department))
    if (given) return 'assist'
  }
  if (watchesEverything(staff)) return 'supervision'
  throw new ProblemError('FORBIDDEN', { detail: '这个办件没有交给本部门办理，不能查看或办理' })
}

export async function staffReads(db: Queryable, staff: Responsible & { id: string }, row: Pick<CaseRow, 'id' | 'account_id'>, fields: string[]): Promise<void> {
  const purpose = await staffPurpose(db, staff, row)
  await accessLogRepo(db).record(row.account_id, staff.id, purpose, fields)
}
