/**
 * Filtering and paging the catalogue: the BFF answers GET /api/items with it
 * and the shells use it offline over their cached snapshot, so a search
 * gives the same list either way.
 */
import { DEFAULT_PAGE_SIZE, type ItemListQuery, type ItemPage } from '../api/routes'
import { buildSearchIndex, searchIndex, type SearchIndex } from './search'
import type { ItemSummary } from './types'

export interface Catalogue {
  items: ItemSummary[]
  index: SearchIndex<ItemSummary>
}

export function buildCatalogue(items: ItemSummary[]): Catalogue {
  const sorted = [...items].sort((a, b) => a.code.localeCompare(b.code))
  return {
    items: sorted,
    index: buildSearchIndex(sorted.map((item) => ({
      value: item,
      name: item.name,
      aliases: item.aliases,
      department: item.department.name,
      materials: item.materialNames,
    }))),
  }
}

export function queryCatalogue(catalogue: Catalogue, query: ItemListQuery): ItemPage {
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE
  const q = query.q?.trim() ?? ''
  const hits = q ? searchIndex(catalogue.index, q) : null
  let list = hits ? hits.map((h) => h.value) : catalogue.items
  if (query.level) list = list.filter((i) => i.levels.includes(query.level!))
  if (query.department) list = list.filter((i) => i.department.code === query.department)
  if (query.lifeEvent) list = list.filter((i) => i.lifeEvents.includes(query.lifeEvent!))
  const start = (page - 1) * pageSize
  const items = list.slice(start, start + pageSize)
  if (!hits) return { items, total: list.length, page, pageSize }
  const byCode = new Map(hits.map((h) => [h.value.code, h]))
  const matches: NonNullable<ItemPage['matches']> = {}
  for (const i of items) {
    const h = byCode.get(i.code)!
    matches[i.code] = { field: h.field, text: h.text }
  }
  return { items, total: list.length, page, pageSize, matches }
}
