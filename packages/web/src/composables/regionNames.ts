/**
 * The core's region tree over @vant/area-data (GB/T 2260), built on first
 * use: the three selects' choices, and a code's name for reading a region
 * value back (review, case detail) — the same grouping and names the
 * mini-program's picker uses.
 */
import { areaList } from '@vant/area-data'
import { buildRegionTree, type RegionTree } from '@tongban/core'

let tree: RegionTree | null = null

export function regionTree(): RegionTree {
  tree ??= buildRegionTree(areaList)
  return tree
}

export function regionName(code: string): string | undefined {
  return regionTree().names.get(code)
}
