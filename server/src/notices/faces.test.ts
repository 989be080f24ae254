/** What the notices say: the 受理通知书's days and the law's period for how the case is handled; the 不予批准决定书's reasons. */
import { describe, expect, it } from 'vitest'
import { noticeKindOf, type CaseEvent } from '@tongban/core'
import { noticeFace, type NoticeFacts } from './faces'

const item: NoticeFacts['item'] = {
  name: '食品经营许可', kind: 'licence', department: { code: 'scjg', name: '示例市市场监督管理局' } as NoticeFacts['item']['department'],
  promisedDays: 10, statutoryDays: 20, consultPhone: '0571-12345',
}
const actor = { role: 'clerk' as const, id: 's1' }
const events = (departments: string[]): CaseEvent[] => [
  { type: 'submit', actor: { role: 'citizen', id: 'c1' }, day: '2026-03-02', at: '2026-03-02T02:00:00Z' },
  { type: 'start_pre_review', actor, day: '2026-03-03', at: '2026-03-03T02:00:00Z' },
  { type: 'accept', departments, actor, day: '2026-03-03', at: '2026-03-03T03:00:00Z' },
]
const text = (departments: string[], it = item) =>
  noticeFace({ kind: 'acceptance', number: '示市监受〔2026〕1号', caseNo: 'SJ-0001-20260302-0001', applicant: '好味餐饮', item: it, form: null, events: events(departments), eventIndex: 2, departmentName: (c) => c }).paragraphs.join('')

describe('the 受理通知书', () => {
  it('prints the item’s own statutory period for one department, and 45 days for joint handling (Art. 26)', () => {
    expect(text(['scjg'])).toContain('自受理之日起10个工作日内作出决定（法定期限20个工作日）')
    expect(text(['scjg', 'wjw'])).toContain('自受理之日起10个工作日内作出决定（法定期限45个工作日，多个部门联合办理）')
    // No period of its own: none printed for one department.
    expect(text(['scjg'], { ...item, statutoryDays: null })).toContain('自受理之日起10个工作日内作出决定。')
  })
})

describe('the 不予批准决定书 (Art. 38)', () => {
  const names: Record<string, string> = { scjg: '示例市市场监督管理局', wjw: '示例市卫生健康委员会' }
  const reviewer = (department: string) => ({ role: 'reviewer' as const, id: `r-${department}`, department })
  const decide = (department: string, outcome: 'approved' | 'denied', to: 'in_progress' | 'decided', extra: object = {}): CaseEvent =>
    ({ type: 'decide_branch', department, outcome, ...extra, actor: reviewer(department), day: '2026-03-20', at: '2026-03-20T02:00:00Z', to } as CaseEvent)
  const joint = [
    ...events(['scjg', 'wjw']),
    decide('scjg', 'denied', 'in_progress', { opinion: '经营场所与生活区未有效隔离。', basis: '《食品经营许可和备案管理办法》第十二条' }),
    decide('wjw', 'approved', 'decided'),
  ]

  it('is issued on the decision that leaves the case decided and denied — in joint handling, the last department’s yes after another’s no', () => {
    expect(noticeKindOf(joint, 3)).toBeNull()
    expect(noticeKindOf(joint, 4)).toBe('denial')
    expect(noticeKindOf([...events(['scjg']), decide('scjg', 'approved', 'decided')], 3)).toBeNull()
  })

  it('gives each department’s reasons and the law, the remedies, and is issued by the item’s department', () => {
    const face = noticeFace({ kind: 'denial', number: '〔2026〕不批字第1号', caseNo: 'SJ-0001-20260302-0001', applicant: '好味餐饮', item, form: null, events: joint, eventIndex: 4, departmentName: (c) => names[c] ?? c })
    expect(face.title).toBe('不予批准决定书')
    expect(face.paragraphs.join('')).toContain('决定不予批准')
    expect(face.items).toEqual(['示例市市场监督管理局：经营场所与生活区未有效隔离。依据：《食品经营许可和备案管理办法》第十二条。'])
    expect(face.after?.join('')).toContain('六十日内依法向示例市人民政府申请行政复议')
    expect(face.issuer).toBe(item.department.name)
    expect(() => noticeFace({ kind: 'denial', number: 'x', caseNo: 'SJ-0001-20260302-0001', applicant: 'a', item, form: null, events: joint, eventIndex: 3, departmentName: (c) => c })).toThrow()
  })
})
