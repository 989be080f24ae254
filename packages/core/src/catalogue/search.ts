/**
 * Catalogue search, as the BFF and the PWA run it: the index (text-index.ts)
 * built with pinyin-pro's readings, ranked by rank.ts. A shell that loads
 * the readings later (the mini-program) builds with text-index.ts and its
 * own reader instead.
 */
import { pinyinReader } from './pinyin'
import { rankAll, rankTop, type TopHits } from './rank'
import { buildTextIndex, type PinyinReader, type SearchDocument, type SearchHit, type SearchIndex } from './text-index'

export {
  MAX_QUERY_LENGTH, normalizeQuery,
  type PinyinReader, type SearchDocument, type SearchField, type SearchHit, type SearchIndex,
} from './text-index'
export type { TopHits } from './rank'

export function buildSearchIndex<T>(documents: SearchDocument<T>[], reader: PinyinReader | null = pinyinReader): SearchIndex<T> {
  return buildTextIndex(documents, reader)
}

/** Every hit, best first, or the best `limit`. */
export function searchIndex<T>(index: SearchIndex<T>, query: string, limit = Infinity): SearchHit<T>[] {
  return Number.isFinite(limit) ? rankTop(index, query, limit).hits : rankAll(index, query)
}

/** The best `k` hits `accept` takes, and how many it takes in all. */
export function searchTop<T>(index: SearchIndex<T>, query: string, k: number, accept?: (value: T) => boolean): TopHits<T> {
  return rankTop(index, query, k, accept)
}
