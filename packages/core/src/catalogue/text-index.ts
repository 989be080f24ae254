/**
 * The search index and its matcher, in hanzi, full pinyin, initials and any
 * mix of them ("身份证", "shenfenzheng", "sfz", "身份z", "shenfz"). The index is
 * built once (pinyin, postings and first-character lists at build time, never
 * per query); a query is then a walk over the distinct texts that can match
 * its first character, with a small backtracking matcher. Distinct texts are
 * shared across documents (many items ask for the same 身份证 or 户口簿), so a
 * query matches each text once, and only the documents holding a matching
 * text are scored (rank.ts).
 *
 * Pinyin comes from the PinyinReader passed to the build (pinyin.ts), and
 * nothing here imports it. Without one the index matches characters as
 * written: a hanzi query finds exactly what it finds with pinyin, since a
 * hanzi never matches a reading.
 */

export type SearchField = 'name' | 'alias' | 'department' | 'material'

/** Fields in ranking order: a document's texts are kept in this order. */
export const SEARCH_FIELDS: readonly SearchField[] = ['name', 'alias', 'department', 'material']
export const FIELD_WEIGHTS: readonly number[] = [100, 80, 50, 30]
export const START_BONUS = 15
export const EXACT_BONUS = 25
/** Longer queries are cut, not rejected: nobody types a 65-character item name. */
export const MAX_QUERY_LENGTH = 64

export interface SearchDocument<T> {
  value: T
  name: string
  aliases?: string[]
  department?: string
  materials?: string[]
}

/** Pinyin of hanzi, lower case, without tones. */
export interface PinyinReader {
  /** The reading of each hanzi of `text` in context, in order (other characters left out). */
  sentence(text: string): string[]
  /** Every reading of one character. */
  readings(char: string): string[]
}

export interface IndexedText {
  /** As written, for display. */
  raw: string
  /** Normalised (normalizeQuery), for matching. */
  text: string
  chars: string[]
  /** Every character and every reading's first letter: a query can only start with one of these. */
  starts: Set<string>
  /** Possible syllables per character; empty for non-hanzi characters. */
  syllables: string[][]
  /** Bit per latin letter (a–z) found in the text or its syllables: a query needing another cannot match. */
  letters: number
  initials: string
  full: string
}

export interface IndexedDoc<T> {
  value: T
  nameLength: number
  /** The document's texts, name first, then aliases, department, materials. */
  textIds: Int32Array
  /** Each text's field (an index into SEARCH_FIELDS). */
  fields: Uint8Array
}

export interface SearchIndex<T> {
  readonly texts: IndexedText[]
  readonly docs: IndexedDoc<T>[]
  /** Per text, the documents holding it, ascending. */
  readonly postings: Int32Array[]
  /** Per character a query may start with (a character of a text or a reading's first letter), the texts it may start in. */
  readonly byStart: Map<string, Int32Array>
  /**
   * Per two characters a query may start with, the texts it may start in: a
   * superset of the texts its first two characters match (pairsOf), so a
   * longer query, which can only match where its first two do, looks at few.
   */
  readonly byPair: Map<string, Int32Array>
}

export interface SearchHit<T> {
  value: T
  score: number
  field: SearchField
  text: string
}

const HANZI = /[\u3400-\u9fff]/

export function letterMask(s: string): number {
  let m = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97
    if (c >= 0 && c < 26) m |= 1 << c
  }
  return m
}

function indexText(raw: string, reader: PinyinReader | null): IndexedText {
  const text = normalizeQuery(raw, Infinity)
  const chars = [...text]
  const contextual = reader ? reader.sentence(text) : []
  const syllables: string[][] = []
  let k = 0
  for (const ch of chars) {
    if (reader && HANZI.test(ch) && k < contextual.length) {
      const own = contextual[k++]!
      const all = reader.readings(ch)
      syllables.push(all.includes(own) ? [own, ...all.filter((s) => s !== own)] : [own, ...all])
    } else syllables.push([])
  }
  const starts = new Set<string>(chars)
  for (const readings of syllables) for (const r of readings) starts.add(r[0]!)
  return {
    raw,
    text,
    chars,
    starts,
    syllables,
    letters: letterMask(text) | letterMask(syllables.flat().join('')),
    initials: syllables.map((s, i) => (s.length ? s[0]![0] : chars[i])).join(''),
    full: syllables.map((s, i) => (s.length ? s[0] : chars[i])).join(''),
  }
}

/** Lower-case, half-width, no spaces or apostrophes, at most `max` characters. */
export function normalizeQuery(q: string, max = MAX_QUERY_LENGTH): string {
  const s = q.normalize('NFKC').toLowerCase().replace(/[\s'’·]+/g, '')
  return max === Infinity ? s : [...s].slice(0, max).join('')
}

export function buildTextIndex<T>(documents: SearchDocument<T>[], reader: PinyinReader | null): SearchIndex<T> {
  const texts: IndexedText[] = []
  const ids = new Map<string, number>()
  const holders: number[][] = []
  const idOf = (raw: string): number => {
    const key = normalizeQuery(raw, Infinity)
    let id = ids.get(key)
    if (id === undefined) {
      id = texts.length
      texts.push(indexText(raw, reader))
      holders.push([])
      ids.set(key, id)
    }
    return id
  }
  const docs = documents.map((d, di): IndexedDoc<T> => {
    const perField = [[d.name], d.aliases ?? [], d.department ? [d.department] : [], d.materials ?? []]
    const textIds: number[] = []
    const fields: number[] = []
    perField.forEach((list, f) => {
      for (const raw of list) {
        const id = idOf(raw)
        textIds.push(id)
        fields.push(f)
        const h = holders[id]!
        if (h[h.length - 1] !== di) h.push(di)
      }
    })
    return { value: d.value, nameLength: [...d.name].length, textIds: Int32Array.from(textIds), fields: Uint8Array.from(fields) }
  })
  const starting = new Map<string, number[]>()
  const pairs = new Map<string, number[]>()
  const add = (map: Map<string, number[]>, key: string, id: number) => {
    const list = map.get(key)
    if (!list) map.set(key, [id])
    else if (list[list.length - 1] !== id) list.push(id)
  }
  texts.forEach((t, id) => {
    for (const s of t.starts) add(starting, s, id)
    for (const p of pairsOf(t)) add(pairs, p, id)
  })
  const frozen = (map: Map<string, number[]>) => new Map([...map].map(([k, list]) => [k, Int32Array.from(list)]))
  return { texts, docs, postings: holders.map((h) => Int32Array.from(h)), byStart: frozen(starting), byPair: frozen(pairs) }
}

/**
 * Every two-character string that can match in the text (and some that
 * cannot): at each character, its own character or a reading's first letter,
 * followed by the next character or the first letter of one of its readings;
 * or a reading's first two letters (full, partly typed, or zh/ch/sh). These
 * are all the ways matchFrom consumes two query characters.
 */
function pairsOf(t: IndexedText): Set<string> {
  const out = new Set<string>()
  const heads = (ci: number) => [t.chars[ci]!, ...t.syllables[ci]!.map((s) => s[0]!)]
  for (let ci = 0; ci < t.chars.length; ci++) {
    const next = ci + 1 < t.chars.length ? heads(ci + 1) : []
    for (const a of heads(ci)) for (const b of next) out.add(a + b)
    for (const s of t.syllables[ci]!) if (s.length >= 2) out.add(s.slice(0, 2))
  }
  return out
}

/** Is `q[qi..]` (not empty) the start of `s`? As s.startsWith(q.slice(qi)), without the slice. */
function restStarts(s: string, q: string, qi: number): boolean {
  if (q.length - qi > s.length) return false
  for (let j = qi; j < q.length; j++) if (q[j] !== s[j - qi]) return false
  return true
}

/** Does `q[qi..]` match the text starting at character `ci`? */
function matchFrom(t: IndexedText, chars: string[], q: string, ci: number, qi: number): boolean {
  if (qi === q.length) return true
  if (ci === chars.length) return false
  if (q[qi] === chars[ci] && matchFrom(t, chars, q, ci + 1, qi + 1)) return true
  for (const s of t.syllables[ci]!) {
    if (q.startsWith(s, qi)) {
      if (matchFrom(t, chars, q, ci + 1, qi + s.length)) return true
    } else if (restStarts(s, q, qi)) {
      return true // the last syllable is still being typed: "shenfenzh"
    }
    if (s.length > 2 && s[1] === 'h' && q[qi] === s[0] && q[qi + 1] === 'h' && matchFrom(t, chars, q, ci + 1, qi + 2)) {
      return true // zh / ch / sh as an initial
    }
    if (q[qi] === s[0] && matchFrom(t, chars, q, ci + 1, qi + 1)) return true
  }
  return false
}

function startsAt(t: IndexedText, ci: number, first: string): boolean {
  if (t.chars[ci] === first) return true
  for (const s of t.syllables[ci]!) if (s[0] === first) return true
  return false
}

/** Returns the character offset of the first match, or -1; `letters` is letterMask(q). */
function matchText(t: IndexedText, q: string, letters: number): number {
  const direct = t.text.indexOf(q)
  if (direct >= 0) return direct
  if (!t.starts.has(q[0]!) || (letters & ~t.letters) !== 0) return -1
  const chars = t.chars
  const first = q[0]
  for (let ci = 0; ci < chars.length; ci++) {
    if (startsAt(t, ci, first!) && matchFrom(t, chars, q, ci, 0)) return ci
  }
  return -1
}

/** The bonus a text earns for a token (−1 = no match). */
export function scoreText(t: IndexedText, token: string, letters: number): number {
  const at = matchText(t, token, letters)
  return at < 0 ? -1 : (at === 0 ? START_BONUS : 0) + (t.text === token ? EXACT_BONUS : 0)
}

export function queryTokens(query: string): string[] {
  return query.split(/\s+/).map((t) => normalizeQuery(t)).filter(Boolean)
}
