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
import { addWorkingDays, workingDaysBetween, isCalendarDay, type WorkCalendar, currentCalendar } from '../clock/calendar'
import { monthDayText } from '../clock/lights'

export type CaseStatus =
  | 'draft' | 'submitted' | 'pre_review' | 'supplement_required' | 'not_accepted'
  | 'accepted' | 'in_progress' | 'decided' | 'completed' | 'withdrawn'

export type BranchStatus = 'pending' | 'undertaking' | 'reviewing' | 'approving' | 'paused' | 'done'

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
  | { type: 'advance_branch'; department: string; opinion?: string }
  /** Denied: `opinion` is the reason and `basis` the law it rests on, both required (Art. 38). */
  | { type: 'decide_branch'; department: string; outcome: Outcome; opinion?: string; basis?: string }
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
/** Art. 42: 20 (+10) working days; joint handling 45 (+15). */
export const STATUTORY = { single: { days: 20, extension: 10 }, joint: { days: 45, extension: 15 } } as const

export type TransitionCode = 'illegal_transition' | 'wrong_role' | 'wrong_department' | 'branch_state' | 'invalid_event' | 'separation_of_duties'

export class TransitionError extends Error {
  constructor(readonly code: TransitionCode, message: string) {
    super(message)
    this.name = 'TransitionError'
  }
}

const BEFORE_ACCEPTANCE: CaseStatus[] = ['submitted', 'pre_review', 'supplement_required']
const NEXT_STEP: Record<'pending' | 'undertaking' | 'reviewing', BranchStatus> = { pending: 'undertaking', undertaking: 'reviewing', reviewing: 'approving' }

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

function fail(code: TransitionCode, message: string): never {
  throw new TransitionError(code, message)
}

/** Text a person must have written: an event from outside (a request body, a webhook) may lack it or send something else. */
const written = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

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

/** Whether the applicant may still withdraw a case in this status (before acceptance), as the machine says. */
export function withdrawable(status: CaseStatus): boolean {
  return TRANSITIONS.withdraw.from.includes(status)
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

function branchOf(p: CaseProjection, department: string, actor: Actor): Branch {
  const b = p.branches.find((x) => x.department === department)
  if (!b) fail('invalid_event', `这个办件没有“${department}”的办理环节`)
  if (actsForDepartment(actor.role) && actor.department !== department) fail('wrong_department', '只能办理本部门的环节')
  return b
}

/**
 * A department's rule for who signs its steps. Chinese administrative
 * practice signs 承办人 / 审核人 / 批准人 as different people; a department
 * too small for that may be switched off (the BFF keeps it per department,
 * on by default).
 */
export interface DutyRules {
  /** Whether this department's 承办, 审核 and 审批 of one case are three people, 审批 by an approver. */
  separateDuties(department: string): boolean
}

export const DUTY_TEXT = {
  approver_only: '本部门实行承办、审核、审批分离：审批须由本部门的批准人作出',
  undertaker_reviews: '本部门实行承办、审核、审批分离：承办人不能审核自己承办的办件，请由本部门其他人员审核',
  signer_approves: '本部门实行承办、审核、审批分离：批准人不能审批自己承办或审核过的办件，请由其他批准人审批',
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
): { code: TransitionCode; message: string } | null {
  if (!duties || (type !== 'advance_branch' && type !== 'decide_branch') || !duties.separateDuties(department)) return null
  const branch = p.branches.find((b) => b.department === department)
  if (!branch) return null
  const signed = branchSigners(p, department)
  if (type === 'advance_branch') {
    return branch.status === 'reviewing' && signed.undertake.includes(actor.id) ? { code: 'separation_of_duties', message: DUTY_TEXT.undertaker_reviews } : null
  }
  if (actor.role !== 'approver') return { code: 'wrong_role', message: DUTY_TEXT.approver_only }
  if (signed.undertake.includes(actor.id) || signed.review.includes(actor.id)) return { code: 'separation_of_duties', message: DUTY_TEXT.signer_approves }
  return null
}

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
 * The case after one more event, or a TransitionError saying why not (in
 * Chinese, fit to show). Never changes `p`. With `duties`, a department's
 * step is also checked against who signed the others (DutyRules).
 */
export function applyEvent(p: CaseProjection, e: CaseEvent, rules: ItemClockRules, cal: WorkCalendar = currentCalendar(), duties?: DutyRules): CaseProjection {
  const rule = TRANSITIONS[e.type]
  if (!rule) fail('invalid_event', '不认识的办理操作')
  if (!rule.from.includes(p.status)) fail('illegal_transition', `办件${CASE_STATUS_TEXT[p.status]}，不能进行这项操作`)
  if (!rule.roles.includes(e.actor.role)) fail('wrong_role', '您的岗位不能进行这项操作')
  if (duties && 'department' in e && typeof e.department === 'string') {
    const refusal = dutyRefusal(p, e.actor, e.type, e.department, duties)
    if (refusal) fail(refusal.code, refusal.message)
  }
  const n: CaseProjection = {
    ...p,
    branches: p.branches.map((b) => ({ ...b })),
    events: [...p.events, e],
  }
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
      if (!Array.isArray(e.items) || !e.items.length || e.items.some((i) => !written(i?.path) || !written(i?.reason))) fail('invalid_event', '请逐项写明需要补正的内容和原因')
      // Art. 32: not told within 5 working days of receipt, the application counts as accepted on receipt.
      if (p.legalDeadline && e.day > p.legalDeadline) fail('invalid_event', '已超过5个工作日的补正告知期限，依法自收到申请材料之日起即为受理，不能再要求补正')
      {
        const scope = supplementScope(p)
        if (scope && e.items.some((i) => !scope.includes(i.path.split('.')[0]!))) {
          fail('invalid_event', '补正须一次性告知：再次要求补正只能针对上次告知的内容，或申请人这次改动过的内容')
        }
      }
      n.status = 'supplement_required'
      n.supplement = e.items
      n.clockStart = null
      break
    case 'refuse':
      if (!written(e.reason) || !written(e.basis)) fail('invalid_event', '不予受理须写明理由和法律依据')
      n.status = 'not_accepted'
      n.refusal = { reason: e.reason, basis: e.basis }
      break
    case 'accept': {
      const departments = [...new Set(e.departments)]
      if (!departments.length) fail('invalid_event', '受理时须指定至少一个办理部门')
      n.status = 'accepted'
      // Art. 32: not told what to supplement within 5 working days, the case counts as accepted on receipt.
      n.clockStart = p.legalDeadline && p.clockStart && e.day > p.legalDeadline ? p.clockStart : e.day
      n.branches = departments.map((department) => ({ department, status: 'pending', pausedDays: 0, deadline: null }))
      break
    }
    case 'advance_branch': {
      const b = branchOf(n, e.department, e.actor)
      if (b.status === 'paused' || b.status === 'done' || b.status === 'approving') fail('branch_state', `该环节${BRANCH_STATUS_TEXT[b.status]}，不能进入下一步`)
      b.status = NEXT_STEP[b.status]
      n.status = 'in_progress'
      break
    }
    case 'decide_branch': {
      const b = branchOf(n, e.department, e.actor)
      if (b.status !== 'approving') fail('branch_state', '审批环节才能作出决定')
      if (e.outcome !== 'approved' && e.outcome !== 'denied') fail('invalid_event', '请选择同意或不同意')
      // Art. 38: a decision not to license states its reasons (and the law), in writing.
      if (e.outcome === 'denied' && (!written(e.opinion) || !written(e.basis))) fail('invalid_event', '不予批准须写明理由和法律依据')
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
      const b = branchOf(n, e.department, e.actor)
      if (b.status === 'paused' || b.status === 'done') fail('branch_state', `该环节${BRANCH_STATUS_TEXT[b.status]}，不能暂停`)
      if (!written(e.procedure) || !written(e.reason)) fail('invalid_event', '暂停须写明特别程序的种类和理由')
      // Art. 45: the time the procedure needs is told to the applicant, so a pause cannot be open-ended.
      if (!written(e.expectedEnd)) fail('invalid_event', '请填写特别程序的预计结束日期')
      if (!isCalendarDay(e.expectedEnd) || e.expectedEnd < e.day) fail('invalid_event', '预计结束日期应是今天或以后的日期')
      b.resumeTo = b.status
      b.status = 'paused'
      b.pausedSince = e.day
      b.pause = { procedure: e.procedure, reason: e.reason, expectedEnd: e.expectedEnd }
      break
    }
    case 'resume_branch': {
      const b = branchOf(n, e.department, e.actor)
      if (b.status !== 'paused' || !b.pausedSince || !b.resumeTo) fail('branch_state', '该环节没有暂停')
      b.pausedDays += workingDaysBetween(b.pausedSince, e.day, cal)
      b.status = b.resumeTo
      b.resumeTo = undefined
      b.pausedSince = undefined
      b.pause = undefined
      break
    }
    case 'extend': {
      const joint = n.branches.length > 1
      const max = joint ? STATUTORY.joint.extension : STATUTORY.single.extension
      if (!Number.isInteger(e.days) || e.days < 1 || n.extensionDays + e.days > max) fail('invalid_event', `延长期限最多${max}个工作日`)
      if (!written(e.reason)) fail('invalid_event', '延长期限须写明理由')
      // Art. 42: the extension is approved within the period, not after it ran out.
      if (n.legalDeadline && e.day > n.legalDeadline) fail('invalid_event', `法定期限已于${monthDayText(n.legalDeadline)}届满，不能再延长`)
      n.extensionDays += e.days
      break
    }
    case 'complete':
      if (e.certificate) {
        if (n.outcome !== 'approved') fail('invalid_event', '不予许可的办件不发放证照')
        if (!e.certificate.number.trim()) fail('invalid_event', '请填写证照编号')
        if (e.certificate.validUntil != null && !isCalendarDay(e.certificate.validUntil)) fail('invalid_event', '有效期不是一个真实的日期')
        if (e.certificate.validUntil && e.certificate.validUntil <= e.day) fail('invalid_event', '有效期须晚于发证日期')
      }
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
export function project(events: readonly CaseEvent[], rules: ItemClockRules, cal: WorkCalendar = currentCalendar()): CaseProjection {
  return events.reduce((p, e) => applyEvent(p, e, rules, cal), emptyCase())
}

/**
 * The events this actor could send now (the shells show only these actions); `today` rules out a supplement request past
 * Art. 32's limit, `duties` the steps this person may not sign (DutyRules).
 */
export function allowedEvents(p: CaseProjection, actor: Actor, today?: string, duties?: DutyRules): CaseEventBody['type'][] {
  return (Object.keys(TRANSITIONS) as CaseEventBody['type'][]).filter((t) => {
    const r = TRANSITIONS[t]
    if (!r.from.includes(p.status) || !r.roles.includes(actor.role)) return false
    if (t === 'request_supplement' && today && p.legalDeadline && today > p.legalDeadline) return false
    if (!actsForDepartment(actor.role)) return true
    const b = p.branches.find((x) => x.department === actor.department)
    if (!b) return false
    if (dutyRefusal(p, actor, t, b.department, duties)) return false
    switch (t) {
      case 'advance_branch': return b.status === 'pending' || b.status === 'undertaking' || b.status === 'reviewing'
      case 'decide_branch': return b.status === 'approving'
      case 'pause_branch': return b.status !== 'paused' && b.status !== 'done'
      case 'resume_branch': return b.status === 'paused'
      default: return true
    }
  })
}

export interface TimelineEntry {
  at: string
  day: string
  /** What happened, in plain words. */
  text: string
  /** Who, by role or department — never a person's name. */
  by: string
  /** The reason, opinion or note that came with it. */
  detail?: string
  /** The step this closed: its deadline, and whether it was done by then. */
  due?: { day: string; met: boolean }
}

const ROLE_TEXT: Record<ActorRole, string> = { citizen: '申请人', agent: '代办员', clerk: '窗口', reviewer: '办理部门', approver: '办理部门', leader: '分管领导', system: '系统' }
const STEP_TEXT: Record<'undertaking' | 'reviewing' | 'approving', string> = { undertaking: '承办', reviewing: '审核', approving: '审批' }

/** The case's story for the citizen (and the same for staff), oldest first. */
/** A closed step against its deadline, as both shells print it after the step: 按期 or 超期, and the day. */
export function dueText(due: { day: string; met: boolean }): string {
  return `${due.met ? '按期' : '超期'}（期限${monthDayText(due.day)}）`
}

export function timeline(events: readonly CaseEvent[], departmentName: (code: string) => string = (c) => c): TimelineEntry[] {
  const steps = new Map<string, 'pending' | 'undertaking' | 'reviewing' | 'approving'>()
  return events.map((e) => {
    // A department's own steps are told by the department: "示例市民政局 开始审核".
    const dept = 'department' in e && typeof e.department === 'string' ? e.department : e.actor.department
    const by = actsForDepartment(e.actor.role) && dept ? departmentName(dept) : ROLE_TEXT[e.actor.role]
    const entry = (text: string, detail?: string): TimelineEntry => ({
      at: e.at, day: e.day, text, by,
      ...(detail ?? e.note ? { detail: detail ?? e.note } : {}),
      ...(e.due ? { due: { day: e.due, met: e.day <= e.due } } : {}),
    })
    switch (e.type) {
      case 'submit': return entry('提交了申请')
      case 'start_pre_review': return entry('开始预审')
      case 'request_supplement': return entry('请补正材料（一次性告知）', e.items.map((i) => i.reason).join('；'))
      case 'resubmit': return entry('补正后重新提交')
      case 'refuse': return entry('决定不予受理', `${e.reason}（${e.basis}）`)
      case 'accept':
        for (const d of e.departments) steps.set(d, 'pending')
        return entry(`受理，交${e.departments.map(departmentName).join('、')}办理`)
      case 'advance_branch': {
        const now = steps.get(e.department) ?? 'pending'
        const next = NEXT_STEP[now === 'approving' ? 'reviewing' : now] as 'undertaking' | 'reviewing' | 'approving'
        steps.set(e.department, next)
        return entry(`开始${STEP_TEXT[next]}`, e.opinion)
      }
      case 'decide_branch': return entry(e.outcome === 'approved' ? '同意' : '不予批准', e.outcome === 'denied' && e.basis ? `${e.opinion?.trim() ?? ''}（${e.basis.trim()}）` : e.opinion)
      case 'pause_branch': return entry(`进入${e.procedure}，暂停计时`, e.reason)
      case 'resume_branch': return entry('恢复办理，继续计时')
      case 'extend': return entry(`办理期限延长${e.days}个工作日`, e.reason)
      case 'complete': return entry('办结，结果已出具', e.certificate ? `电子证照已发放到“我的证照”，编号${e.certificate.number}` : undefined)
      case 'withdraw': return entry('撤回了申请', e.reason)
    }
  })
}
