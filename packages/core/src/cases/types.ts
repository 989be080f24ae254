/**
 * What a case is made of: its events (who did what, when) and the
 * projection the machine folds them into (status, department branches,
 * clocks). Types only, besides the department roles they name.
 */
import type { BranchStatus, CaseStatus } from './status'

export type ActorRole = 'citizen' | 'agent' | 'clerk' | 'reviewer' | 'approver' | 'leader' | 'system'

/** The roles that act for a department (on its branch only): 承办/审核 (reviewer) and 审批 (approver). */
export const DEPARTMENT_ROLES = ['reviewer', 'approver'] as const satisfies readonly ActorRole[]
export const actsForDepartment = (role: ActorRole): boolean => (DEPARTMENT_ROLES as readonly ActorRole[]).includes(role)

export type Outcome = 'approved' | 'denied'

export interface Actor {
  role: ActorRole
  id: string
  /** For a reviewer or an approver: the department they act for. */
  department?: string
}

/** What is missing or wrong, per field or material, all at once (Art. 32). */
export interface SupplementItem {
  path: string
  reason: string
}

export type CaseEventBody =
  | { type: 'submit' }
  | { type: 'start_pre_review' }
  | { type: 'request_supplement'; items: SupplementItem[] }
  /** `changed`: the top-level fields the citizen changed in this resubmission (stamped by the server). */
  | { type: 'resubmit'; changed?: string[] }
  | { type: 'refuse'; reason: string; basis: string }
  | { type: 'accept'; departments: string[] }
  /**
   * `opinion`: the 承办意见 or 审核意见 of the step this closes — internal, for staff and the approval
   * record, never shown to the applicant (required from the workbench, StepOpinion). `toApplicant`: what
   * the department chooses to tell the applicant (告知申请人), shown on their timeline.
   */
  | { type: 'advance_branch'; department: string; opinion?: string; toApplicant?: string }
  /**
   * Approved: `opinion` is the 审批意见, internal like the others. Denied: `opinion` is the reason and
   * `basis` the law it rests on, both required and both told to the applicant (Art. 38).
   */
  | { type: 'decide_branch'; department: string; outcome: Outcome; opinion?: string; basis?: string; toApplicant?: string }
  /** Art. 45: the applicant is told in writing how long the special procedure takes, so `expectedEnd` is required. */
  | { type: 'pause_branch'; department: string; procedure: string; reason: string; expectedEnd: string }
  | { type: 'resume_branch'; department: string }
  | { type: 'extend'; days: number; reason: string }
  | { type: 'complete'; certificate?: CertificateIssue }
  | { type: 'withdraw'; reason?: string }

/** The licence issued with an approved case's result (Art. 39): into the applicant's 电子证照 wallet. */
export interface CertificateIssue {
  /** 证照编号 as printed. */
  number: string
  /** null or absent: long-term (长期). */
  validUntil?: string | null
}

/**
 * `day` is the Asia/Shanghai calendar date of `at`; clocks count in days.
 * `from`/`to` are the case's status before and after, and for a department's
 * step its branch's (`branchFrom`/`branchTo`): stamped by `applyEvent`, so a
 * stored event says what it changed without replaying the case.
 */
export type CaseEvent = CaseEventBody & {
  at: string
  day: string
  actor: Actor
  /** A staff member's note on the step: internal, like an opinion (the applicant's timeline never shows it). */
  note?: string
  from?: CaseStatus
  to?: CaseStatus
  branchFrom?: BranchStatus
  branchTo?: BranchStatus
  /** The deadline of the step this event closed (pre-review, a department's decision, the certificate): stamped by `applyEvent`. */
  due?: string
}

export interface Branch {
  department: string
  status: BranchStatus
  /** Where a paused branch resumes. */
  resumeTo?: Exclude<BranchStatus, 'paused' | 'done'>
  outcome?: Outcome
  pausedSince?: string
  /** Working days spent paused so far (closed pauses only). */
  pausedDays: number
  pause?: { procedure: string; reason: string; expectedEnd: string }
  /** Why the department said no, and the law it rests on (Art. 38). */
  denial?: { reason: string; basis: string }
  deadline: string | null
}

export interface ItemClockRules {
  /** 承诺办结时限: what the light tracks. */
  promisedDays: number
  /** 法定办结时限 (20 under Art. 42); null where the law sets none. */
  statutoryDays: number | null
}

export interface CaseProjection {
  status: CaseStatus
  branches: Branch[]
  outcome?: Outcome
  /** The day the current clock started (submission or resubmission, acceptance, decision). */
  clockStart: string | null
  /** The deadline of the step the case is in; null while the clock is stopped or the case is over. */
  deadline: string | null
  /**
   * The law's limit for the same step, which the promise (`deadline`) may be
   * earlier than: Art. 32's 5 working days to tell the applicant what to
   * supplement (past it the case counts as accepted on receipt), Art. 42's
   * 20 (+10) or 45 (+15) for the decision, Art. 44's 10 for the certificate.
   */
  legalDeadline: string | null
  extensionDays: number
  supplement?: SupplementItem[]
  refusal?: { reason: string; basis: string }
  events: CaseEvent[]
}

