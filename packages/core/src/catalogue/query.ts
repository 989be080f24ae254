/**
 * Filtering and paging the catalogue: the BFF answers GET /api/items with it
 * and the shells use it offline over their cached snapshot, so a search
 * gives the same list either way. A page of results is the top of the
 * ranking, selected without sorting every hit.
 */
import { DEFAULT_PAGE_SIZE } from '../api/catalogue/limits'
import type { ItemListQuery, ItemPage } from '../api/catalogue/contracts'
import { pinyinReader } from './pinyin'
import { rankTop } from './rank'
import { buildTextIndex, type PinyinReader, type SearchIndex } from './text-index'
import type { ItemSummary } from './types'

export interface Catalogue {
  items: ItemSummary[]
  index: SearchIndex<ItemSummary>
}

/** The catalogue with pinyin search (pinyin-pro's readings). */
export function buildCatalogue(items: ItemSummary[], reader: PinyinReader | null = pinyinReader): Catalogue {
  return indexCatalogue(items, reader)
}

/**
 * The same, with readings from elsewhere or none (null: hanzi and letters
 * as written). It does not import pinyin-pro, so a bundle using only this
 * leaves the dictionary out.
 */
export function indexCatalogue(items: ItemSummary[], reader: PinyinReader | null): Catalogue {
  const sorted = [...items].sort((a, b) => a.code.localeCompare(b.code))
  return {
    items: sorted,
    index: buildTextIndex(sorted.map((item) => ({
      value: item,
      name: item.name,
      aliases: item.aliases,
      department: item.department.name,
      materials: item.materialNames,
    })), reader),
  }
}

function filterOf(query: ItemListQuery): ((i: ItemSummary) => boolean) | undefined {
  const { level, department, lifeEvent } = query
  if (!level && !department && !lifeEvent) return undefined
  return (i) => (!level || i.levels.includes(level))
    && (!department || i.department.code === department)
    && (!lifeEvent || i.lifeEvents.includes(lifeEvent))
}

export function queryCatalogue(catalogue: Catalogue, query: ItemListQuery): ItemPage {
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE
  const q = query.q?.trim() ?? ''
  const accept = filterOf(query)
  const start = (page - 1) * pageSize
  if (!q) {
    const list = accept ? catalogue.items.filter(accept) : catalogue.items
    return { items: list.slice(start, start + pageSize), total: list.length, page, pageSize }
  }
  const { hits, total } = rankTop(catalogue.index, q, start + pageSize, accept)
  const shown = hits.slice(start)
  const matches: NonNullable<ItemPage['matches']> = {}
  for (const h of shown) matches[h.value.code] = { field: h.field, text: h.text }
  return { items: shown.map((h) => h.value), total, page, pageSize, matches }
}
