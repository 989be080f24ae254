import { describe, expect, it } from 'vitest'
import {
  birthDateOfResidentId, creditCodeIssue, isValidCreditCode, isValidMobile, isValidResidentId,
  maskMobile, maskResidentId, normalizeMobile, residentIdIssue,
} from './validators'

/** A fixed day: these tests never read the clock. */
const TODAY = '2026-11-23'

/** Builds a valid ID with the right check digit, so vectors are not copied from anywhere. */
function withCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((a, c, i) => a + Number(c) * w[i]!, 0)
  return first17 + '10X98765432'[sum % 11]
}

describe('resident ID (GB 11643)', () => {
  it('accepts the standard example and computed vectors, X in either case', () => {
    expect(isValidResidentId('11010519491231002X', TODAY)).toBe(true)
    expect(isValidResidentId('11010519491231002x', TODAY)).toBe(true)
    expect(isValidResidentId(withCheck('44030420000229123'), TODAY)).toBe(true) // 2000-02-29 exists
    expect(isValidResidentId(' 11010519491231002X ', TODAY)).toBe(true)
  })

  it('says what is wrong', () => {
    expect(residentIdIssue('11010519491231002', TODAY)).toBe('format')
    expect(residentIdIssue('1101051949123100XX', TODAY)).toBe('format')
    expect(residentIdIssue('110105194912310021', TODAY)).toBe('check_digit')
    expect(residentIdIssue(withCheck('99010519491231002'), TODAY)).toBe('region')
    expect(residentIdIssue(withCheck('44030419000229123'), TODAY)).toBe('birth_date') // 1900 was not a leap year
    expect(residentIdIssue(withCheck('11010518991231002'), TODAY)).toBe('birth_date')
    expect(residentIdIssue(withCheck('11010519491331002'), TODAY)).toBe('birth_date')
    expect(residentIdIssue(withCheck('11010520301231002'), '2026-11-23')).toBe('birth_date')
    expect(residentIdIssue(withCheck('11010520301231002'), '2030-12-31')).toBeNull()
  })

  it('takes a birth date up to today and none after it, across a year\'s end', () => {
    expect(residentIdIssue(withCheck('11010520261123002'), '2026-11-23')).toBeNull() // born today
    expect(residentIdIssue(withCheck('11010520261124002'), '2026-11-23')).toBe('birth_date') // tomorrow
    expect(residentIdIssue(withCheck('11010520270101002'), '2026-12-31')).toBe('birth_date')
    expect(isValidResidentId(withCheck('11010520270101002'), '2027-01-01')).toBe(true)
    expect(isValidResidentId(withCheck('11010520270101002'), '2026-12-31')).toBe(false)
  })

  it('catches every single-digit typo of a valid number', () => {
    const good = '11010519491231002X'
    for (let i = 0; i < 17; i++) {
      for (const d of '0123456789') {
        if (d === good[i]) continue
        const typo = good.slice(0, i) + d + good.slice(i + 1)
        expect(isValidResidentId(typo, TODAY), typo).toBe(false)
      }
    }
  })

  it('reads the birth date and masks all but the ends', () => {
    expect(birthDateOfResidentId('11010519491231002X')).toBe('1949-12-31')
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X')
  })

  it('rejects non-strings without throwing', () => {
    expect(isValidResidentId(undefined as unknown as string, TODAY)).toBe(false)
    expect(isValidResidentId(12345 as unknown as string, TODAY)).toBe(false)
  })
})

describe('unified social credit code (GB 32100)', () => {
  it('accepts valid codes', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true)
    expect(isValidCreditCode('91110000600037341L')).toBe(true)
    expect(isValidCreditCode('91350100m000100y43')).toBe(true)
  })

  it('rejects wrong check characters, forbidden letters and wrong lengths', () => {
    expect(creditCodeIssue('91350100M000100Y44')).toBe('check_character')
    expect(creditCodeIssue('91350100M000100I43')).toBe('format')
    expect(creditCodeIssue('91350100M000100Y4')).toBe('format')
    expect(creditCodeIssue('9135010AM000100Y43')).toBe('format')
  })
})

describe('mobile numbers', () => {
  it('accepts mainland numbers as people type them', () => {
    for (const m of ['13800138000', '+86 138 0013 8000', '0086-138-0013-8000', '19912345678']) expect(isValidMobile(m), m).toBe(true)
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000')
    expect(maskMobile('13800138000')).toBe('138****8000')
  })

  it('rejects others', () => {
    for (const m of ['12800138000', '1380013800', '138001380001', '', 'abcdefghijk', '010-12345678']) expect(isValidMobile(m), m).toBe(false)
  })
})

describe('real-name form', async () => {
  const { realNameIssues, shanghaiDate, shanghaiDateTime } = await import('./profile')
  it('checks name and ID number together, with Chinese messages', () => {
    expect(realNameIssues({ name: ' 张 三 ', idNumber: '11010519491231002x' }, '2026-11-23')).toEqual([])
    expect(realNameIssues({ name: '张', idNumber: '110105194912310021' }, '2026-11-23').map((i) => i.path)).toEqual(['name', 'idNumber'])
    expect(realNameIssues({ name: '阿依古丽·买买提', idNumber: '11010519491231002X' }, '2026-11-23')).toEqual([])
  })
  it('reads the civil date in Shanghai', () => {
    expect(shanghaiDate(Date.parse('2026-11-23T16:30:00Z'))).toBe('2026-11-24')
  })
  it('shows a time in Shanghai whatever the phone’s zone', () => {
    expect(shanghaiDateTime('2026-11-23T16:30:00Z')).toBe('2026-11-24 00:30')
    expect(shanghaiDateTime(Date.parse('2026-11-23T01:05:59.999Z'))).toBe('2026-11-23 09:05')
    expect(shanghaiDateTime('not a time')).toBe('')
  })
  it('says when a copy on the phone was saved, or that it is the last one when that is not known', async () => {
    const { savedCopyText } = await import('./profile')
    expect(savedCopyText(Date.parse('2026-12-31T16:05:00Z'))).toBe('当前无网络，显示的是2027-01-01 00:05保存在本机的内容，联网后会自动更新')
    expect(savedCopyText(undefined)).toBe('当前无网络，显示的是上次保存在本机的内容，联网后会自动更新')
  })
})
