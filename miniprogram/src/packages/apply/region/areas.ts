/**
 * The region tree (the core's) over @vant/area-data, built on first use.
 * Imported only from the 申请 subpackage, so the ~160 KB list never enters
 * the main package.
 */
import { areaList } from '@vant/area-data'
import { buildRegionTree, type RegionTree } from '@tongban/core'

let tree: RegionTree | null = null

export function regionTree(): RegionTree {
  tree ??= buildRegionTree(areaList)
  return tree
}
