import { describe, expect, it } from 'vitest'
import { buildSearchIndex, searchIndex, searchTop } from './search'

/** A fixed spread of choices: the same catalogue and queries on every run, no chance involved. */
function picker(seed: number): <T>(list: T[]) => T {
  let n = seed
  return (list) => {
    n = (n * 48271) % 2147483647
    return list[n % list.length]!
  }
}
const chance = (() => { const p = picker(7); const tenths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]; return () => p(tenths) / 10 })()

const SUBJECTS = ['居民身份证', '社会保障卡', '食品经营', '户口', '营业执照', '住房公积金', '重庆银行', '残疾人证']
const ACTIONS = ['换领', '补领', '注销', '变更', '许可', '登记']
const DEPARTMENTS = ['示例市公安局', '示例市民政局', '市人力资源和社会保障局']
const MATERIALS = ['居民身份证', '居民户口簿', '营业执照', '申请表', '结婚证', '社保缴费证明']

const pick = picker(42)
const rnd = chance
// Few distinct names, so many documents tie on score and only their order decides.
const docs = Array.from({ length: 400 }, (_, i) => ({
  value: i,
  name: pick(SUBJECTS) + pick(ACTIONS),
  aliases: rnd() < 0.5 ? [pick(SUBJECTS).slice(0, 3)] : [],
  department: pick(DEPARTMENTS),
  materials: MATERIALS.filter(() => rnd() < 0.3),
}))
const index = buildSearchIndex(docs)

/** Pieces of the texts above in hanzi, pinyin, initials and mixes, typed partly, alone or two at a time. */
function queries(count: number): string[] {
  const words = ['s', 'sh', 'sfz', 'shenfenzheng', 'shenf', 'j', 'ji', 'jumin', 'hk', 'hukou', 'yyzz', 'gjj', 'cq', 'zhongqing',
    '身份', '身份z', '社保', '补领', '示例', 'shili', 'bl', 'zx', 'xk', 'dj', 'b', 'z', '证', 'zheng', 'x', '户', 'q', 'qqq']
  return Array.from({ length: count }, () => (rnd() < 0.2 ? `${pick(words)} ${pick(words)}` : pick(words)))
}

describe('top-k ranking', () => {
  it('returns exactly what sorting every hit returns, ties in document order', () => {
    let compared = 0
    let ties = 0
    for (const q of queries(300)) {
      const all = searchIndex(index, q)
      for (const k of [1, 5, 20, 57, all.length, all.length + 10]) {
        const top = searchTop(index, q, k)
        expect(top.total, q).toBe(all.length)
        expect(top.hits, `${q} top ${k}`).toEqual(all.slice(0, k))
        compared++
      }
      // Ties really happen, and the full sort keeps them in document order.
      for (let i = 1; i < all.length; i++) {
        if (all[i]!.score !== all[i - 1]!.score) continue
        ties++
        expect(all[i]!.value).toBeGreaterThan(all[i - 1]!.value)
      }
    }
    expect(compared).toBe(1800)
    expect(ties).toBeGreaterThan(1000)
  })

  it('counts and selects only what the filter accepts', () => {
    const even = (v: number) => v % 2 === 0
    for (const q of queries(100)) {
      const all = searchIndex(index, q).filter((h) => even(h.value))
      const top = searchTop(index, q, 20, even)
      expect(top.total).toBe(all.length)
      expect(top.hits).toEqual(all.slice(0, 20))
    }
  })

  it('finds the same with searchIndex given a limit', () => {
    expect(searchIndex(index, 'sfz', 7)).toEqual(searchIndex(index, 'sfz').slice(0, 7))
    expect(searchTop(index, 'sfz', 0)).toEqual({ hits: [], total: searchIndex(index, 'sfz').length })
  })
})

describe('an index built without pinyin', () => {
  const plain = buildSearchIndex(docs, null)
  it('finds every hanzi query exactly as the pinyin index does', () => {
    for (const q of ['身份', '身份证 补领', '示例', '证', '户', '重庆', '火星']) expect(searchIndex(plain, q), q).toEqual(searchIndex(index, q))
  })
  it('matches letters only as written', () => {
    expect(searchIndex(plain, 'sfz')).toEqual([])
  })
})
