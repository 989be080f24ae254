import { describe, expect, it } from 'vitest'
import { accessFieldLabel } from '../identity/labels'
import { caseSearchTerm } from './search'

describe('caseSearchTerm', () => {
  it('reads a case number, a mobile number as people paste it, or a name; anything else is none of them', () => {
    expect(caseSearchTerm(' sj-0001-20261123-0007 ')).toEqual({ by: 'caseNo', value: 'SJ-0001-20261123-0007' })
    expect(caseSearchTerm('+86 138-0013-8000')).toEqual({ by: 'phone', value: '13800138000' })
    expect(caseSearchTerm('欧阳 晓梅')).toEqual({ by: 'name', value: '欧阳晓梅' })
    expect(caseSearchTerm('阿卜杜·热合曼')).toEqual({ by: 'name', value: '阿卜杜·热合曼' })
    expect(caseSearchTerm('示例市好味餐饮有限公司')).toEqual({ by: 'name', value: '示例市好味餐饮有限公司' })
    for (const q of ['', '  ', '王', '1380013', 'SJ-0001', '王芳; drop table', 'x'.repeat(61)]) expect(caseSearchTerm(q)).toBeNull()
  })

  it('names each search in the citizen\'s access log by what it matched on', () => {
    expect(accessFieldLabel('caseSearch:phone')).toBe('您的办件（按手机号码查找）')
    expect(accessFieldLabel('caseSearch:name')).toBe('您的办件（按姓名查找）')
  })
})
