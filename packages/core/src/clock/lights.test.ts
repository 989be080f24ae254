import { describe, expect, it } from 'vitest'
import { daysLeftText, deadlineText, lightText, monthDayText } from './lights'

describe('a light in words (lightText)', () => {
  it('says the deadline and the working days left while there is time', () => {
    expect(lightText('green', '2026-12-08', 10)).toBe('正常 · 12月8日前 · 还剩10个工作日')
    expect(lightText('yellow', '2026-12-08', 1)).toBe('即将到期 · 12月8日前 · 还剩1个工作日')
    expect(lightText('yellow', '2026-12-08', 0)).toBe('即将到期 · 12月8日前 · 今天到期')
    expect(lightText('green', '2026-01-05')).toBe('正常 · 1月5日前')
  })

  it('past the deadline says how late once, then the day it was due', () => {
    expect(lightText('red', '2026-12-08', -2)).toBe('已超期2个工作日 · 期限为12月8日')
    expect(lightText('red', '2026-12-08')).toBe('已超期 · 期限为12月8日')
    expect(lightText('red', '2026-12-08', null)).toBe('已超期 · 期限为12月8日')
    expect(lightText('red', '2026-12-08', -2).match(/已超期/g)).toHaveLength(1)
  })

  it('parts', () => {
    expect(deadlineText('2026-02-01')).toBe('2月1日前')
    expect(monthDayText('2026-11-24')).toBe('11月24日')
    expect([daysLeftText(3), daysLeftText(0), daysLeftText(-1)]).toEqual(['还剩3个工作日', '今天到期', '已超期1个工作日'])
  })
})
