/**
 * A case's story in plain words (the citizen's 办理进度, the same for
 * staff): one entry an event, by role or department, never by name.
 */
import { monthDayText } from '../clock/lights'
import { NEXT_STEP } from './status'
import { actsForDepartment, type ActorRole, type CaseEvent } from './types'

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

/** A closed step against its deadline, as both shells print it after the step: 按期 or 超期, and the day. */
export function dueText(due: { day: string; met: boolean }): string {
  return `${due.met ? '按期' : '超期'}（期限${monthDayText(due.day)}）`
}

/** The case's story for the citizen (and the same for staff), oldest first. */
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
