/**
 * A case's story in plain words, one entry an event, by role or department,
 * never by name — for two audiences. The applicant's (办理进度, 办件查询)
 * carries what the law and the department tell the applicant: reasons,
 * what to supplement, the 告知申请人 text. The staff's adds what stays
 * inside: the steps' opinions (承办意见, 审核意见, 审批意见) and notes.
 */
import { monthDayText } from '../clock/lights'
import { STEP_OPINION_LABELS } from './opinions'
import { NEXT_STEP } from './status'
import { actsForDepartment, type ActorRole, type CaseEvent } from './types'

/** Whose step a deadline closed: the window's 受理审查 (pre-review), a department's decision, the window's certificate. */
export type DueStep = 'pre_review' | 'decision' | 'certificate'

export interface TimelineDue {
  day: string
  met: boolean
  step: DueStep
}

export interface TimelineEntry {
  at: string
  day: string
  /** What happened, in plain words. */
  text: string
  /** Who, by role or department — never a person's name. */
  by: string
  /** What the applicant is told with it: the reason, what to supplement, the department's 告知申请人 text. */
  detail?: string
  /** The staff step this closed: its deadline, and whether it was done by then. */
  due?: TimelineDue
}

/** One internal text on a step, with what it is (承办意见, 审核意见, 审批意见, 备注). */
export interface InternalText {
  label: string
  text: string
}

/** A staff timeline entry: the applicant's, plus what stays inside. */
export interface StaffTimelineEntry extends TimelineEntry {
  internal?: InternalText[]
}

const ROLE_TEXT: Record<ActorRole, string> = { citizen: '申请人', agent: '代办员', clerk: '窗口', reviewer: '办理部门', approver: '办理部门', leader: '分管领导', system: '系统' }
const STEP_TEXT: Record<'undertaking' | 'reviewing' | 'approving', string> = { undertaking: '承办', reviewing: '审核', approving: '审批' }

/** Each closed step's deadline by whose it is: never the applicant's (a 补正 has none; its clock stands still). */
export const DUE_STEP_TEXT: Record<DueStep, string> = { pre_review: '窗口受理审查期限', decision: '部门审查期限', certificate: '窗口发证期限' }

const DUE_STEP_OF: Partial<Record<CaseEvent['type'], DueStep>> = {
  request_supplement: 'pre_review', refuse: 'pre_review', accept: 'pre_review', decide_branch: 'decision', complete: 'certificate',
}

/** A closed step against its deadline, as both shells print it on its own line: whose deadline, the day, 按期 or 超期. */
export function dueText(due: TimelineDue): string {
  // A copy kept offline from before steps were named has none: still a deadline, not the applicant's.
  return `${DUE_STEP_TEXT[due.step] ?? '办理期限'}${monthDayText(due.day)}，${due.met ? '按期' : '超期'}`
}

const trimmed = (v: string | undefined): string => (typeof v === 'string' ? v.trim() : '')

/** Texts as one: a full stop between them unless the first ends a sentence already. */
function joined(parts: (string | undefined)[]): string | undefined {
  const kept = parts.map(trimmed).filter(Boolean)
  return kept.length ? kept.reduce((a, b) => (/[。；！？]$/.test(a) ? a + b : `${a}。${b}`)) : undefined
}

function entries(events: readonly CaseEvent[], departmentName: (code: string) => string): StaffTimelineEntry[] {
  const steps = new Map<string, 'pending' | 'undertaking' | 'reviewing' | 'approving'>()
  return events.map((e) => {
    // A department's own steps are told by the department: "示例市民政局 开始审核".
    const dept = 'department' in e && typeof e.department === 'string' ? e.department : e.actor.department
    const by = actsForDepartment(e.actor.role) && dept ? departmentName(dept) : ROLE_TEXT[e.actor.role]
    const step = DUE_STEP_OF[e.type]
    const entry = (text: string, told?: string, opinion?: InternalText): StaffTimelineEntry => {
      const detail = joined([told, 'toApplicant' in e ? e.toApplicant : undefined])
      const internal = [...(opinion && trimmed(opinion.text) ? [{ label: opinion.label, text: trimmed(opinion.text) }] : []), ...(trimmed(e.note) ? [{ label: '备注', text: trimmed(e.note) }] : [])]
      return {
        at: e.at, day: e.day, text, by,
        ...(detail ? { detail } : {}),
        ...(e.due && step ? { due: { day: e.due, met: e.day <= e.due, step } } : {}),
        ...(internal.length ? { internal } : {}),
      }
    }
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
        // The opinion is the step this closed: 承办意见 handing 承办 on, 审核意见 handing 审核 on.
        return entry(`开始${STEP_TEXT[next]}`, undefined, e.opinion ? { label: now === 'pending' ? '办理意见' : STEP_OPINION_LABELS[now], text: e.opinion } : undefined)
      }
      case 'decide_branch':
        // Art. 38: a denial's reasons and law are the applicant's to read; an approval's 审批意见 is not.
        return e.outcome === 'denied'
          ? entry('不予批准', e.basis ? `${trimmed(e.opinion)}（${e.basis.trim()}）` : e.opinion)
          : entry('同意', undefined, e.opinion ? { label: STEP_OPINION_LABELS.approving, text: e.opinion } : undefined)
      case 'pause_branch': return entry(`进入${e.procedure}，暂停计时`, e.reason)
      case 'resume_branch': return entry('恢复办理，继续计时')
      case 'extend': return entry(`办理期限延长${e.days}个工作日`, e.reason)
      case 'complete': return entry('办结，结果已出具', e.certificate ? `电子证照已发放到“我的证照”，编号${e.certificate.number}` : undefined)
      case 'withdraw': return entry('撤回了申请', e.reason)
    }
  })
}

/**
 * The case's story for the applicant (their case page, and 办件查询 without
 * the details), oldest first: never an opinion or a note staff wrote inside.
 */
export function timeline(events: readonly CaseEvent[], departmentName: (code: string) => string = (c) => c): TimelineEntry[] {
  return entries(events, departmentName).map(({ internal: _, ...told }) => told)
}

/** The same story for staff: each step also with its opinions and notes (`internal`). */
export function staffTimeline(events: readonly CaseEvent[], departmentName: (code: string) => string = (c) => c): StaffTimelineEntry[] {
  return entries(events, departmentName)
}

/** When the case entered the status it is in (its header's time; the submission is told apart). */
export function statusSince(events: readonly CaseEvent[]): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!
    if (e.from === undefined || e.from !== e.to || i === 0) return e.at
  }
  return null
}
