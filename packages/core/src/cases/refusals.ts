/**
 * Why the case machine refuses an event: a stable reason code (machine
 * readable, carried by the BFF's problem+json as `reason`) grouped under a
 * TransitionCode (which decides the HTTP status), and every refusal's
 * zh-CN wording in one table with `{param}` slots — the model is the forms'
 * messages.ts. Retired reasons are never reused.
 */

/** The kind of refusal: which status the BFF answers with (act.ts transitionProblem). */
export type TransitionCode = 'illegal_transition' | 'wrong_role' | 'wrong_department' | 'branch_state' | 'invalid_event' | 'separation_of_duties'

export const REFUSAL_MESSAGES = {
  // illegal_transition / wrong_role / wrong_department
  unknown_event: '不认识的办理操作',
  status_not_allowed: '办件{statusText}，不能进行这项操作',
  role_not_allowed: '您的岗位不能进行这项操作',
  other_department: '只能办理本部门的环节',
  // separation_of_duties (DutyRules)
  duty_approver_only: '本部门实行承办、审核、审批分离：审批须由本部门的批准人作出',
  duty_undertaker_reviews: '本部门实行承办、审核、审批分离：承办人不能审核自己承办的办件，请由本部门其他人员审核',
  duty_signer_approves: '本部门实行承办、审核、审批分离：批准人不能审批自己承办或审核过的办件，请由其他批准人审批',
  // branch_state
  branch_cannot_advance: '该环节{branchStatusText}，不能进入下一步',
  branch_not_approving: '审批环节才能作出决定',
  branch_cannot_pause: '该环节{branchStatusText}，不能暂停',
  branch_not_paused: '该环节没有暂停',
  // invalid_event: the event itself, or the law's limits
  no_such_branch: '这个办件没有“{department}”的办理环节',
  supplement_items_missing: '请逐项写明需要补正的内容和原因',
  supplement_notice_late: '已超过5个工作日的补正告知期限，依法自收到申请材料之日起即为受理，不能再要求补正',
  supplement_out_of_scope: '补正须一次性告知：再次要求补正只能针对上次告知的内容，或申请人这次改动过的内容',
  refusal_grounds_missing: '不予受理须写明理由和法律依据',
  departments_missing: '受理时须指定至少一个办理部门',
  outcome_missing: '请选择同意或不同意',
  denial_grounds_missing: '不予批准须写明理由和法律依据',
  opinion_missing: '请填写{opinionLabel}',
  pause_grounds_missing: '暂停须写明特别程序的种类和理由',
  pause_end_missing: '请填写特别程序的预计结束日期',
  pause_end_invalid: '预计结束日期应是今天或以后的日期',
  extension_too_long: '延长期限最多{max}个工作日',
  extension_reason_missing: '延长期限须写明理由',
  extension_too_late: '法定期限已于{legalDeadlineText}届满，不能再延长',
  certificate_for_denied: '不予许可的办件不发放证照',
  certificate_number_missing: '请填写证照编号',
  certificate_validity_invalid: '有效期不是一个真实的日期',
  certificate_validity_early: '有效期须晚于发证日期',
} as const

export type RefusalReason = keyof typeof REFUSAL_MESSAGES

/** The field of the event a refusal is about, where it is one field: the form marks it (problem+json `errors[].path`). */
export const REFUSAL_FIELDS: Partial<Record<RefusalReason, string>> = {
  opinion_missing: 'opinion',
}

export type RefusalParams = Record<string, string | number>

/** One refusal: its kind, its reason, and the values its wording names (codes beside their words). */
export interface Refusal {
  code: TransitionCode
  reason: RefusalReason
  params?: RefusalParams
}

export function isRefusalReason(key: unknown): key is RefusalReason {
  return typeof key === 'string' && Object.hasOwn(REFUSAL_MESSAGES, key)
}

/** A refusal in words; a slot with no param stays as written. */
export function refusalText(reason: RefusalReason, params: RefusalParams = {}): string {
  return REFUSAL_MESSAGES[reason].replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : slot)
}

/** The machine's refusal as thrown by applyEvent: `message` is the wording, fit to show. */
export class TransitionError extends Error {
  readonly reason: RefusalReason
  readonly params: RefusalParams
  constructor(readonly code: TransitionCode, reason: RefusalReason, params: RefusalParams = {}) {
    super(refusalText(reason, params))
    this.name = 'TransitionError'
    this.reason = reason
    this.params = params
  }
}
