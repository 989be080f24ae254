import { describe, expect, it } from 'vitest'
import { project, type CaseEvent, type CaseEventBody, type Actor } from '@tongban/core'
import { eventsFor } from './mapping'
import type { WebhookEvent } from './contract'

const rules = { promisedDays: 15, statutoryDays: 20 }
const clerk: Actor = { role: 'clerk', id: 'c1' }
const at = (day: string) => ({ at: `${day}T02:00:00.000Z`, day })
const base: CaseEvent[] = [
  { type: 'submit', actor: { role: 'citizen', id: 'a' }, ...at('2026-03-02') },
  { type: 'start_pre_review', actor: clerk, ...at('2026-03-02') },
  { type: 'accept', departments: ['mzj'], actor: clerk, ...at('2026-03-03') },
]
const sys = 'approval-system'
const step = (department: string): CaseEvent => ({ type: 'advance_branch', department, actor: { role: 'reviewer', id: sys, department }, ...at('2026-03-04') })
const w = (x: Record<string, unknown>) => ({ id: 'evt-00000001', caseNo: 'C', occurredAt: '2026-03-05T00:00:00Z', type: 'branch.status', department: 'mzj', ...x }) as WebhookEvent
const types = (list: { body: CaseEventBody }[]) => list.map((m) => m.body.type)

describe('an approval system status as our events', () => {
  it('fills in skipped steps and adds nothing for a step already passed', () => {
    const p = project(base, rules)
    expect(types(eventsFor(p, w({ status: 'reviewing' }), sys))).toEqual(['advance_branch', 'advance_branch'])
    const later = project([...base, step('mzj'), step('mzj')], rules)
    expect(eventsFor(later, w({ status: 'undertaking' }), sys)).toEqual([])
    expect(eventsFor(later, w({ status: 'reviewing' }), sys)).toEqual([])
    expect(types(eventsFor(later, w({ status: 'denied', opinion: '不符合' }), sys))).toEqual(['advance_branch', 'decide_branch'])
  })

  it('acts as the department, and puts the opinion on the step it was given for', () => {
    const out = eventsFor(project(base, rules), w({ status: 'undertaking', opinion: '已分配承办人' }), sys)
    expect(out).toEqual([{ actor: { role: 'reviewer', id: sys, department: 'mzj' }, body: { type: 'advance_branch', department: 'mzj', opinion: '已分配承办人' } }])
  })

  it('puts what the system tells the applicant on the step it reported, not on the steps passed on the way', () => {
    const out = eventsFor(project(base, rules), w({ status: 'reviewing', opinion: '材料齐全', toApplicant: '已进入审核' }), sys)
    expect(out.map((m) => m.body)).toEqual([
      { type: 'advance_branch', department: 'mzj' },
      { type: 'advance_branch', department: 'mzj', opinion: '材料齐全', toApplicant: '已进入审核' },
    ])
  })

  it('resumes a paused branch before moving it on, and ignores a second suspension or a stray resume', () => {
    const paused = project([...base, step('mzj'), { type: 'pause_branch', department: 'mzj', procedure: '检验检测', reason: '抽样', expectedEnd: '2026-03-12', actor: { role: 'reviewer', id: sys, department: 'mzj' }, ...at('2026-03-05') }], rules)
    expect(types(eventsFor(paused, w({ status: 'approving' }), sys))).toEqual(['resume_branch', 'advance_branch', 'advance_branch'])
    expect(eventsFor(paused, w({ status: 'suspended', procedure: '检验检测', reason: '抽样', expectedEnd: '2026-03-12' }), sys)).toEqual([])
    expect(types(eventsFor(paused, w({ status: 'resumed' }), sys))).toEqual(['resume_branch'])
    expect(eventsFor(project([...base, step('mzj')], rules), w({ status: 'resumed' }), sys)).toEqual([])
  })

  it('an extension is the leader\'s step; a department the case lacks is left to the machine to refuse', () => {
    expect(eventsFor(project(base, rules), { id: 'evt-00000002', caseNo: 'C', occurredAt: '2026-03-05T00:00:00Z', type: 'case.extended', days: 10, reason: '会商' }, sys))
      .toEqual([{ actor: { role: 'leader', id: sys }, body: { type: 'extend', days: 10, reason: '会商' } }])
    expect(types(eventsFor(project(base, rules), w({ department: 'gaj', status: 'reviewing' }), sys))).toEqual(['advance_branch'])
  })
})
