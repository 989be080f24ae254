/**
 * The machine's guards: who may send each event from which statuses
 * (TRANSITIONS), and every further condition, as one function returning a
 * reason code (refusals.ts) or null. `applyEvent` throws what it returns
 * for an event; `allowedEvents` asks it, without an event body, for every
 * type — so the workbench offers exactly what the machine would accept.
 */
import { isCalendarDay } from '../clock/dates'
import { monthDayText } from '../clock/lights'
import { dutyRefusal, type DutyRules } from './duties'
import { signedStep, STEP_OPINION_LABELS } from './opinions'
import type { Refusal, RefusalParams, RefusalReason, TransitionCode } from './refusals'
import { BEFORE_ACCEPTANCE, BRANCH_STATUS_TEXT, CASE_STATUS_TEXT, type CaseStatus } from './status'
import { actsForDepartment, type Actor, type ActorRole, type Branch, type CaseEventBody, type CaseProjection } from './types'

/** Art. 42: 20 (+10) working days; joint handling 45 (+15). */
export const STATUTORY = { single: { days: 20, extension: 10 }, joint: { days: 45, extension: 15 } } as const

/** The most working days the decision period may be extended by (Art. 42): 10, or 15 handled jointly by several departments. */
export function maxExtensionDays(p: Pick<CaseProjection, 'branches'>): number {
  return p.branches.length > 1 ? STATUTORY.joint.extension : STATUTORY.single.extension
}

/** Who may send each event, and from which case statuses. */
export const TRANSITIONS: Record<CaseEventBody['type'], { from: readonly CaseStatus[]; roles: readonly ActorRole[] }> = {
  submit: { from: ['draft'], roles: ['citizen', 'agent'] },
  start_pre_review: { from: ['submitted'], roles: ['clerk', 'system'] },
  request_supplement: { from: ['pre_review'], roles: ['clerk'] },
  resubmit: { from: ['supplement_required'], roles: ['citizen', 'agent'] },
  refuse: { from: ['pre_review'], roles: ['clerk'] },
  accept: { from: ['pre_review'], roles: ['clerk'] },
  advance_branch: { from: ['accepted', 'in_progress'], roles: ['reviewer'] },
  // An approver's where the department separates duties (DutyRules); a reviewer's too where it does not.
  decide_branch: { from: ['in_progress'], roles: ['reviewer', 'approver'] },
  // A department may stop the clock (or the leader extend it) as soon as the case is accepted, before 承办.
  pause_branch: { from: ['accepted', 'in_progress'], roles: ['reviewer', 'approver'] },
  resume_branch: { from: ['accepted', 'in_progress'], roles: ['reviewer', 'approver'] },
  extend: { from: ['accepted', 'in_progress'], roles: ['leader'] },
  complete: { from: ['decided'], roles: ['clerk', 'system'] },
  withdraw: { from: BEFORE_ACCEPTANCE, roles: ['citizen', 'agent'] },
}

/** Whether the applicant may still withdraw a case in this status (before acceptance), as the machine says. */
export function withdrawable(status: CaseStatus): boolean {
  return TRANSITIONS.withdraw.from.includes(status)
}

/** Text a person must have written: an event from outside (a request body, a webhook) may lack it or send something else. */
const written = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/**
 * Art. 32 tells everything to supplement at once: once told, a later request
 * may name only what was named before (still not right) or what the
 * applicant changed when resubmitting (new facts bring new questions). Null
 * before the first request: anything may be named. Top-level field names.
 */
export function supplementScope(p: Pick<CaseProjection, 'events'>): string[] | null {
  let last = p.events.length - 1
  while (last >= 0 && p.events[last]!.type !== 'request_supplement') last--
  if (last < 0) return null
  const scope = new Set<string>()
  for (const e of p.events.slice(last)) {
    if (e.type === 'request_supplement') for (const i of e.items) scope.add(i.path.split('.')[0]!)
    if (e.type === 'resubmit') for (const c of e.changed ?? []) scope.add(c)
  }
  return [...scope]
}

export interface GuardContext {
  /** The event's content; absent, only what the case and the person decide is checked (allowedEvents). */
  body?: CaseEventBody
  /** The day it happens; absent, limits that depend on the day are not checked. */
  day?: string
  /**
   * Who may sign a department's steps: the workbench's people. Given, each such step also
   * needs its opinion (承办意见, 审核意见, 审批意见); an approval system keeps its own record.
   */
  duties?: DutyRules
}

const no = (code: TransitionCode, reason: RefusalReason, params?: RefusalParams): Refusal => (params ? { code, reason, params } : { code, reason })

type Body<T extends CaseEventBody['type']> = Extract<CaseEventBody, { type: T }> | undefined

/**
 * Why `actor` may not send an event of `type` to the case now, or null. In
 * the order the machine has always checked: status, role, duties, then
 * the event's own conditions.
 */
export function refusalOf(p: CaseProjection, actor: Actor, type: CaseEventBody['type'], ctx: GuardContext = {}): Refusal | null {
  const rule = TRANSITIONS[type]
  if (!rule) return no('invalid_event', 'unknown_event')
  if (!rule.from.includes(p.status)) return no('illegal_transition', 'status_not_allowed', { status: p.status, statusText: CASE_STATUS_TEXT[p.status] })
  if (!rule.roles.includes(actor.role)) return no('wrong_role', 'role_not_allowed')
  const { body, day } = ctx
  // A department's step names its department in the event; asked without an event, the actor's own.
  const department = body ? ('department' in body ? body.department : undefined) : actor.department
  if (ctx.duties && typeof department === 'string') {
    const refusal = dutyRefusal(p, actor, type, department, ctx.duties)
    if (refusal) return refusal
  }
  const branch = (): Branch | Refusal => {
    const b = p.branches.find((x) => x.department === department)
    if (!b) return no('invalid_event', 'no_such_branch', { department: String(department) })
    if (actsForDepartment(actor.role) && actor.department !== department) return no('wrong_department', 'other_department')
    return b
  }
  // The workbench's people sign 承办, 审核 and 审批 with their opinion (opinions.ts).
  const unsigned = (b: Branch): Refusal | null => {
    const step = body && ctx.duties ? signedStep(b.status, body as { type: CaseEventBody['type']; outcome?: string }) : null
    return step && !written((body as { opinion?: unknown }).opinion) ? no('invalid_event', 'opinion_missing', { opinionLabel: STEP_OPINION_LABELS[step] }) : null
  }
  const branchState = (b: Branch, reason: RefusalReason) => no('branch_state', reason, { branchStatus: b.status, branchStatusText: BRANCH_STATUS_TEXT[b.status] })
  switch (type) {
    case 'request_supplement': {
      const e = body as Body<'request_supplement'>
      if (e && (!Array.isArray(e.items) || !e.items.length || e.items.some((i) => !written(i?.path) || !written(i?.reason)))) return no('invalid_event', 'supplement_items_missing')
      // Art. 32: not told within 5 working days of receipt, the application counts as accepted on receipt.
      if (day && p.legalDeadline && day > p.legalDeadline) return no('invalid_event', 'supplement_notice_late', { legalDeadline: p.legalDeadline })
      const scope = e ? supplementScope(p) : null
      if (e && scope && e.items.some((i) => !scope.includes(i.path.split('.')[0]!))) return no('invalid_event', 'supplement_out_of_scope')
      return null
    }
    case 'refuse': {
      const e = body as Body<'refuse'>
      return e && (!written(e.reason) || !written(e.basis)) ? no('invalid_event', 'refusal_grounds_missing') : null
    }
    case 'accept': {
      const e = body as Body<'accept'>
      return e && !new Set(e.departments).size ? no('invalid_event', 'departments_missing') : null
    }
    case 'advance_branch': {
      const b = branch()
      if (!('status' in b)) return b
      return b.status === 'paused' || b.status === 'done' || b.status === 'approving' ? branchState(b, 'branch_cannot_advance') : unsigned(b)
    }
    case 'decide_branch': {
      const b = branch()
      if (!('status' in b)) return b
      if (b.status !== 'approving') return branchState(b, 'branch_not_approving')
      const e = body as Body<'decide_branch'>
      if (e && e.outcome !== 'approved' && e.outcome !== 'denied') return no('invalid_event', 'outcome_missing')
      // Art. 38: a decision not to license states its reasons (and the law), in writing.
      if (e && e.outcome === 'denied' && (!written(e.opinion) || !written(e.basis))) return no('invalid_event', 'denial_grounds_missing')
      return unsigned(b)
    }
    case 'pause_branch': {
      const b = branch()
      if (!('status' in b)) return b
      if (b.status === 'paused' || b.status === 'done') return branchState(b, 'branch_cannot_pause')
      const e = body as Body<'pause_branch'>
      if (!e) return null
      if (!written(e.procedure) || !written(e.reason)) return no('invalid_event', 'pause_grounds_missing')
      // Art. 45: the time the procedure needs is told to the applicant, so a pause cannot be open-ended.
      if (!written(e.expectedEnd)) return no('invalid_event', 'pause_end_missing')
      if (!isCalendarDay(e.expectedEnd) || (day !== undefined && e.expectedEnd < day)) return no('invalid_event', 'pause_end_invalid')
      return null
    }
    case 'resume_branch': {
      const b = branch()
      if (!('status' in b)) return b
      return b.status !== 'paused' || !b.pausedSince || !b.resumeTo ? branchState(b, 'branch_not_paused') : null
    }
    case 'extend': {
      // Judged on the event alone: the workbench offers 批准延期 while the case is with the departments.
      const e = body as Body<'extend'>
      if (!e) return null
      const max = maxExtensionDays(p)
      if (!Number.isInteger(e.days) || e.days < 1 || p.extensionDays + e.days > max) return no('invalid_event', 'extension_too_long', { max })
      if (!written(e.reason)) return no('invalid_event', 'extension_reason_missing')
      // Art. 42: the extension is approved within the period, not after it ran out.
      if (day && p.legalDeadline && day > p.legalDeadline) return no('invalid_event', 'extension_too_late', { legalDeadline: p.legalDeadline, legalDeadlineText: monthDayText(p.legalDeadline) })
      return null
    }
    case 'complete': {
      const c = (body as Body<'complete'>)?.certificate
      if (!c) return null
      if (p.outcome !== 'approved') return no('invalid_event', 'certificate_for_denied')
      if (!c.number.trim()) return no('invalid_event', 'certificate_number_missing')
      if (c.validUntil != null && !isCalendarDay(c.validUntil)) return no('invalid_event', 'certificate_validity_invalid')
      if (c.validUntil && day !== undefined && c.validUntil <= day) return no('invalid_event', 'certificate_validity_early')
      return null
    }
    default:
      return null
  }
}
