/**
 * Catalogue search in hanzi, full pinyin, initials and any mix of them
 * ("身份证", "shenfenzheng", "sfz", "身份z", "shenfz"). The index is built once
 * (pinyin is computed at build time, never per query); a query is then a walk
 * over each distinct text with a small backtracking matcher. Distinct texts
 * are shared across documents (many items ask for the same 身份证 or 户口簿),
 * so a query matches each text once.
 *
 * Ranking: name > alias > department > material; a match at the start of a
 * text and a whole-text match score higher; shorter names win ties.
 */
import { pinyin } from 'pinyin-pro'

export type SearchField = 'name' | 'alias' | 'department' | 'material'

const FIELD_WEIGHT: Record<SearchField, number> = { name: 100, alias: 80, department: 50, material: 30 }
const START_BONUS = 15
const EXACT_BONUS = 25
/** Longer queries are cut, not rejected: nobody types a 65-character item name. */
export const MAX_QUERY_LENGTH = 64

export interface SearchDocument<T> {
  value: T
  name: string
  aliases?: string[]
  department?: string
  materials?: string[]
}

interface IndexedText {
  /** As written, for display. */
  raw: string
  /** Normalised (normalizeQuery), for matching. */
  text: string
  chars: string[]
  /** Every character and every reading's first letter: a query can only start with one of these. */
  starts: Set<string>
  /** Possible syllables per character; empty for non-hanzi characters. */
  syllables: string[][]
  initials: string
  full: string
}

interface IndexedDoc<T> {
  value: T
  nameLength: number
  fields: { field: SearchField; textIds: number[] }[]
}

export interface SearchIndex<T> {
  readonly texts: IndexedText[]
  readonly docs: IndexedDoc<T>[]
}

export interface SearchHit<T> {
  value: T
  score: number
  field: SearchField
  text: string
}

const HANZI = /[\u3400-\u9fff]/
const multiCache = new Map<string, string[]>()

function readingsOf(char: string, contextual: string): string[] {
  let all = multiCache.get(char)
  if (!all) {
    all = pinyin(char, { toneType: 'none', type: 'array', multiple: true }).map((s) => s.toLowerCase())
    multiCache.set(char, all)
  }
  return all.includes(contextual) ? [contextual, ...all.filter((s) => s !== contextual)] : [contextual, ...all]
}

function indexText(raw: string): IndexedText {
  const text = normalizeQuery(raw, Infinity)
  const chars = [...text]
  const contextual = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) => s.toLowerCase())
  const syllables: string[][] = []
  let k = 0
  for (const ch of chars) {
    if (HANZI.test(ch) && k < contextual.length) syllables.push(readingsOf(ch, contextual[k++]!))
    else syllables.push([])
  }
  const starts = new Set<string>(chars)
  for (const readings of syllables) for (const r of readings) starts.add(r[0]!)
  return {
    raw,
    text,
    chars,
    starts,
    syllables,
    initials: syllables.map((s, i) => (s.length ? s[0]![0] : chars[i])).join(''),
    full: syllables.map((s, i) => (s.length ? s[0] : chars[i])).join(''),
  }
}

/** Lower-case, half-width, no spaces or apostrophes, at most `max` characters. */
export function normalizeQuery(q: string, max = MAX_QUERY_LENGTH): string {
  const s = q.normalize('NFKC').toLowerCase().replace(/[\s'’·]+/g, '')
  return max === Infinity ? s : [...s].slice(0, max).join('')
}

export function buildSearchIndex<T>(documents: SearchDocument<T>[]): SearchIndex<T> {
  const texts: IndexedText[] = []
  const ids = new Map<string, number>()
  const idOf = (raw: string): number => {
    const key = normalizeQuery(raw, Infinity)
    let id = ids.get(key)
    if (id === undefined) {
      id = texts.length
      texts.push(indexText(raw))
      ids.set(key, id)
    }
    return id
  }
  const docs = documents.map((d) => ({
    value: d.value,
    nameLength: [...d.name].length,
    fields: [
      { field: 'name' as const, textIds: [idOf(d.name)] },
      { field: 'alias' as const, textIds: (d.aliases ?? []).map(idOf) },
      { field: 'department' as const, textIds: d.department ? [idOf(d.department)] : [] },
      { field: 'material' as const, textIds: (d.materials ?? []).map(idOf) },
    ].filter((f) => f.textIds.length > 0),
  }))
  return { texts, docs }
}

/** Does `q[qi..]` match the text starting at character `ci`? */
function matchFrom(t: IndexedText, chars: string[], q: string, ci: number, qi: number): boolean {
  if (qi === q.length) return true
  if (ci === chars.length) return false
  if (q[qi] === chars[ci] && matchFrom(t, chars, q, ci + 1, qi + 1)) return true
  for (const s of t.syllables[ci]!) {
    if (q.startsWith(s, qi)) {
      if (matchFrom(t, chars, q, ci + 1, qi + s.length)) return true
    } else if (s.startsWith(q.slice(qi))) {
      return true // the last syllable is still being typed: "shenfenzh"
    }
    if (s.length > 2 && (s[1] === 'h') && q.startsWith(s.slice(0, 2), qi) && matchFrom(t, chars, q, ci + 1, qi + 2)) {
      return true // zh / ch / sh as an initial
    }
    if (q[qi] === s[0] && matchFrom(t, chars, q, ci + 1, qi + 1)) return true
  }
  return false
}

/** Returns the character offset of the first match, or -1. */
function matchText(t: IndexedText, q: string): number {
  const direct = t.text.indexOf(q)
  if (direct >= 0) return direct
  if (!t.starts.has(q[0]!)) return -1
  const chars = t.chars
  for (let ci = 0; ci < chars.length; ci++) {
    const c = chars[ci]!
    const first = q[0]
    if (c !== first && !t.syllables[ci]!.some((s) => s[0] === first)) continue
    if (matchFrom(t, chars, q, ci, 0)) return ci
  }
  return -1
}

export function searchIndex<T>(index: SearchIndex<T>, query: string, limit = Infinity): SearchHit<T>[] {
  const tokens = query.split(/\s+/).map((t) => normalizeQuery(t)).filter(Boolean)
  if (tokens.length === 0) return []
  // One memo per token: the score a text earns for it (−1 = no match).
  const memos = tokens.map(() => new Int16Array(index.texts.length).fill(-2))
  const scoreText = (tokenIndex: number, id: number): number => {
    const memo = memos[tokenIndex]!
    if (memo[id] !== -2) return memo[id]!
    const t = index.texts[id]!
    const token = tokens[tokenIndex]!
    const at = matchText(t, token)
    const score = at < 0 ? -1 : (at === 0 ? START_BONUS : 0) + (t.text === token ? EXACT_BONUS : 0)
    memo[id] = score
    return score
  }

  const hits: SearchHit<T>[] = []
  for (const doc of index.docs) {
    let total = 0
    let best: { field: SearchField; text: string; score: number } | null = null
    let allTokens = true
    for (let ti = 0; ti < tokens.length && allTokens; ti++) {
      let tokenBest = -1
      for (const f of doc.fields) {
        // A later field can never beat an earlier one's weight plus bonuses.
        if (tokenBest >= FIELD_WEIGHT[f.field] + START_BONUS + EXACT_BONUS) break
        for (const id of f.textIds) {
          const s = scoreText(ti, id)
          if (s < 0) continue
          const score = FIELD_WEIGHT[f.field] + s
          if (score > tokenBest) {
            tokenBest = score
            if (!best || score > best.score) best = { field: f.field, text: index.texts[id]!.raw, score }
          }
        }
      }
      if (tokenBest < 0) allTokens = false
      else total += tokenBest
    }
    if (!allTokens || !best) continue
    hits.push({ value: doc.value, score: total - doc.nameLength / 100, field: best.field, text: best.text })
  }
  hits.sort((a, b) => b.score - a.score)
  return Number.isFinite(limit) ? hits.slice(0, limit) : hits
}
