/** What the 受理通知书 promises: the item's days, and the law's period for how the case is handled. */
import { describe, expect, it } from 'vitest'
import type { CaseEvent } from '@tongban/core'
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
  noticeFace({ kind: 'acceptance', number: '示市监受〔2026〕1号', caseNo: 'SJ-0001-20260302-0001', applicant: '好味餐饮', item: it, form: null, events: events(departments), eventIndex: 2 }).paragraphs.join('')

describe('the 受理通知书', () => {
  it('prints the item’s own statutory period for one department, and 45 days for joint handling (Art. 26)', () => {
    expect(text(['scjg'])).toContain('自受理之日起10个工作日内作出决定（法定期限20个工作日）')
    expect(text(['scjg', 'wjw'])).toContain('自受理之日起10个工作日内作出决定（法定期限45个工作日，多个部门联合办理）')
    // No period of its own: none printed for one department.
    expect(text(['scjg'], { ...item, statutoryDays: null })).toContain('自受理之日起10个工作日内作出决定。')
  })
})
