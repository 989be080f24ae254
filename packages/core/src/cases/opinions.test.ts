import { describe, expect, it } from 'vitest'
import {
  applyEvent, dueText, project, staffTimeline, statusSince, timeline, TransitionError,
  type Actor, type CaseEvent, type CaseEventBody, type CaseProjection, type DutyRules, type ItemClockRules,
} from './machine'

const rules: ItemClockRules = { promisedDays: 5, statutoryDays: 20 }
const citizen: Actor = { role: 'citizen', id: 'c1' }
const clerk: Actor = { role: 'clerk', id: 's1' }
const li: Actor = { role: 'reviewer', id: 'li', department: 'scjg' }
const zhao: Actor = { role: 'reviewer', id: 'zhao', department: 'scjg' }
const sun: Actor = { role: 'approver', id: 'sun', department: 'scjg' }
const workbench: DutyRules = { separateDuties: () => true }
const ev = (body: CaseEventBody, actor: Actor, day: string, hour = '02'): CaseEvent => ({ ...body, actor, day, at: `${day}T${hour}:00:00Z` })
const INTERNAL = '材料齐全，经营场所符合要求，拟同意。'

const accepted = () => project([
  ev({ type: 'submit' }, citizen, '2026-03-02'),
  ev({ type: 'start_pre_review' }, clerk, '2026-03-03'),
  ev({ type: 'accept', departments: ['scjg'] }, clerk, '2026-03-04'),
], rules)
/** From the workbench: the machine is given the duty rules. */
const act = (p: CaseProjection, e: CaseEvent) => applyEvent(p, e, rules, undefined, workbench)
const refusal = (p: CaseProjection, e: CaseEvent): string | null => {
  try { act(p, e); return null } catch (err) { return (err as TransitionError).message }
}

describe('each step of a department is signed with its opinion (from the workbench)', () => {
  const taken = () => act(accepted(), ev({ type: 'advance_branch', department: 'scjg' }, li, '2026-03-05'))

  it('takes the case (承办) without one, but hands 承办 and 审核 on and approves only with one', () => {
    expect(taken().branches[0]!.status).toBe('undertaking')
    expect(refusal(taken(), ev({ type: 'advance_branch', department: 'scjg' }, li, '2026-03-05'))).toBe('请填写承办意见')
    expect(refusal(taken(), ev({ type: 'advance_branch', department: 'scjg', opinion: '  ' }, li, '2026-03-05'))).toBe('请填写承办意见')
    const reviewing = act(taken(), ev({ type: 'advance_branch', department: 'scjg', opinion: INTERNAL }, li, '2026-03-05'))
    expect(refusal(reviewing, ev({ type: 'advance_branch', department: 'scjg' }, zhao, '2026-03-06'))).toBe('请填写审核意见')
    const approving = act(reviewing, ev({ type: 'advance_branch', department: 'scjg', opinion: '同意承办意见' }, zhao, '2026-03-06'))
    expect(refusal(approving, ev({ type: 'decide_branch', department: 'scjg', outcome: 'approved' }, sun, '2026-03-06'))).toBe('请填写审批意见')
    // A denial's reasons are its opinion, checked as such (Art. 38).
    expect(refusal(approving, ev({ type: 'decide_branch', department: 'scjg', outcome: 'denied' }, sun, '2026-03-06'))).toBe('不予批准须写明理由和法律依据')
    expect(act(approving, ev({ type: 'decide_branch', department: 'scjg', outcome: 'approved', opinion: '同意' }, sun, '2026-03-06')).status).toBe('decided')
  })

  it('leaves an approval system its own record: its steps come without the workbench rules', () => {
    const sys: Actor = { role: 'reviewer', id: 'approval-system', department: 'scjg' }
    const p = [1, 2, 3].reduce((q) => applyEvent(q, ev({ type: 'advance_branch', department: 'scjg' }, sys, '2026-03-05'), rules), accepted())
    expect(applyEvent(p, ev({ type: 'decide_branch', department: 'scjg', outcome: 'approved' }, sys, '2026-03-06'), rules).status).toBe('decided')
  })
})

describe('staff write for two audiences', () => {
  const decided = () => [
    ev({ type: 'advance_branch', department: 'scjg' }, li, '2026-03-05'),
    ev({ type: 'advance_branch', department: 'scjg', opinion: INTERNAL, toApplicant: '您的材料已审查完毕，正在审核。' }, li, '2026-03-05'),
    { ...ev({ type: 'advance_branch', department: 'scjg', opinion: '同意承办意见' }, zhao, '2026-03-06'), note: '已电话核实经营地址' },
    ev({ type: 'decide_branch', department: 'scjg', outcome: 'approved', opinion: '同意，准予许可' }, sun, '2026-03-06'),
  ].reduce(act, accepted())

  it('never puts an opinion or a note on the applicant\'s timeline; what the department tells them is there', () => {
    const told = timeline(decided().events, () => '示例市市场监督管理局')
    const all = JSON.stringify(told)
    for (const inside of [INTERNAL, '同意承办意见', '已电话核实经营地址', '同意，准予许可']) expect(all).not.toContain(inside)
    expect(told.slice(-4).map((t) => [t.text, t.detail])).toEqual([
      ['开始承办', undefined], ['开始审核', '您的材料已审查完毕，正在审核。'], ['开始审批', undefined], ['同意', undefined],
    ])
    expect(told.every((t) => !('internal' in t))).toBe(true)
  })

  it('shows staff each opinion under the step it signed, and the note', () => {
    const inside = staffTimeline(decided().events).slice(-4).map((t) => t.internal)
    expect(inside).toEqual([
      undefined,
      [{ label: '承办意见', text: INTERNAL }],
      [{ label: '审核意见', text: '同意承办意见' }, { label: '备注', text: '已电话核实经营地址' }],
      [{ label: '审批意见', text: '同意，准予许可' }],
    ])
    // The applicant's words are the same for staff: what the applicant reads.
    expect(staffTimeline(decided().events).at(-3)?.detail).toBe('您的材料已审查完毕，正在审核。')
  })

  it('tells the applicant a denial\'s reasons and law, with anything the department adds', () => {
    const approving = [
      ev({ type: 'advance_branch', department: 'scjg' }, li, '2026-03-05'),
      ev({ type: 'advance_branch', department: 'scjg', opinion: INTERNAL }, li, '2026-03-05'),
      ev({ type: 'advance_branch', department: 'scjg', opinion: '不同意' }, zhao, '2026-03-06'),
    ].reduce(act, accepted())
    const denied = act(approving, ev({ type: 'decide_branch', department: 'scjg', outcome: 'denied', opinion: '经营场所与生活区未有效隔离', basis: '《食品安全法》第三十五条', toApplicant: '整改后可重新申请' }, sun, '2026-03-06'))
    expect(timeline(denied.events).at(-1)?.detail).toBe('经营场所与生活区未有效隔离（《食品安全法》第三十五条）。整改后可重新申请')
  })
})

describe('whose deadline a step had', () => {
  it('names the window\'s or the department\'s deadline, never one the applicant could read as theirs', () => {
    const asked = applyEvent(project([ev({ type: 'submit' }, citizen, '2026-03-02'), ev({ type: 'start_pre_review' }, clerk, '2026-03-03')], rules),
      ev({ type: 'request_supplement', items: [{ path: 'layoutFile', reason: '图纸不清晰' }] }, clerk, '2026-03-03'), rules)
    const entry = timeline(asked.events).at(-1)!
    expect(entry.text).toBe('请补正材料（一次性告知）')
    expect(dueText(entry.due!)).toBe('窗口受理审查期限3月4日，按期')
    expect(dueText({ day: '2026-03-11', met: false, step: 'decision' })).toBe('部门审查期限3月11日，超期')
    expect(dueText({ day: '2026-03-20', met: true, step: 'certificate' })).toBe('窗口发证期限3月20日，按期')
    // A case page kept offline from before: its steps have no `step`.
    expect(dueText({ day: '2026-03-20', met: true } as Parameters<typeof dueText>[0])).toBe('办理期限3月20日，按期')
  })
})

describe('when the case entered its status', () => {
  it('is the step that moved it there, not the submission nor a later step within the same status', () => {
    let p = accepted()
    expect(statusSince(p.events)).toBe('2026-03-04T02:00:00Z')
    p = act(p, ev({ type: 'advance_branch', department: 'scjg' }, li, '2026-03-05', '03'))
    p = act(p, ev({ type: 'advance_branch', department: 'scjg', opinion: INTERNAL }, li, '2026-03-06', '04'))
    // 部门办理中 since 承办 began; handing it on to 审核 keeps the case in that status.
    expect(p.status).toBe('in_progress')
    expect(statusSince(p.events)).toBe('2026-03-05T03:00:00Z')
    expect(statusSince(project([ev({ type: 'submit' }, citizen, '2026-03-02')], rules).events)).toBe('2026-03-02T02:00:00Z')
    expect(statusSince([])).toBeNull()
  })
})
