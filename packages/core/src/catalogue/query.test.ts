import { describe, expect, it } from 'vitest'
import { buildCatalogue, queryCatalogue } from './query'
import { toSummary } from './types'
import { idCardItem } from './test-fixtures'

function item(code: string, name: string, levels: ('city' | 'village')[], materials: string[]) {
  const base = idCardItem()
  return toSummary({ ...base, code, name, levels, aliases: [], materials: materials.map((m, i) => ({ ...base.materials[0]!, id: `m${i}`, name: m })) })
}
const catalogue = buildCatalogue([
  item('A-1', '居民身份证换领', ['city'], ['照片']),
  item('B-1', '最低生活保障申请', ['village'], ['居民身份证', '户口簿']),
  item('C-1', '出生登记', ['city', 'village'], ['出生医学证明']),
])

describe('queryCatalogue', () => {
  it('lists everything by code without a query, and pages it', () => {
    expect(queryCatalogue(catalogue, {}).items.map((i) => i.code)).toEqual(['A-1', 'B-1', 'C-1'])
    const p2 = queryCatalogue(catalogue, { page: 2, pageSize: 2 })
    expect(p2).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(p2.items.map((i) => i.code)).toEqual(['C-1'])
    expect(p2.matches).toBeUndefined()
  })

  it('says why each result matched, so a material match is not mistaken for the item itself', () => {
    const r = queryCatalogue(catalogue, { q: 'sfz' })
    expect(r.items.map((i) => i.code)).toEqual(['A-1', 'B-1'])
    expect(r.matches).toEqual({ 'A-1': { field: 'name', text: '居民身份证换领' }, 'B-1': { field: 'material', text: '居民身份证' } })
  })

  it('combines a search with a level filter', () => {
    expect(queryCatalogue(catalogue, { q: 'sfz', level: 'village' }).items.map((i) => i.code)).toEqual(['B-1'])
    expect(queryCatalogue(catalogue, { level: 'village' }).total).toBe(2)
  })
})
