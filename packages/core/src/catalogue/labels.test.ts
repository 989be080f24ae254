import { describe, expect, it } from 'vitest'
import { lawTitle } from './labels'

describe('lawTitle', () => {
  it('puts a law name in 《》 once, whether or not it was published with them', () => {
    expect(lawTitle('中华人民共和国行政许可法')).toBe('《中华人民共和国行政许可法》')
    expect(lawTitle('《中华人民共和国行政许可法》')).toBe('《中华人民共和国行政许可法》')
    expect(lawTitle('《公共场所卫生管理条例实施细则》（原卫生部令第80号）')).toBe('《公共场所卫生管理条例实施细则》（原卫生部令第80号）')
  })
})
