/**
 * The case's and a branch's statuses, their words, and the named groups
 * every other place asks about (closed, before acceptance, at the window):
 * the one home of those lists, so the machine, the BFF's SQL and lists and
 * both shells cannot come to disagree.
 */
export type CaseStatus =
  | 'draft' | 'submitted' | 'pre_review' | 'supplement_required' | 'not_accepted'
  | 'accepted' | 'in_progress' | 'decided' | 'completed' | 'withdrawn'

export type BranchStatus = 'pending' | 'undertaking' | 'reviewing' | 'approving' | 'paused' | 'done'

export const CASE_STATUS_TEXT: Record<CaseStatus, string> = {
  draft: '草稿',
  submitted: '已提交，待受理',
  pre_review: '窗口预审中',
  supplement_required: '需要补正材料',
  not_accepted: '不予受理',
  accepted: '已受理',
  in_progress: '部门办理中',
  decided: '已作出决定',
  completed: '已办结',
  withdrawn: '已撤回',
}

export const BRANCH_STATUS_TEXT: Record<BranchStatus, string> = {
  pending: '待承办',
  undertaking: '承办中',
  reviewing: '审核中',
  approving: '审批中',
  paused: '特别程序（暂停计时）',
  done: '已办结',
}

/** Terminal: nothing more happens to the case (办结, 不予受理, 撤回); the workbench queues and the sweeps skip them. */
export const CLOSED_STATUSES = ['completed', 'not_accepted', 'withdrawn'] as const satisfies readonly CaseStatus[]

/** Submitted but not yet accepted (受理): the applicant may still withdraw, and no department's clock runs. */
export const BEFORE_ACCEPTANCE = ['submitted', 'pre_review', 'supplement_required'] as const satisfies readonly CaseStatus[]

/** Waiting for the window's pre-review, whose 2-day promise and Art. 32's 5-day limit run. */
export const PRE_REVIEW_STATUSES = ['submitted', 'pre_review'] as const satisfies readonly CaseStatus[]

/** The window (受理窗口) answers for the case: to pre-review it, or, once decided, to issue the result. */
export const WINDOW_STATUSES = ['submitted', 'pre_review', 'decided'] as const satisfies readonly CaseStatus[]

const within = (group: readonly CaseStatus[]) => (status: CaseStatus): boolean => group.includes(status)

export const isClosed = within(CLOSED_STATUSES)
export const isBeforeAcceptance = within(BEFORE_ACCEPTANCE)
export const isAwaitingPreReview = within(PRE_REVIEW_STATUSES)
export const isAtWindow = within(WINDOW_STATUSES)

/** A branch's next step when a department hands it on (advance_branch). */
export const NEXT_STEP: Record<'pending' | 'undertaking' | 'reviewing', BranchStatus> = { pending: 'undertaking', undertaking: 'reviewing', reviewing: 'approving' }
