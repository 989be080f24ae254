/**
 * Catalogue search: the core's `buildCatalogue` + `queryCatalogue` (what the
 * BFF's GET /api/items?q= and the shells' offline search both run) over 3,000
 * generated items. Items come from a seeded PRNG, so every run searches the
 * same catalogue with the same queries. Prints the index build time, then
 * per-query p50/p95/p99 (overall and per query kind) for ~2,000 queries that
 * mix hanzi, full pinyin, initials, mixes, as-you-type prefixes, two-word
 * queries and misses. Then every one-letter and two-letter prefix a citizen
 * types first (a–z; each syllable's first two letters and each pair of
 * initials found in the catalogue), the worst case of a top-k page: such a
 * prefix matches most items. Baselines, same run: ranking every hit in full
 * (`searchIndex`, a sort of all hits) for those prefixes, and a naive
 * `name.includes(q)` scan over the 3,000 names for the hanzi queries.
 */
import { performance } from 'node:perf_hooks'
import {
  buildCatalogue, queryCatalogue, searchIndex, type Catalogue,
  type HallLevel, type ItemKind, type ItemSummary, type LifeEvent, type OnlineDepth,
} from '@tongban/core'
import { line, ms, percentile, prng, verdict } from './util'

const B = 'search'
const ITEM_COUNT = 3000
const QUERY_COUNT = 2000
const WARMUP_QUERIES = 300
const GOAL_P95_MS = 2
const GOAL_MAX_MS = 15
const PREFIX_RUNS = 5

const DEPARTMENTS = [
  ['gaj', '示例市公安局'], ['scjg', '示例市市场监督管理局'], ['rsj', '示例市人力资源和社会保障局'],
  ['ybj', '示例市医疗保障局'], ['gjj', '示例市住房公积金管理中心'], ['mzj', '示例市民政局'],
  ['cl', '示例市残疾人联合会'], ['wjw', '示例市卫生健康委员会'], ['zjj', '示例市住房和城乡建设局'],
  ['zrzy', '示例市自然资源和规划局'], ['bdc', '示例市不动产登记中心'], ['jtj', '示例市交通运输局'],
  ['nyj', '示例市农业农村局'], ['sthj', '示例市生态环境局'], ['wlj', '示例市文化广电旅游局'],
] as const

/** subject, its everyday short name (for aliases), department code. */
const SUBJECTS: [string, string | null, string][] = [
  ['食品经营', '餐饮', 'scjg'], ['药品经营', '药店', 'scjg'], ['居民身份证', '身份证', 'gaj'],
  ['社会保障卡', '社保卡', 'rsj'], ['不动产权证书', '房产证', 'bdc'], ['营业执照', '执照', 'scjg'],
  ['机动车驾驶证', '驾照', 'gaj'], ['机动车行驶证', '行驶证', 'gaj'], ['户口', '户籍', 'gaj'],
  ['居住证', null, 'gaj'], ['出生医学证明', '出生证', 'wjw'], ['婚姻', '结婚', 'mzj'],
  ['残疾人证', '残疾证', 'cl'], ['基本医疗保险', '医保', 'ybj'], ['住房公积金', '公积金', 'gjj'],
  ['道路运输经营', '运输证', 'jtj'], ['建筑业企业资质', '建筑资质', 'zjj'], ['建设工程规划', '规划许可', 'zrzy'],
  ['排污', '排污证', 'sthj'], ['公共场所卫生', '卫生许可证', 'wjw'], ['医师执业', '医师证', 'wjw'],
  ['护士执业', '护士证', 'wjw'], ['教师资格', '教师证', 'rsj'], ['往来港澳通行证', '港澳通行证', 'gaj'],
  ['普通护照', '护照', 'gaj'], ['特种设备使用', '特种设备', 'scjg'], ['农药经营', null, 'nyj'],
  ['兽药经营', null, 'nyj'], ['农作物种子生产经营', '种子证', 'nyj'], ['渔业捕捞', '捕捞证', 'nyj'],
  ['林木采伐', '采伐证', 'zrzy'], ['取水', '取水证', 'sthj'], ['建筑工程施工', '施工许可证', 'zjj'],
  ['人力资源服务', null, 'rsj'], ['劳务派遣经营', '劳务派遣', 'rsj'], ['养老机构', '养老院', 'mzj'],
  ['民办非企业单位', '民非', 'mzj'], ['社会团体', '社团', 'mzj'], ['出版物经营', null, 'wlj'],
  ['网络文化经营', null, 'wlj'], ['娱乐场所经营', null, 'wlj'], ['旅行社业务经营', '旅行社', 'wlj'],
  ['危险化学品经营', '危化品', 'sthj'], ['放射诊疗', null, 'wjw'], ['个体工商户', '个体户', 'scjg'],
  ['灵活就业人员参保', '灵活就业', 'rsj'], ['失业保险金', '失业金', 'rsj'], ['城乡居民养老保险', '养老保险', 'rsj'],
]

const ACTIONS = ['许可', '登记', '申领', '补领', '变更', '注销', '换领', '延续', '核发', '备案', '认定', '查询']
const QUALIFIERS = ['', '（新办）', '（个人）', '（企业）', '（跨省通办）', '（港澳台居民）', '（网上办理）', '（告知承诺制）']
const ACTION_ALIAS: Record<string, (s: string) => string> = {
  补领: (s) => `${s}丢了`, 换领: (s) => `换${s}`, 注销: (s) => `${s}注销`, 申领: (s) => `办${s}`, 查询: (s) => `查${s}`,
}

const MATERIALS = [
  '居民身份证', '居民户口簿', '营业执照', '申请表', '授权委托书', '受托人身份证明', '法定代表人身份证明',
  '近期免冠照片', '经营场所平面图', '房屋产权证明', '房屋租赁合同', '不动产权证书', '结婚证', '出生医学证明',
  '医疗机构诊断证明', '健康证明', '告知承诺书', '原证件', '遗失声明', '变更事项证明文件', '注销申请书',
  '清算报告', '股东会决议', '公司章程', '安全管理制度', '从业人员资格证明', '主要设备清单', '检验检测报告',
  '环境影响评价文件', '土地使用权证明', '建设工程规划许可证', '施工图审查合格书', '社会保障卡', '银行账户信息',
  '劳动合同', '学历证书', '体检报告', '无犯罪记录证明', '居住证', '机动车驾驶证', '机动车行驶证', '车辆照片',
  '交通事故认定书', '残疾评定表', '监护人身份证明', '村（居）委会证明', '收入证明', '完税证明', '社保缴费证明',
  '公积金缴存证明',
]

const KINDS: ItemKind[] = ['licence', 'confirmation', 'benefit', 'public_service', 'other']
const LIFE_EVENTS: LifeEvent[] = ['birth', 'school', 'employment', 'marriage', 'housing', 'business', 'retirement', 'medical', 'social_security', 'identity']
const LEVELS: HallLevel[] = ['city', 'district', 'township', 'village']
const DEPTHS: OnlineDepth[] = ['info', 'download', 'pre_review', 'full_online']

export function generateItems(count: number, seed = 20260101): ItemSummary[] {
  const rnd = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const combos: [number, number, number][] = []
  for (let s = 0; s < SUBJECTS.length; s++)
    for (let a = 0; a < ACTIONS.length; a++)
      for (let q = 0; q < QUALIFIERS.length; q++) combos.push([s, a, q])
  for (let i = combos.length - 1; i > 0; i--) { // Fisher–Yates, seeded
    const j = Math.floor(rnd() * (i + 1))
    ;[combos[i], combos[j]] = [combos[j]!, combos[i]!]
  }
  const serial = new Map<string, number>()
  return combos.slice(0, count).map(([s, a, q]) => {
    const [subject, short, deptCode] = SUBJECTS[s]!
    const action = ACTIONS[a]!
    const dept = DEPARTMENTS.find(([c]) => c === deptCode)!
    const n = (serial.get(deptCode) ?? 0) + 1
    serial.set(deptCode, n)
    const aliases: string[] = []
    if (short) aliases.push(`${short}${action}`)
    if (ACTION_ALIAS[action] && rnd() < 0.6) aliases.push(ACTION_ALIAS[action]!(short ?? subject))
    const materials = new Set<string>()
    const want = 3 + Math.floor(rnd() * 8) // 3..10
    while (materials.size < want) materials.add(pick(MATERIALS))
    return {
      code: `${deptCode.toUpperCase()}-${String(n).padStart(4, '0')}`,
      name: `${subject}${action}${QUALIFIERS[q]}`,
      kind: pick(KINDS),
      aliases,
      lifeEvents: [pick(LIFE_EVENTS)],
      department: { code: dept[0], name: dept[1] },
      levels: LEVELS.filter(() => rnd() < 0.5).concat(['city']).filter((v, i, l) => l.indexOf(v) === i),
      visits: rnd() < 0.4 ? 0 : 1,
      onlineDepth: pick(DEPTHS),
      promisedDays: Math.floor(rnd() * 20),
      materialNames: [...materials],
    }
  })
}

type QueryKind = 'hanzi' | 'pinyin' | 'initials' | 'mixed' | 'prefix' | 'two-word' | 'miss'

const FIXED: Record<QueryKind, string[]> = {
  hanzi: ['身份证', '社保', '食品经营', '不动产', '营业执照', '补领', '药品', '驾驶证', '户口', '出生医学证明',
    '公积金', '结婚', '残疾人证', '医保', '居住证', '护照', '施工许可', '养老', '个体户', '注销'],
  pinyin: ['shenfenzheng', 'shebaoka', 'shipinjingying', 'budongchan', 'yingyezhizhao', 'gongjijin', 'jiashizheng',
    'hukou', 'jiehun', 'yibao', 'huzhao', 'yanglao', 'gangaotongxingzheng', 'shenfenzh'],
  initials: ['sfz', 'sbk', 'spjy', 'bdcdj', 'yyzz', 'gjj', 'jsz', 'hk', 'ypjy', 'cjrz', 'jzz', 'hz', 'sgxk', 'gth'],
  mixed: ['身份z', 'shipinjy', '社保k', 'bdc登记', 'shenfz', 'yyzhizhao', 'gongjj', '驾驶z', 'hunyindj', '残疾rz',
    '食品jy', 'shebao卡'],
  prefix: ['s', 'sh', 'she', 'shen', 'shenf', 'j', 'ji', 'jia', 'b', 'bu'],
  'two-word': ['身份证 补领', 'sfz bl', 'shipin xuke', '营业执照 注销', 'gjj tq', '社保卡 变更'],
  miss: ['xyzq', 'qqqq', '火星签证', 'zzzzz', 'abcdef', '123456', '量子纠缠', 'xkcd', 'vvvv', 'ɑɑ'],
}
const WEIGHTS: [QueryKind, number][] = [
  ['hanzi', 0.35], ['pinyin', 0.15], ['initials', 0.15], ['mixed', 0.12], ['prefix', 0.05], ['two-word', 0.06], ['miss', 0.12],
]

export function generateQueries(items: ItemSummary[], count: number, seed = 7): { q: string; kind: QueryKind }[] {
  const rnd = prng(seed)
  const out: { q: string; kind: QueryKind }[] = []
  for (let i = 0; i < count; i++) {
    let r = rnd()
    let kind: QueryKind = 'miss'
    for (const [k, w] of WEIGHTS) if ((r -= w) < 0) { kind = k; break }
    let q: string
    if (kind === 'hanzi' && rnd() < 0.5) {
      // A 2–4 character piece of a real name, as people type part of what they saw.
      const name = [...items[Math.floor(rnd() * items.length)]!.name.replace(/（.*）/, '')]
      const len = Math.min(name.length, 2 + Math.floor(rnd() * 3))
      const at = Math.floor(rnd() * (name.length - len + 1))
      q = name.slice(at, at + len).join('')
    } else {
      const list = FIXED[kind]
      q = list[Math.floor(rnd() * list.length)]!
    }
    out.push({ q, kind })
  }
  return out
}

function stats(times: number[]): { p50: number; p95: number; p99: number; mean: number; max: number } {
  const s = [...times].sort((a, b) => a - b)
  return {
    p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99),
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1), max: s[s.length - 1] ?? NaN,
  }
}

export async function run(): Promise<void> {
  const items = generateItems(ITEM_COUNT)
  const t0 = performance.now()
  const catalogue = buildCatalogue(items)
  const buildMs = performance.now() - t0
  line(B, `${items.length} items, ${catalogue.index.texts.length} distinct texts; index build ${buildMs.toFixed(0)} ms (buildCatalogue, pinyin computed here)`)

  const queries = generateQueries(items, QUERY_COUNT)
  for (const { q } of queries.slice(0, WARMUP_QUERIES)) queryCatalogue(catalogue, { q })

  const times: number[] = []
  const byKind = new Map<QueryKind, { times: number[]; hits: number }>()
  const slowest: { q: string; t: number; total: number }[] = []
  for (const { q, kind } of queries) {
    const s = performance.now()
    const page = queryCatalogue(catalogue, { q })
    const t = performance.now() - s
    times.push(t)
    const k = byKind.get(kind) ?? { times: [], hits: 0 }
    k.times.push(t)
    k.hits += page.total
    byKind.set(kind, k)
    slowest.push({ q, t, total: page.total })
  }

  const all = stats(times)
  line(B, `${times.length} queries (queryCatalogue, page 1): p50 ${ms(all.p50)}  p95 ${ms(all.p95)}  p99 ${ms(all.p99)}  max ${ms(all.max)}  — goal p95 ≤ ${GOAL_P95_MS} ms: ${verdict(all.p95 <= GOAL_P95_MS)}, max ≤ ${GOAL_MAX_MS} ms: ${verdict(all.max <= GOAL_MAX_MS)}`)
  for (const [kind, k] of [...byKind].sort((a, b) => a[0].localeCompare(b[0]))) {
    const st = stats(k.times)
    line(B, `  ${kind.padEnd(9)} n=${String(k.times.length).padStart(4)}  p50 ${ms(st.p50).padStart(9)}  p95 ${ms(st.p95).padStart(9)}  p99 ${ms(st.p99).padStart(9)}  mean hits ${(k.hits / k.times.length).toFixed(0)}`)
  }
  const worst = new Map<string, { t: number; total: number }>()
  for (const s of slowest) if ((worst.get(s.q)?.t ?? -1) < s.t) worst.set(s.q, s)
  const top = [...worst].sort((a, b) => b[1].t - a[1].t).slice(0, 5)
  line(B, `  slowest: ${top.map(([q, s]) => `"${q}" ${ms(s.t)} (${s.total} hits)`).join(', ')}`)

  prefixSweep(catalogue)

  // Baseline: a naive substring scan over names, for the hanzi queries only.
  const hanzi = queries.filter((q) => q.kind === 'hanzi').map((q) => q.q)
  const names = items.map((i) => i.name)
  for (const q of hanzi.slice(0, 100)) names.filter((n) => n.includes(q)) // warm-up
  const naive: number[] = []
  let naiveHits = 0
  for (const q of hanzi) {
    const s = performance.now()
    naiveHits += names.filter((n) => n.includes(q)).length
    naive.push(performance.now() - s)
  }
  const idx = stats(byKind.get('hanzi')?.times ?? [])
  const base = stats(naive)
  line(B, `hanzi queries (n=${hanzi.length}): index p50 ${ms(idx.p50)} mean ${ms(idx.mean)} vs naive String.includes over names (mean ${(naiveHits / hanzi.length).toFixed(0)} names found) p50 ${ms(base.p50)} mean ${ms(base.mean)} → index/naive ×${(idx.mean / base.mean).toFixed(1)} (mean), ×${(idx.p50 / base.p50).toFixed(1)} (p50)`)
}

/** What people type first: a–z, each syllable's first two letters, each pair of initials, as the catalogue has them. */
function shortPrefixes(catalogue: Catalogue): { one: string[]; two: string[] } {
  const two = new Set<string>()
  for (const t of catalogue.index.texts) {
    const firsts = t.syllables.filter((s) => s.length).map((s) => s[0]!)
    firsts.forEach((s, i) => {
      if (s.length >= 2) two.add(s.slice(0, 2))
      if (i + 1 < firsts.length) two.add(s[0]! + firsts[i + 1]![0]!)
    })
  }
  return { one: [...'abcdefghijklmnopqrstuvwxyz'], two: [...two].sort() }
}

/** Times `run(q)` PREFIX_RUNS times per query; each query's figure is its median run. */
function timeEach(queries: string[], run: (q: string) => number): { q: string; t: number; hits: number }[] {
  return queries.map((q) => {
    const runs: number[] = []
    let hits = 0
    for (let i = 0; i < PREFIX_RUNS; i++) {
      const s = performance.now()
      hits = run(q)
      runs.push(performance.now() - s)
    }
    return { q, t: runs.sort((a, b) => a - b)[PREFIX_RUNS >> 1]!, hits }
  })
}

function prefixSweep(catalogue: Catalogue): void {
  const { one, two } = shortPrefixes(catalogue)
  for (const [label, list] of [['one-letter', one], ['two-letter', two]] as const) {
    const page = timeEach(list, (q) => queryCatalogue(catalogue, { q }).total)
    const full = timeEach(list, (q) => searchIndex(catalogue.index, q).slice(0, 20).length)
    const st = stats(page.map((p) => p.t))
    const base = stats(full.map((p) => p.t))
    const worst = [...page].sort((a, b) => b.t - a.t).slice(0, 3)
    line(B, `${label} prefixes (n=${list.length}, median of ${PREFIX_RUNS} runs each): p50 ${ms(st.p50)}  p95 ${ms(st.p95)}  max ${ms(st.max)} — goal max ≤ ${GOAL_MAX_MS} ms: ${verdict(st.max <= GOAL_MAX_MS)}; worst ${worst.map((w) => `"${w.q}" ${ms(w.t)} (${w.hits} hits)`).join(', ')}`)
    line(B, `  vs ranking every hit in full (searchIndex, then 20): p50 ${ms(base.p50)}  max ${ms(base.max)} → page/full ×${(st.mean / base.mean).toFixed(2)} (mean)`)
  }
}
