import { describe, expect, it } from 'vitest'
import { lawTitle, matchReason } from './labels'

describe('lawTitle', () => {
  it('puts a law name in 《》 once, whether or not it was published with them', () => {
    expect(lawTitle('中华人民共和国行政许可法')).toBe('《中华人民共和国行政许可法》')
    expect(lawTitle('《中华人民共和国行政许可法》')).toBe('《中华人民共和国行政许可法》')
    expect(lawTitle('《公共场所卫生管理条例实施细则》（原卫生部令第80号）')).toBe('《公共场所卫生管理条例实施细则》（原卫生部令第80号）')
  })
})

describe('matchReason', () => {
  it('says where a result matched when it was not its own name', () => {
    expect(matchReason({ field: 'material', text: '居民身份证' })).toBe('所需材料含“居民身份证”')
    expect(matchReason({ field: 'department', text: '公安' })).toBe('部门含“公安”')
  })

  it('says nothing for a match on the name or an alias, or none', () => {
    expect(matchReason({ field: 'name', text: '居民身份证换领' })).toBeNull()
    expect(matchReason({ field: 'alias', text: 'sfz' })).toBeNull()
    expect(matchReason(undefined)).toBeNull()
  })
})
