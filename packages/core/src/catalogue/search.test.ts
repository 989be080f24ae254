import { describe, expect, it } from 'vitest'
import { buildSearchIndex, normalizeQuery, searchIndex, MAX_QUERY_LENGTH } from './search'

const docs = [
  { value: 'renew', name: '居民身份证换领', aliases: ['换身份证'], department: '示例市公安局', materials: ['原居民身份证'] },
  { value: 'lost', name: '居民身份证补领', aliases: ['身份证丢了'], department: '示例市公安局', materials: ['居民户口簿'] },
  { value: 'card', name: '社会保障卡申领', aliases: ['社保卡'], department: '市人力资源和社会保障局', materials: ['居民身份证'] },
  { value: 'bank', name: '重庆银行开户', department: '其他', materials: [] },
  { value: 'food', name: '食品经营许可', aliases: ['餐饮许可证'], department: '市市场监督管理局', materials: ['营业执照'] },
]
const index = buildSearchIndex(docs)
const find = (q: string) => searchIndex(index, q).map((h) => h.value)

describe('catalogue search', () => {
  it('finds by hanzi substring', () => {
    expect(find('身份证')).toEqual(expect.arrayContaining(['renew', 'lost', 'card']))
  })

  it('finds by initials, full pinyin and mixes of both', () => {
    for (const q of ['sfz', 'shenfenzheng', '身份z', 'shenfz', 'shenfenzh', 'SFZ', 'ｓｆｚ', 'shen fen zheng']) {
      expect(find(q).slice(0, 2).sort(), q).toEqual(['lost', 'renew'])
    }
  })

  it('ranks a name match above a material match', () => {
    const hits = searchIndex(index, 'sfz')
    expect(hits.map((h) => h.value)).toEqual(['renew', 'lost', 'card'])
    expect(hits[2]!.field).toBe('material')
  })

  it('ranks an alias match above a department match', () => {
    const hits = searchIndex(index, '社保')
    expect(hits[0]!.value).toBe('card')
    expect(hits[0]!.field).toBe('alias')
  })

  it('reads polyphonic characters both ways', () => {
    expect(find('cqyh')).toEqual(['bank'])
    expect(find('zhongqing')).toEqual(['bank'])
  })

  it('uses zh/ch/sh as initials', () => {
    expect(find('shpxk')).toEqual([])
    expect(find('shipjy')).toEqual(['food'])
  })

  it('requires every space-separated word to match', () => {
    expect(find('身份证 补领')).toEqual(['lost'])
    expect(find('sfz bl')).toEqual(['lost'])
  })

  it('does not match a syllable in the middle of another', () => {
    expect(find('enfen')).toEqual([])
  })

  it('returns nothing for empty, unmatched or hostile queries', () => {
    expect(find('')).toEqual([])
    expect(find('   ')).toEqual([])
    expect(find('xyzxyz')).toEqual([])
    expect(find("' or 1=1 --")).toEqual([])
    expect(find('身'.repeat(10_000))).toEqual([])
  })

  it('cuts overlong queries', () => {
    expect([...normalizeQuery('a'.repeat(500))].length).toBe(MAX_QUERY_LENGTH)
  })
})
