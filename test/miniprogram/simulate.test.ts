// @vitest-environment happy-dom
/**
 * The built mini-program (miniprogram/dist) run under miniprogram-simulate:
 * WeChat's own WXML compiler renders Taro's templates, and every wx.request
 * goes over HTTP to a real BFF (server/src/testing.ts, or a local fake
 * until that exists).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  buildCatalogue, GUIDE_NOT_SAVED, LIFE_EVENT_LABELS, matchReason, PROBLEMS, queryCatalogue, resolveMaterials, visibleSituations,
  type Answers, type CatalogueSnapshot, type Item, type Situation, type SituationOption,
} from '@tongban/core'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { fetchCatalogue, fetchItem, getJson, startBff, type TestBff } from './support/bff'
import { attr, findByClass, startMiniProgram, waitFor, textOf, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

const ID_CARD_RENEWAL = '居民身份证换领'
const STATUS_WORDS = { required: '需要', optional: '可选', maybe: '可能需要' } as const

let bff: TestBff
let mp: MiniProgram
let catalogue: CatalogueSnapshot
let idCard: Item

beforeAll(async () => {
  ensureMiniprogramBuilt()
  bff = await startBff()
  catalogue = await fetchCatalogue(bff)
  const summary = catalogue.items.find((i) => i.name === ID_CARD_RENEWAL)
  if (!summary) throw new Error(`the ${bff.kind} BFF's catalogue has no ${ID_CARD_RENEWAL}`)
  idCard = await fetchItem(bff, summary.code)
  console.log(`BFF: ${bff.kind} at ${bff.url}, ${catalogue.items.length} items; ${idCard.name} = ${idCard.code}`)
  mp = startMiniProgram(DIST, { bffUrl: bff.url })
})

afterAll(async () => {
  await bff?.close()
})

/** Every search result card under `n`. */
function allCards(n: RenderedNode | string): RenderedNode[] {
  if (typeof n === 'string') return []
  if (String(attr(n, 'class') ?? '').split(/\s+/).includes('item-card')) return [n]
  return n.children.flatMap(allCards)
}

/** The checklist as rendered: material name → status word, in order. */
function renderedChecklist(page: OpenedPage): [string, string][] {
  const out: [string, string][] = []
  const visit = (n: RenderedNode | string) => {
    if (typeof n === 'string') return
    const cls = String(attr(n, 'class') ?? '')
    const status = /\bmaterial--(required|optional|maybe)\b/.exec(cls)?.[1] as keyof typeof STATUS_WORDS | undefined
    if (status) {
      const nameNode = findByClass(n, 'material__name')
      out.push([nameNode ? textOf(nameNode).trim() : '?', STATUS_WORDS[status]])
      return
    }
    n.children.forEach(visit)
  }
  visit(page.component.toJSON())
  return out
}

function expectedChecklist(item: Item, answers: Answers): [string, string][] {
  return resolveMaterials(item, answers).entries.map((e) => [e.material.name, STATUS_WORDS[e.status]])
}

/** A question and an answer that changes this item's checklist. */
function answerThatChangesChecklist(item: Item): { situation: Situation; option: SituationOption; answers: Answers } {
  const before = JSON.stringify(expectedChecklist(item, {}))
  for (const situation of visibleSituations(item, {})) {
    for (const option of situation.options) {
      const answers: Answers = { [situation.id]: situation.multiple ? [option.value] : option.value }
      if (JSON.stringify(expectedChecklist(item, answers)) !== before) return { situation, option, answers }
    }
  }
  throw new Error(`${item.name} has no answer that changes its checklist`)
}

describe('首页', () => {
  it('shows every life event and the departments from the BFF', async () => {
    const page = await mp.openPage('pages/home/index')
    const first = catalogue.departments[0]!.name
    const text = await page.waitForText((t) => t.includes(first))
    for (const label of Object.values(LIFE_EVENT_LABELS)) expect(text).toContain(label)
    for (const d of catalogue.departments) expect(text).toContain(d.name)
    expect(text).toContain('长辈模式')
    expect(mp.wx.requests).toContainEqual(expect.objectContaining({ method: 'GET', status: 200, url: expect.stringMatching(/\/api\/catalogue$/) }))
    page.unload()
  })

  it('turns on elderly mode with the switch and keeps it on the device', async () => {
    const page = await mp.openPage('pages/home/index')
    await page.waitForText((t) => t.includes('长辈模式'))
    const rootClass = () => String(attr(page.component.toJSON().children[0] as RenderedNode, 'class'))
    expect(rootClass()).not.toContain('tb-page--elderly')
    await page.tap(page.findByClass('home__elderly')!)
    await page.waitForText(() => rootClass().includes('tb-page--elderly'))
    expect(JSON.parse(String(mp.wx.storage.get('tb.settings')))).toEqual({ elderly: true })
    // Back to normal for the pages that follow.
    await page.tap(page.findByClass('home__elderly')!)
    await page.waitForText(() => !rootClass().includes('tb-page--elderly'))
    page.unload()
  })
})

describe('搜索结果', () => {
  it('finds 居民身份证换领 in the cached catalogue, name matches first', async () => {
    // Search's pinyin is an async subpackage: not fetched before the first search.
    expect(mp.asyncLoads).toEqual([])
    const page = await mp.openPage('pages/search/index', { q: encodeURIComponent('身份证') })
    const text = await page.waitForText((t) => t.includes(ID_CARD_RENEWAL))
    await waitFor(() => mp.asyncLoads.length > 0, 10_000, 'the pinyin subpackage')
    expect(mp.asyncLoads).toEqual(['packages/search/common.js'])
    expect(text).toMatch(/共找到 \d+ 个事项/)
    const firstName = textOf(page.findByClass('item-card__name')!)
    expect(firstName).toContain('身份证')
    page.unload()
  })

  it('says why a result matched when it was not its name: 所需材料含“…”, as the PWA does', async () => {
    const expected = queryCatalogue(buildCatalogue(catalogue.items), { q: '身份证', page: 1, pageSize: 20 })
    const byMaterial = expected.items.find((i) => expected.matches?.[i.code]?.field === 'material')
    if (!byMaterial) throw new Error('no item found by a material for 身份证')
    const byName = expected.items.find((i) => expected.matches?.[i.code]?.field === 'name')!
    const page = await mp.openPage('pages/search/index', { q: encodeURIComponent('身份证') })
    await page.waitForText((t) => t.includes(byMaterial.name))
    const card = (name: string) => {
      const found = allCards(page.component.toJSON()).find((n) => textOf(findByClass(n, 'item-card__name')!).includes(name))
      if (!found) throw new Error(`no card for ${name}:\n${page.text()}`)
      return textOf(found)
    }
    expect(card(byMaterial.name)).toContain(matchReason(expected.matches![byMaterial.code])!)
    expect(card(byMaterial.name)).toContain('所需材料含“')
    expect(card(byName.name)).not.toContain('含“')
    page.unload()
  })

  it('searches by pinyin initials too (sfz)', async () => {
    const page = await mp.openPage('pages/search/index', { q: 'sfz' })
    await page.waitForText((t) => t.includes(ID_CARD_RENEWAL))
    page.unload()
  })

  it('lists the items of a life event', async () => {
    const event = idCard.lifeEvents[0]!
    const page = await mp.openPage('pages/search/index', { lifeEvent: event })
    const text = await page.waitForText((t) => t.includes('共找到'))
    expect(text).toContain(LIFE_EVENT_LABELS[event])
    expect(text).toContain(ID_CARD_RENEWAL)
    const expected = catalogue.items.filter((i) => i.lifeEvents.includes(event)).length
    expect(text).toContain(`共找到 ${expected} 个事项`)
    page.unload()
  })

  it('says what to try when nothing matches', async () => {
    const page = await mp.openPage('pages/search/index', { q: encodeURIComponent('火星移民签证') })
    const text = await page.waitForText((t) => t.includes('没有找到'))
    expect(text).toContain('没有找到相关事项，换个说法试试，例如“身份证”“社保卡”')
    page.unload()
  })
})

describe('办事指南', () => {
  it('shows the guide of 居民身份证换领 with its materials and questions', async () => {
    const page = await mp.openPage('pages/guide/index', { code: idCard.code })
    const text = await page.waitForText((t) => t.includes('您需要准备的材料'))
    expect(text).toContain(idCard.name)
    expect(text).toContain(idCard.department.name)
    for (const m of resolveMaterials(idCard, {}).entries) expect(text).toContain(m.material.name)
    for (const s of visibleSituations(idCard, {})) expect(text).toContain(s.question)
    expect(renderedChecklist(page)).toEqual(expectedChecklist(idCard, {}))
    for (const e of resolveMaterials(idCard, {}).entries.filter((x) => x.status === 'maybe' && x.material.condition)) {
      expect(text).toContain(`可能需要：${e.material.condition}`)
    }
    page.unload()
  })

  it('changes the checklist when a question is answered', async () => {
    const { situation, option, answers } = answerThatChangesChecklist(idCard)
    const page = await mp.openPage('pages/guide/index', { code: idCard.code })
    await page.waitForText((t) => t.includes(situation.question))
    const before = renderedChecklist(page)

    await page.tap(page.findTappable(option.label)!)
    const expected = expectedChecklist(idCard, answers)
    await page.waitForText(() => JSON.stringify(renderedChecklist(page)) === JSON.stringify(expected))
    expect(renderedChecklist(page)).not.toEqual(before)
    // The answer is kept on the phone, so a reload keeps the citizen's list.
    expect(JSON.parse(String(mp.wx.storage.get(`tb.answers.${idCard.code}`)))).toEqual(answers)
    page.unload()
  })

  it('低保: says 可多选 once, 没有 and 有残疾人 exclude each other, and 在线申请 says 最多跑一次 as the guide does', async () => {
    const page = await mp.openPage('pages/guide/index', { code: 'MZ-0001' })
    const text = await page.waitForText((t) => t.includes('在线申请') && t.includes('您需要准备的材料'))
    expect(text).toContain('家庭成员中是否有残疾人或重病患者？（可多选）')
    expect(text).not.toContain('（可多选）（可多选）')
    expect(text).toContain('窗口预审通过后最多跑一次')
    expect(text).not.toContain('不用跑窗口')
    const health = () => (JSON.parse(String(mp.wx.storage.get('tb.answers.MZ-0001') ?? '{}')) as Answers).health
    await page.tap(page.findTappable('有残疾人')!)
    await waitFor(() => JSON.stringify(health()) === '["disabled"]', 5_000, '有残疾人 ticked')
    await page.waitForText((t) => t.includes('残疾人证'))
    await page.tap(page.findTappable('没有')!)
    await waitFor(() => JSON.stringify(health()) === '["none"]', 5_000, '没有 alone')
    await page.waitForText(() => !renderedChecklist(page).some(([name]) => name.includes('残疾人证')))
    await page.tap(page.findTappable('有重病患者')!)
    await waitFor(() => JSON.stringify(health()) === '["ill"]', 5_000, '没有 cleared by another answer')
    page.unload()
  })

  it('食品经营许可: 仅销售预包装食品 says 您要办的是另一个事项, links it and offers no application', async () => {
    const page = await mp.openPage('pages/guide/index', { code: 'SJ-0001' })
    await page.waitForText((t) => t.includes('在线申请') && t.includes('主要经营项目'))
    await page.tap(page.findTappable('仅销售预包装食品（办理备案，无需许可）')!)
    const text = await page.waitForText((t) => t.includes('您要办的是另一个事项'))
    expect(text).toContain('需要办理的是“仅销售预包装食品备案”')
    expect(text).not.toContain('在线申请')
    expect(text).not.toContain('您需要准备的材料')
    mp.wx.calls.length = 0
    await page.tap(page.findTappable('查看“仅销售预包装食品备案”办事指南')!)
    expect(mp.wx.calls.find((c) => c.name === 'navigateTo')?.options).toMatchObject({ url: '/pages/guide/index?code=SJ-0006' })
    mp.wx.storage.delete('tb.answers.SJ-0001')
    page.unload()
  })

  it('links each blank form the guide promises: a tap asks for the privacy agreement, downloads the PDF and opens it in WeChat’s viewer', async () => {
    const food = await fetchItem(bff, 'SJ-0001')
    const promised = resolveMaterials(food, { category: 'catering' }).entries.filter((e) => e.material.blankFormUrl)
    expect(promised.map((e) => e.material.id)).toEqual(['apply-form'])
    mp.wx.storage.set('tb.answers.SJ-0001', JSON.stringify({ category: 'catering' }))
    const page = await mp.openPage('pages/guide/index', { code: 'SJ-0001' })
    await page.waitForText((t) => t.includes('您需要准备的材料') && t.includes('下载空白表格（PDF）'))
    const link = findByClass(page.component.toJSON(), 'material__download')!
    expect(attr(link, 'ariaLabel')).toBe('下载空白表格（PDF）：食品经营许可申请书')
    expect(page.text().split('下载空白表格（PDF）').length - 1).toBe(promised.length)

    // Not agreed yet: WeChat asks through the page's popup; 不同意 downloads nothing and says why.
    mp.wx.privacyAgreed = false
    mp.wx.calls.length = 0
    mp.wx.downloads.length = 0
    await page.tap(page.findTappable('下载空白表格（PDF）')!)
    expect(await page.waitForText((t) => t.includes('隐私保护提示'))).toContain('下载并打开空白表格需要您先阅读并同意')
    await page.tap(page.findTappable('不同意')!)
    await page.waitForText((t) => !t.includes('隐私保护提示') && t.includes('您没有同意《隐私政策》'))
    expect(mp.wx.downloads).toEqual([])

    mp.wx.privacyAgreed = true
    await page.tap(page.findTappable('下载空白表格（PDF）')!)
    const shown = await waitFor(() => mp.wx.calls.find((c) => c.name === 'openDocument')?.options, 10_000, 'the PDF viewer') as { filePath: string; fileType: string; showMenu: boolean }
    expect(shown).toMatchObject({ fileType: 'pdf', showMenu: true })
    expect(readFileSync(shown.filePath).subarray(0, 5).toString()).toBe('%PDF-')
    expect(mp.wx.downloads.map((d) => [new URL(d.url).pathname, d.status])).toEqual([['/api/items/SJ-0001/blank-forms/apply-form', 200]])
    expect(mp.wx.calls.filter((c) => c.name === 'requirePrivacyAuthorize')).toHaveLength(2)
    await page.waitForText((t) => !t.includes('您没有同意《隐私政策》'))
    mp.wx.storage.delete('tb.answers.SJ-0001')
    page.unload()
  })

  it('shows the last copy with a notice when the network is gone', async () => {
    // A revalidation still under way from the test before would answer this page too.
    await waitFor(() => mp.wx.inFlight() === 0, 10_000, 'requests to finish')
    await new Promise((r) => setTimeout(r, 50))
    mp.wx.offline = true
    try {
      const page = await mp.openPage('pages/guide/index', { code: idCard.code })
      const text = await page.waitForText((t) => t.includes('当前无网络'))
      // When it was saved, in the core's words (the guide's copy has its date, as the PWA's).
      expect(text).toMatch(/当前无网络，显示的是\d{4}-\d{2}-\d{2} \d{2}:\d{2}保存在本机的内容，联网后会自动更新/)
      expect(text).toContain(idCard.name)
      page.unload()
    } finally {
      mp.wx.offline = false
    }
  })

  it('shows the problem title when the item does not exist', async () => {
    const missing = 'NO-SUCH-ITEM-404'
    const { status, body } = await getJson<{ title: string }>(`${bff.url}/api/items/${missing}`)
    expect(status).toBe(404)
    const page = await mp.openPage('pages/guide/index', { code: missing })
    const text = await page.waitForText((t) => t.includes(body.title))
    expect(text).toContain('重新搜索')
    expect([PROBLEMS.ITEM_NOT_FOUND.title, PROBLEMS.NOT_FOUND.title]).toContain(body.title)
    // 重新搜索 opens the search in this page's place, not the home page.
    mp.wx.calls.length = 0
    await page.tap(page.findTappable('重新搜索')!)
    await waitFor(() => mp.wx.calls.some((c) => c.name === 'redirectTo'), 5_000, 'a redirect')
    expect(mp.wx.calls.filter((c) => c.name === 'redirectTo').map((c) => (c.options as { url: string }).url)).toEqual(['/pages/search/index'])
    page.unload()
  })

  it('says a guide never opened was not saved for offline use', async () => {
    await waitFor(() => mp.wx.inFlight() === 0, 10_000, 'requests to finish')
    mp.wx.offline = true
    try {
      const page = await mp.openPage('pages/guide/index', { code: 'NEVER-OPENED-0001' })
      const text = await page.waitForText((t) => t.includes('还没有保存到本机'))
      expect(text).toContain(GUIDE_NOT_SAVED)
      expect(text).toContain('重试')
      page.unload()
    } finally {
      mp.wx.offline = false
    }
  })
})

it('renders every element it is given (no missing WXML templates)', () => {
  expect(mp.renderErrors).toEqual([])
})
