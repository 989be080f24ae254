import { describe, expect, it } from 'vitest'
import {
  chineseDate, consentLine, deliveryLabels, feeLabel, formsLabel, levelsLabel, promisedDaysLabel, sourceLabel, statutoryDaysLabel,
} from './words'

describe('the guide in words, one way for both shells', () => {
  it('says days as the published guides do', () => {
    expect(promisedDaysLabel(0)).toBe('即办，当场办结')
    expect(promisedDaysLabel(15)).toBe('15个工作日')
    expect(statutoryDaysLabel(null)).toBe('法律法规未规定')
    expect(statutoryDaysLabel(20)).toBe('20个工作日')
  })

  it('names each fee with what it is for, and free as 不收费', () => {
    expect(feeLabel({ free: true, items: [] })).toBe('不收费')
    expect(feeLabel({ free: false, items: [] })).toBe('不收费')
    expect(feeLabel({ free: false, items: [{ name: '住宅类', amount: '80元/件' }, { name: '非住宅类', amount: '550元/件' }] }))
      .toBe('住宅类 80元/件；非住宅类 550元/件')
  })

  it('joins code lists in the guide’s words', () => {
    expect(formsLabel(['original', 'copy'])).toBe('原件、复印件')
    expect(levelsLabel(['city', 'village'])).toBe('市级、村（社区）')
    expect(deliveryLabels(['self', 'deliver_result'])).toEqual(['窗口自取', 'EMS寄送办理结果'])
    expect(sourceLabel({ source: 'government' })).toBe('政府部门核发')
    expect(sourceLabel({ source: 'applicant', sourceNote: '申请人到银行打印' })).toBe('申请人到银行打印')
  })

  it('dates in Asia/Shanghai, whatever the phone’s zone', () => {
    // 2026-12-06T16:30Z is already 12月7日 in China.
    expect(chineseDate(Date.UTC(2026, 11, 6, 16, 30))).toBe('2026年12月7日')
    expect(chineseDate('2026-12-06T15:59:00Z')).toBe('2026年12月6日')
    expect(chineseDate('not a time')).toBe('')
    expect(chineseDate(null)).toBe('')
    expect(chineseDate(Date.UTC(2026, 11, 31, 20))).toBe('2027年1月1日')
  })

  it('says each agent consent with its day, in China, and whether it is confirmed', () => {
    const c = { agentName: '村代办员李娜', itemName: '最低生活保障申请', createdAt: '2026-12-06T15:50:00Z', grantedAt: '2026-12-06T16:10:00Z' }
    expect(consentLine({ ...c, status: 'granted' })).toBe('村代办员李娜 代办“最低生活保障申请” · 2026年12月7日授权')
    expect(consentLine({ ...c, status: 'pending', grantedAt: null })).toBe('村代办员李娜 代办“最低生活保障申请” · 2026年12月6日发起，尚未确认')
  })
})
