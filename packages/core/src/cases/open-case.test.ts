import { describe, expect, it } from 'vitest'
import type { CaseSummary } from '../api/cases/views'
import { openCaseFor, openCaseNotice } from './open-case'

const summary = (caseNo: string, status: CaseSummary['status'], submittedAt: string, itemCode = 'SJ-0001'): CaseSummary => ({
  caseNo, itemCode, itemName: '食品经营许可', status, statusLabel: '待受理', submittedAt, deadline: null, light: null, daysLeft: null,
})

describe('openCaseFor', () => {
  it('finds the newest case of the item still open, and none when all are closed or of other items', () => {
    const cases = [
      summary('SJ-0001-20261201-0001', 'submitted', '2026-12-01T02:00:00Z'),
      summary('SJ-0001-20261203-0001', 'accepted', '2026-12-03T02:00:00Z'),
      summary('SJ-0001-20261205-0001', 'completed', '2026-12-05T02:00:00Z'),
      summary('MZ-0001-20261206-0001', 'submitted', '2026-12-06T02:00:00Z', 'MZ-0001'),
    ]
    expect(openCaseFor(cases, 'SJ-0001')?.caseNo).toBe('SJ-0001-20261203-0001')
    expect(openCaseFor(cases.filter((c) => c.status === 'completed'), 'SJ-0001')).toBeNull()
    expect(openCaseFor(cases, 'WJ-0001')).toBeNull()
    expect(openCaseFor([summary('SJ-0001-20261205-0002', 'withdrawn', '2026-12-05T02:00:00Z')], 'SJ-0001')).toBeNull()
  })

  it('names the case, its number and where it stands', () => {
    expect(openCaseNotice(summary('SJ-0001-20261203-0001', 'accepted', ''))).toMatch(/^您已有一件“食品经营许可”正在办理（办件编号 SJ-0001-20261203-0001，待受理）。/)
  })
})
