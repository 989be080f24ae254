/**
 * The region picker's columns over the real @vant/area-data list: every
 * choice it can make is a region the core's validator accepts.
 */
import { describe, expect, it } from 'vitest'
import { areaList } from '@vant/area-data'
import { buildRegionTree, regionAt, regionColumns, regionIndexes, regionLabel, validateForm, type FormSchema } from '../index'

const tree = buildRegionTree(areaList)
const form = (depth: 1 | 2 | 3): FormSchema => ({ id: 'r', version: 1, fields: [{ type: 'region', name: 'r', label: '地区', required: true, depth }] })

describe('region tree', () => {
  it('cascades: a province’s cities, a city’s districts', () => {
    const gd = tree.provinces.findIndex((p) => p.name === '广东省')
    const sz = regionColumns(tree, [gd])[1]!.findIndex((c) => c.name === '深圳市')
    const columns = regionColumns(tree, [gd, sz, 0])
    expect(columns[1]!.every((c) => c.code.startsWith('44'))).toBe(true)
    expect(columns[2]!.map((d) => d.name)).toContain('南山区')
    expect(columns[2]!.every((d) => d.code.startsWith('4403'))).toBe(true)
    expect(regionColumns(tree, [gd], 1)).toHaveLength(1)
  })

  it('finds a value’s indexes and gives the same value back', () => {
    const value = { province: '440000', city: '440300', district: '440305' }
    const at = regionIndexes(tree, value)
    expect(regionAt(tree, at)).toEqual(value)
    expect(regionLabel(tree, value)).toBe('广东省 深圳市 南山区')
    expect(regionLabel(tree, { province: '110000', city: '110100', district: '110101' })).toBe('北京市 东城区')
    // A stale index (another province's city count) reads as the first.
    expect(regionAt(tree, [0, 999, 999])).toEqual(regionAt(tree, [0, 0, 0]))
  })

  it('makes only regions the validator accepts, at every depth', () => {
    for (const [pi, province] of tree.provinces.entries()) {
      const cities = regionColumns(tree, [pi])[1]!
      expect(cities.length, province.name).toBeGreaterThan(0)
      for (let ci = 0; ci < cities.length; ci++) {
        const districts = regionColumns(tree, [pi, ci])[2]!
        for (let di = 0; di < districts.length; di++) {
          const r = regionAt(tree, [pi, ci, di])
          expect(validateForm(form(3), { r }).ok, JSON.stringify(r)).toBe(true)
        }
        expect(validateForm(form(2), { r: regionAt(tree, [pi, ci], 2) }).ok).toBe(true)
      }
      expect(validateForm(form(1), { r: regionAt(tree, [pi], 1) }).ok).toBe(true)
    }
  })
})
