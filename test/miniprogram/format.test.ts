/** The guide's words for numbers and code lists. */
import { describe, expect, it } from 'vitest'
import {
  CHECKLIST_STATUS_LABELS, feeLabel, formsLabel, lawTitle, promisedDaysLabel, sourceLabel, statutoryDaysLabel,
} from '../../miniprogram/src/catalogue/format'

describe('format', () => {
  it('says 即办 for zero promised days and 未规定 when the law sets no limit', () => {
    expect(promisedDaysLabel(0)).toBe('即办，当场办结')
    expect(promisedDaysLabel(15)).toBe('15个工作日')
    expect(statutoryDaysLabel(null)).toBe('法律法规未规定')
    expect(statutoryDaysLabel(60)).toBe('60个工作日')
  })

  it('names material forms and sources in Chinese', () => {
    expect(formsLabel(['original', 'copy'])).toBe('原件、复印件')
    expect(sourceLabel({ source: 'government' })).toBe('政府部门核发')
    expect(sourceLabel({ source: 'government', sourceNote: '公安机关核发' })).toBe('公安机关核发')
  })

  it('says 不收费 for free items and lists fees otherwise', () => {
    expect(feeLabel({ free: true, items: [] })).toBe('不收费')
    expect(feeLabel({ free: false, items: [{ name: '工本费', amount: '20元/证' }] })).toBe('工本费 20元/证')
  })

  it('puts a law in book-title marks exactly once', () => {
    expect(lawTitle('中华人民共和国居民身份证法')).toBe('《中华人民共和国居民身份证法》')
    expect(lawTitle('《中华人民共和国居民身份证法》')).toBe('《中华人民共和国居民身份证法》')
    // A name published with a note after its 《》 is not wrapped again (was 《《…》（…）》).
    expect(lawTitle('《公共场所卫生管理条例实施细则》（原卫生部令第80号）')).toBe('《公共场所卫生管理条例实施细则》（原卫生部令第80号）')
  })

  it('calls a maybe-material 可能需要', () => {
    expect(CHECKLIST_STATUS_LABELS.maybe).toBe('可能需要')
  })
})
