/**
 * Ranking search hits: name > alias > department > material; a match at the
 * start of a text and a whole-text match score higher; shorter names win
 * ties, then the order of the documents. `rankAll` sorts every hit;
 * `rankTop` keeps only the best k in a bounded heap, so a one-letter query
 * with thousands of hits costs no sort to show its first page. Both return
 * the same order (search.test.ts checks it over generated queries).
 */
import {
  EXACT_BONUS, FIELD_WEIGHTS, SEARCH_FIELDS, START_BONUS,
  letterMask, queryTokens, scoreText, type SearchHit, type SearchIndex,
} from './text-index'

const MAX_BONUS = START_BONUS + EXACT_BONUS

/** A scored document: its index, score and the text that earned most. */
interface Scored {
  doc: number
  score: number
  field: number
  text: number
}

type Visit = (doc: number, score: number, field: number, text: number) => void

/** Calls `visit` for every document that matches every token of `query`, in document order. */
function scoreDocuments<T>(index: SearchIndex<T>, query: string, visit: Visit): void {
  const tokens = queryTokens(query)
  if (tokens.length === 0) return
  const { texts, docs } = index
  const letters = tokens.map(letterMask)
  // One memo per token: the bonus a text earns for it (−1 = no match, −2 = not looked at yet).
  const memos = tokens.map((_, i) => new Int16Array(texts.length).fill(i === 0 ? -1 : -2))
  // The first token is matched against every text its first one or two characters may start in; only documents holding one of those can match.
  const candidates = new Uint8Array(docs.length)
  const first = tokens[0]!
  const chars = [...first]
  const texts0 = chars.length === 1 ? index.byStart.get(first) : index.byPair.get(chars[0]! + chars[1]!)
  for (const id of texts0 ?? []) {
    const s = scoreText(texts[id]!, first, letters[0]!)
    memos[0]![id] = s
    if (s >= 0) for (const d of index.postings[id]!) candidates[d] = 1
  }
  const bonus = (ti: number, id: number): number => {
    const memo = memos[ti]!
    if (memo[id] === -2) memo[id] = scoreText(texts[id]!, tokens[ti]!, letters[ti]!)
    return memo[id]!
  }

  for (let d = 0; d < docs.length; d++) {
    if (!candidates[d]) continue
    const doc = docs[d]!
    let total = 0
    let bestScore = -1
    let bestField = -1
    let bestText = -1
    let all = true
    for (let ti = 0; ti < tokens.length && all; ti++) {
      let tokenBest = -1
      let field = -1
      for (let e = 0; e < doc.textIds.length; e++) {
        const f = doc.fields[e]!
        const weight = FIELD_WEIGHTS[f]!
        // A later field can never beat an earlier one's weight plus bonuses.
        if (f !== field && tokenBest >= weight + MAX_BONUS) break
        field = f
        const id = doc.textIds[e]!
        const s = bonus(ti, id)
        if (s < 0) continue
        const score = weight + s
        if (score > tokenBest) {
          tokenBest = score
          if (score > bestScore) { bestScore = score; bestField = f; bestText = id }
        }
      }
      if (tokenBest < 0) all = false
      else total += tokenBest
    }
    if (all) visit(d, total - doc.nameLength / 100, bestField, bestText)
  }
}

/** a ranks before b: higher score, then earlier document. */
function before(a: Scored, b: Scored): boolean {
  return a.score > b.score || (a.score === b.score && a.doc < b.doc)
}

function toHit<T>(index: SearchIndex<T>, s: Scored): SearchHit<T> {
  return { value: index.docs[s.doc]!.value, score: s.score, field: SEARCH_FIELDS[s.field]!, text: index.texts[s.text]!.raw }
}

/** Every hit, best first (a stable sort: equal scores keep document order). */
export function rankAll<T>(index: SearchIndex<T>, query: string): SearchHit<T>[] {
  const all: Scored[] = []
  scoreDocuments(index, query, (doc, score, field, text) => all.push({ doc, score, field, text }))
  all.sort((a, b) => b.score - a.score)
  return all.map((s) => toHit(index, s))
}

export interface TopHits<T> {
  /** The best `k` accepted hits, best first: what rankAll, filtered by `accept`, starts with. */
  hits: SearchHit<T>[]
  /** How many hits `accept` took in all. */
  total: number
}

/** The best `k` hits whose value `accept` takes, and how many it takes, without sorting the rest. */
export function rankTop<T>(index: SearchIndex<T>, query: string, k: number, accept?: (value: T) => boolean): TopHits<T> {
  // A heap with the worst kept hit at the top: a new hit only enters by beating it.
  const heap: Scored[] = []
  let total = 0
  const worse = (i: number, j: number) => before(heap[j]!, heap[i]!)
  const swap = (i: number, j: number) => { const t = heap[i]!; heap[i] = heap[j]!; heap[j] = t }
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let w = i
      if (l < heap.length && worse(l, w)) w = l
      if (r < heap.length && worse(r, w)) w = r
      if (w === i) return
      swap(i, w)
      i = w
    }
  }
  scoreDocuments(index, query, (doc, score, field, text) => {
    if (accept && !accept(index.docs[doc]!.value)) return
    total++
    if (k <= 0) return
    if (heap.length < k) {
      heap.push({ doc, score, field, text })
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1
        if (!worse(i, p)) break
        swap(i, p)
        i = p
      }
    } else if (score > heap[0]!.score || (score === heap[0]!.score && doc < heap[0]!.doc)) {
      heap[0] = { doc, score, field, text }
      down(0)
    }
  })
  heap.sort((a, b) => (before(a, b) ? -1 : 1))
  return { hits: heap.map((s) => toHit(index, s)), total }
}
