/**
 * 承办 / 审核 / 批准: who may sign a department's steps. Chinese
 * administrative practice signs them as different people; a department too
 * small for that may be switched off (the BFF keeps it per department, on
 * by default). The machine checks these when given the rules (DutyRules).
 */
import { REFUSAL_MESSAGES, type Refusal } from './refusals'
import type { Actor, CaseEventBody, CaseProjection } from './types'

/** A department's rule for who signs its steps. */
export interface DutyRules {
  /** Whether this department's 承办, 审核 and 审批 of one case are three people, 审批 by an approver. */
  separateDuties(department: string): boolean
}

/** The wording of each duty refusal (the machine's message table, under these names). */
export const DUTY_TEXT = {
  approver_only: REFUSAL_MESSAGES.duty_approver_only,
  undertaker_reviews: REFUSAL_MESSAGES.duty_undertaker_reviews,
  signer_approves: REFUSAL_MESSAGES.duty_signer_approves,
} as const

/** Who has signed each step of a department's branch so far (actor ids): 承办 (taking it, handing it on), 审核, 审批. */
export function branchSigners(p: Pick<CaseProjection, 'events'>, department: string): { undertake: string[]; review: string[]; approve: string[] } {
  const signed = { undertake: [] as string[], review: [] as string[], approve: [] as string[] }
  for (const e of p.events) {
    if (!('department' in e) || e.department !== department) continue
    if (e.type === 'advance_branch') (e.branchFrom === 'reviewing' ? signed.review : signed.undertake).push(e.actor.id)
    if (e.type === 'decide_branch') signed.approve.push(e.actor.id)
  }
  return signed
}

/**
 * Why this person may not sign this step of the department's branch under
 * its duty rules, or null: 审核 not by a 承办人, 审批 only by an approver who
 * neither undertook nor reviewed the case. No rules given: nothing to check.
 */
export function dutyRefusal(
  p: Pick<CaseProjection, 'events' | 'branches'>, actor: Actor, type: CaseEventBody['type'], department: string, duties: DutyRules | undefined,
): Refusal | null {
  if (!duties || (type !== 'advance_branch' && type !== 'decide_branch') || !duties.separateDuties(department)) return null
  const branch = p.branches.find((b) => b.department === department)
  if (!branch) return null
  const signed = branchSigners(p, department)
  if (type === 'advance_branch') {
    return branch.status === 'reviewing' && signed.undertake.includes(actor.id) ? { code: 'separation_of_duties', reason: 'duty_undertaker_reviews' } : null
  }
  if (actor.role !== 'approver') return { code: 'wrong_role', reason: 'duty_approver_only' }
  if (signed.undertake.includes(actor.id) || signed.review.includes(actor.id)) return { code: 'separation_of_duties', reason: 'duty_signer_approves' }
  return null
}
