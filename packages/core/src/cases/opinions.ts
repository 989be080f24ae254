/**
 * Staff write for two audiences. Each of a department's steps is signed with
 * its opinion — 承办意见, 审核意见, 审批意见: the record of who decided what,
 * read by staff and the approval record, never by the applicant. What the
 * applicant reads of such a step is a separate, optional 告知申请人 text
 * (`toApplicant`). The workbench's people must write the opinion (the
 * machine checks it when given DutyRules, as it does who signs); an approval
 * system reporting by webhook keeps its own record.
 */
import type { BranchStatus } from './status'
import type { CaseEventBody } from './types'

/** The steps signed with an opinion. */
export type SignedStep = 'undertaking' | 'reviewing' | 'approving'

export const STEP_OPINION_LABELS: Record<SignedStep, string> = { undertaking: '承办意见', reviewing: '审核意见', approving: '审批意见' }

/** The longest opinion or 告知申请人 text the workbench takes (the event schema's bound). */
export const MAX_OPINION_LENGTH = 1000

/**
 * The step whose opinion an event of `type` signs on a branch in `branch`, or
 * null where none is asked: taking the case (pending → 承办), a denial (its
 * reasons are told to the applicant and checked as such, Art. 38).
 */
export function signedStep(branch: BranchStatus | undefined, body: Pick<CaseEventBody, 'type'> & { outcome?: string }): SignedStep | null {
  if (body.type === 'advance_branch') return branch === 'undertaking' || branch === 'reviewing' ? branch : null
  if (body.type === 'decide_branch') return branch === 'approving' && body.outcome !== 'denied' ? 'approving' : null
  return null
}
