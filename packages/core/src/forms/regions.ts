/**
 * The region list (GB/T 2260 codes; each shell hands in @vant/area-data's,
 * loaded where its bundle wants it) grouped once: names by code, a
 * province's cities, a city's districts — the columns of the mini-program's
 * cascading picker and the PWA's three selects, and the names both read a
 * region value back with. Pure functions over the list.
 */
import type { RegionValue } from './schema'
import { regionValueText } from './walk'

export interface AreaList {
  province_list: Record<string, string>
  city_list: Record<string, string>
  county_list: Record<string, string>
}

export interface RegionOption {
  code: string
  name: string
}

export type RegionDepth = 1 | 2 | 3

export interface RegionTree {
  provinces: RegionOption[]
  /** Cities by province code, districts by city code. */
  children: Map<string, RegionOption[]>
  names: Map<string, string>
}

const byCode = (a: RegionOption, b: RegionOption) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

export function buildRegionTree(list: AreaList): RegionTree {
  const names = new Map<string, string>()
  const children = new Map<string, RegionOption[]>()
  const add = (parent: string, code: string, name: string) => {
    names.set(code, name)
    const siblings = children.get(parent)
    if (siblings) siblings.push({ code, name })
    else children.set(parent, [{ code, name }])
  }
  const provinces = Object.entries(list.province_list).map(([code, name]) => {
    names.set(code, name)
    return { code, name }
  }).sort(byCode)
  for (const [code, name] of Object.entries(list.city_list)) add(`${code.slice(0, 2)}0000`, code, name)
  for (const [code, name] of Object.entries(list.county_list)) add(`${code.slice(0, 4)}00`, code, name)
  for (const list of children.values()) list.sort(byCode)
  return { provinces, children, names }
}

/** The picker's columns for the chosen indexes (a missing or stale index reads as the first). */
export function regionColumns(tree: RegionTree, indexes: readonly number[], depth: RegionDepth = 3): RegionOption[][] {
  const columns: RegionOption[][] = [tree.provinces]
  for (let level = 1; level < depth; level++) {
    const above = columns[level - 1]!
    const parent = above[clampIndex(indexes[level - 1], above.length)]
    columns.push(parent ? tree.children.get(parent.code) ?? [] : [])
  }
  return columns
}

function clampIndex(i: number | undefined, length: number): number {
  return i !== undefined && i >= 0 && i < length ? i : 0
}

/** Where a value sits in the columns; the first of each column where it has nothing. */
export function regionIndexes(tree: RegionTree, value: RegionValue | undefined, depth: RegionDepth = 3): number[] {
  const codes = [value?.province, value?.city, value?.district].slice(0, depth)
  const indexes: number[] = []
  for (let level = 0; level < depth; level++) {
    const column = regionColumns(tree, indexes, depth)[level]!
    indexes.push(Math.max(0, column.findIndex((o) => o.code === codes[level])))
  }
  return indexes
}

/** The value the indexes choose, down to `depth`. */
export function regionAt(tree: RegionTree, indexes: readonly number[], depth: RegionDepth = 3): RegionValue | undefined {
  const columns = regionColumns(tree, indexes, depth)
  const codes = columns.map((column, level) => column[clampIndex(indexes[level], column.length)]?.code)
  if (!codes[0]) return undefined
  const value: RegionValue = { province: codes[0] }
  if (depth >= 2 && codes[1]) value.city = codes[1]
  if (depth >= 3 && codes[2]) value.district = codes[2]
  return value
}

/** `广东省 深圳市 南山区`; a city named as its province (北京市 北京市) is said once — as the review says it. */
export function regionLabel(tree: RegionTree, value: RegionValue | undefined): string {
  return value ? regionValueText(value as unknown as Record<string, unknown>, (code) => tree.names.get(code)) : ''
}

/** The cities of a province, or the districts of a city, in code order (none for an unknown code). */
export function regionChildren(tree: RegionTree, code: string | undefined): RegionOption[] {
  return (code && tree.children.get(code)) || []
}
