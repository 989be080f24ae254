/**
 * The case status machine (domain.md, "Application status model"). A case
 * is its list of events; `project` folds them into the current status, the
 * department branches, the clocks and the timeline, and `applyEvent`
 * refuses any event the status or the actor's role does not allow — the
 * same function on the BFF (before it appends) and in the shells (to show
 * only the actions that can succeed).
 *
 *   draft ─submit─▶ submitted ─▶ pre_review ─accept─▶ accepted ─▶ in_progress ─▶ decided ─▶ completed
 *                      ▲            │ └─refuse─▶ not_accepted
 *                      └─resubmit─ supplement_required ◀┘
 *   any state before accepted ─withdraw─▶ withdrawn
 *
 * A branch (one per department) runs pending → undertaking → reviewing →
 * approving → done(approved|denied), and may be paused for a special
 * procedure (听证、检验检测、现场核查、专家评审) and resumed where it was.
 * The case is decided when every branch is done; any denial denies it.
 *
 * A department's steps are signed as 承办人 / 审核人 / 批准人: an
 * `advance_branch` closes the step its branch is in (its opinion is that
 * step's) — from pending the 承办人 takes the case, from undertaking hands
 * the 承办意见 on, from reviewing the 审核人 hands the 审核意见 on — and
 * `decide_branch` is the 批准人's. Where the department separates duties
 * (DutyRules; the BFF's default), these are three people and the decision
 * is an approver's: `applyEvent` and `allowedEvents` check it when given
 * the rules, so the workbench offers only what the person may sign.
 * Replaying stored events (`project`) does not: what was recorded was
 * allowed when it was, and a department switching the rule on must not
 * make its past cases unreadable.
 */
import { addWorkingDays, workingDaysBetween, CHINA_CALENDAR, type WorkCalendar } from '../clock/calendar'
import { refusalOf, STATUTORY, TRANSITIONS } from './guards'
import type { DutyRules } from './duties'
import { TransitionError } from './refusals'
import { NEXT_STEP, type CaseStatus } from './status'
import type { Actor, Branch, CaseEvent, CaseEventBody, CaseProjection, ItemClockRules } from './types'
import { actsForDepartment } from './types'

export * from './status'
export * from './types'
export * from './refusals'
export * from './duties'
export * from './guards'
export * from './timeline'
export * from './opinions'

/** Pre-review within 2 working days of (re)submission — the service promise in the seeds. */
export const PRE_REVIEW_DAYS = 2
/**
 * Art. 32: what must be supplemented is told all at once within 5 working
 * days of receipt. Pre-review's promise (2) is the stricter clock and the
 * one the light tracks; this is the legal limit shown beside it to staff.
 */
export const SUPPLEMENT_NOTICE_DAYS = 5
/** Certificates within 10 working days of the decision (Art. 44). */
export const CERTIFICATE_DAYS = 10
export function emptyCase(): CaseProjection {
  return { status: 'draft', branches: [], clockStart: null, deadline: null, legalDeadline: null, extensionDays: 0, events: [] }
}

/** The decision period the light tracks: the promise, within the statutory limit plus any approved extension. */
export function decisionDays(rules: ItemClockRules, joint: boolean, extensionDays: number): number {
  return Math.min(rules.promisedDays + extensionDays, statutoryDays(rules, joint, extensionDays))
}

/**
 * The statutory decision period with any approved extension: the item's own
 * limit (20 under Art. 42 where its law sets none); handled jointly by several
 * departments, never less than the 45 days Art. 26 allows for that.
 */
export function statutoryDays(rules: ItemClockRules, joint: boolean, extensionDays = 0): number {
  const own = rules.statutoryDays ?? STATUTORY.single.days
  return (joint ? Math.max(own, STATUTORY.joint.days) : own) + extensionDays
}

/**
 * A branch's deadline as its clock stands: the decision period after
 * acceptance, moved on by the working days it spent paused. A paused branch
 * is read at the deadline it had when it stopped (it can only move later).
 */
function frozenDeadline(p: CaseProjection, b: Branch, days: number, cal: WorkCalendar): string | null {
  if (b.status === 'done' || !p.clockStart) return null
  return addWorkingDays(p.clockStart, days + b.pausedDays, cal)
}

/** Why a case's clock stands still (Art. 32 补正, Art. 45 special procedures); the lights show nothing then. */
export type ClockStop = 'supplement' | 'special_procedure'

export const CLOCK_STOP_TEXT: Record<ClockStop, string> = {
  supplement: '计时暂停 · 等您补正材料后继续',
  special_procedure: '计时暂停 · 部门特别程序中',
}

/** The reason the case has no deadline now, or null (it runs, or the case is over). */
export function clockStop(p: Pick<CaseProjection, 'status' | 'deadline' | 'branches'>): ClockStop | null {
  if (p.status === 'supplement_required') return 'supplement'
  if ((p.status === 'accepted' || p.status === 'in_progress') && p.deadline === null && p.branches.some((b) => b.status === 'paused')) return 'special_procedure'
  return null
}

/**
 * The deadline a list row (我的办件, the workbench queues) shows: the earliest
 * step still running. The case is due when its last department is, so a
 * department already behind its own day would otherwise hide behind a green
 * case; a row shows the worst light its case page holds.
 */
export function urgentDeadline(p: Pick<CaseProjection, 'deadline' | 'branches'>): string | null {
  return [p.deadline, ...p.branches.map((b) => b.deadline)].filter((d): d is string => d !== null).sort()[0] ?? null
}

const latest = (days: (string | null)[]): string | null => days.filter((d): d is string => d !== null).sort().at(-1) ?? null

function refreshClocks(p: CaseProjection, rules: ItemClockRules, cal: WorkCalendar): void {
  const joint = p.branches.length > 1
  const promised = decisionDays(rules, joint, p.extensionDays)
  for (const b of p.branches) b.deadline = b.status === 'paused' ? null : frozenDeadline(p, b, promised, cal)
  p.deadline = null // the clock stands still (补正) or the case is over, unless a step below runs
  p.legalDeadline = null
  switch (p.status) {
    case 'submitted':
    case 'pre_review':
      if (!p.clockStart) break
      p.deadline = addWorkingDays(p.clockStart, PRE_REVIEW_DAYS, cal)
      p.legalDeadline = addWorkingDays(p.clockStart, SUPPLEMENT_NOTICE_DAYS, cal)
      break
    case 'accepted':
    case 'in_progress':
      // The case is due when its last branch is. While every open branch is paused the case's
      // clock stands still; while some run, a paused one counts at the deadline it stopped at,
      // so pausing one branch never makes the case look due sooner.
      if (!p.branches.some((b) => b.deadline !== null)) break
      p.deadline = latest(p.branches.map((b) => frozenDeadline(p, b, promised, cal)))
      p.legalDeadline = latest(p.branches.map((b) => frozenDeadline(p, b, statutoryDays(rules, joint, p.extensionDays), cal)))
      break
    case 'decided':
      if (!p.clockStart) break
      p.deadline = addWorkingDays(p.clockStart, CERTIFICATE_DAYS, cal)
      p.legalDeadline = p.deadline
      break
  }
}

/**
 * The deadline of the step `e` closes, as it stood before `e`: the window's
 * pre-review (told to supplement, refused or accepted), a department's
 * decision, the certificate. The timeline says of each whether it was met.
 */
function closedStep(p: CaseProjection, e: CaseEvent, branch: Branch | undefined): string | undefined {
  switch (e.type) {
    case 'request_supplement':
    case 'refuse':
    case 'accept':
    case 'complete':
      return p.deadline ?? undefined
    case 'decide_branch':
      return branch?.deadline ?? undefined
    default:
      return undefined
  }
}

/**
 * The case after one more event, or a TransitionError saying why not (a
 * reason code, and its words fit to show). Never changes `p`. With
 * `duties`, a department's step is also checked against who signed the
 * others (DutyRules).
 */
export function applyEvent(p: CaseProjection, e: CaseEvent, rules: ItemClockRules, cal: WorkCalendar = CHINA_CALENDAR, duties?: DutyRules): CaseProjection {
  const refusal = refusalOf(p, e.actor, e.type, { body: e, day: e.day, duties })
  if (refusal) throw new TransitionError(refusal.code, refusal.reason, refusal.params)
  const n: CaseProjection = {
    ...p,
    branches: p.branches.map((b) => ({ ...b })),
    events: [...p.events, e],
  }
  const branch = (department: string): Branch => n.branches.find((x) => x.department === department)!
  switch (e.type) {
    case 'submit':
    case 'resubmit':
      n.status = 'submitted'
      n.clockStart = e.day
      n.supplement = undefined
      break
    case 'start_pre_review':
      n.status = 'pre_review'
      break
    case 'request_supplement':
      n.status = 'supplement_required'
      n.supplement = e.items
      n.clockStart = null
      break
    case 'refuse':
      n.status = 'not_accepted'
      n.refusal = { reason: e.reason, basis: e.basis }
      break
    case 'accept':
      n.status = 'accepted'
      // Art. 32: not told what to supplement within 5 working days, the case counts as accepted on receipt.
      n.clockStart = p.legalDeadline && p.clockStart && e.day > p.legalDeadline ? p.clockStart : e.day
      n.branches = [...new Set(e.departments)].map((department) => ({ department, status: 'pending', pausedDays: 0, deadline: null }))
      break
    case 'advance_branch': {
      const b = branch(e.department)
      b.status = NEXT_STEP[b.status as keyof typeof NEXT_STEP]
      n.status = 'in_progress'
      break
    }
    case 'decide_branch': {
      const b = branch(e.department)
      b.status = 'done'
      b.outcome = e.outcome
      if (e.outcome === 'denied') b.denial = { reason: e.opinion!.trim(), basis: e.basis!.trim() }
      if (n.branches.every((x) => x.status === 'done')) {
        n.status = 'decided'
        n.outcome = n.branches.some((x) => x.outcome === 'denied') ? 'denied' : 'approved'
        n.clockStart = e.day
      }
      break
    }
    case 'pause_branch': {
      const b = branch(e.department)
      b.resumeTo = b.status as NonNullable<Branch['resumeTo']>
      b.status = 'paused'
      b.pausedSince = e.day
      b.pause = { procedure: e.procedure, reason: e.reason, expectedEnd: e.expectedEnd }
      break
    }
    case 'resume_branch': {
      const b = branch(e.department)
      b.pausedDays += workingDaysBetween(b.pausedSince!, e.day, cal)
      b.status = b.resumeTo!
      b.resumeTo = undefined
      b.pausedSince = undefined
      b.pause = undefined
      break
    }
    case 'extend':
      n.extensionDays += e.days
      break
    case 'complete':
      n.status = 'completed'
      break
    case 'withdraw':
      n.status = 'withdrawn'
      break
  }
  refreshClocks(n, rules, cal)
  const department = 'department' in e ? e.department : undefined
  const before = department === undefined ? undefined : p.branches.find((b) => b.department === department)
  const after = department === undefined ? undefined : n.branches.find((b) => b.department === department)
  const due = closedStep(p, e, before)
  n.events[n.events.length - 1] = {
    ...e,
    from: p.status,
    to: n.status,
    ...(before && after ? { branchFrom: before.status, branchTo: after.status } : {}),
    ...(due ? { due } : {}),
  }
  return n
}

/** Folds a case's events, oldest first, into its projection; a bad event throws. */
export function project(events: readonly CaseEvent[], rules: ItemClockRules, cal: WorkCalendar = CHINA_CALENDAR): CaseProjection {
  return events.reduce((p, e) => applyEvent(p, e, rules, cal), emptyCase())
}

/**
 * The events this actor could send now (the shells show only these actions): those the machine's guards
 * (refusalOf) do not refuse before seeing the event's content. `today` rules out a supplement request past
 * Art. 32's limit, `duties` the steps this person may not sign (DutyRules).
 */
export function allowedEvents(p: CaseProjection, actor: Actor, today?: string, duties?: DutyRules): CaseEventBody['type'][] {
  return (Object.keys(TRANSITIONS) as CaseEventBody['type'][]).filter((t) => !refusalOf(p, actor, t, { day: today, duties }))
}
