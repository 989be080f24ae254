/**
 * 办事指南 tells the truth about applying: the 在线申请 note says as many
 * visits as the guide's own tag (最多跑一次, never 不用跑窗口 beside it);
 * 可多选 once; 没有 and 有残疾人 cannot both be ticked; and an answer meaning
 * another item links that item's guide and offers no application here.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Item } from '@tongban/core'
import { idCardItem } from '@tongban/core/testing'
import { PLATFORM_KEY } from '@tongban/app'
import { testPlatform } from '@tongban/app/testing'
import GuidePage from './GuidePage.vue'

function dibao(): Item {
  return {
    ...idCardItem(), code: 'MZ-T', name: '最低生活保障申请', kind: 'benefit', visits: 1, deliveryOptions: ['self'],
    result: { name: '最低生活保障审核确认决定' },
    materials: [
      { id: 'hukou-book', name: '居民户口簿', forms: ['original'], copies: 1, requirement: 'required', source: 'government' },
      { id: 'disability-card', name: '残疾人证', forms: ['copy'], copies: 1, requirement: 'conditional', condition: '有残疾人的', source: 'government' },
    ],
    situations: [
      { id: 'health', question: '家庭成员中是否有残疾人？', multiple: true, options: [
        { value: 'none', label: '没有', exclusive: true },
        { value: 'disabled', label: '有残疾人', effects: [{ op: 'add', materialId: 'disability-card' }] },
      ] },
      { id: 'kind', question: '申请哪一项？', options: [
        { value: 'dibao', label: '最低生活保障' },
        { value: 'tekun', label: '特困人员救助供养', otherItem: { code: 'MZ-OTHER', name: '特困人员认定' } },
      ] },
    ],
    form: { id: 'f', version: 1, fields: [] },
  }
}

async function open(item: Item) {
  const { platform } = testPlatform({ getItem: async () => ({ item, etag: 'e1', notModified: false }) as never, 'catalogue.snapshot': async () => { throw new Error('offline') } })
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/items/:code', name: 'guide', component: GuidePage },
    { path: '/items/:code/apply', name: 'apply', component: { template: '<p/>' } },
    { path: '/search', name: 'search', component: { template: '<p/>' } },
    { path: '/', name: 'home', component: { template: '<p/>' } },
  ] })
  await router.push(`/items/${item.code}`)
  await router.isReady()
  const w = mount(GuidePage, { global: { plugins: [router], provide: { [PLATFORM_KEY as symbol]: platform } } })
  await flushPromises()
  return w
}

const box = (w: Awaited<ReturnType<typeof open>>, label: string) => w.findAll('label').find((l) => l.text() === label)!.find('input')

describe('GuidePage', () => {
  it('says 可多选 once and the visits the guide says, never 不用跑窗口 beside 最多跑一次', async () => {
    const w = await open(dibao())
    expect(w.text()).toContain('最多跑一次')
    expect(w.find('.apply-cta').text()).toContain('窗口预审通过后最多跑一次')
    expect(w.text()).not.toContain('不用跑窗口')
    expect(w.findAll('legend').map((l) => l.text())).toContain('家庭成员中是否有残疾人？（可多选）')
    expect(w.text()).not.toContain('（可多选）（可多选）')
  })

  it('lets 没有 stand alone: ticking it clears 有残疾人 and its 残疾人证, ticking 有残疾人 clears 没有', async () => {
    const w = await open(dibao())
    await box(w, '有残疾人').setValue(true)
    await flushPromises()
    expect(w.find('#h-materials').element.parentElement!.textContent).toContain('残疾人证')
    await box(w, '没有').setValue(true)
    await flushPromises()
    expect((box(w, '有残疾人').element as HTMLInputElement).checked).toBe(false)
    expect((box(w, '没有').element as HTMLInputElement).checked).toBe(true)
    expect(w.find('#h-materials').element.parentElement!.textContent).not.toContain('残疾人证')
    await box(w, '有残疾人').setValue(true)
    await flushPromises()
    expect((box(w, '没有').element as HTMLInputElement).checked).toBe(false)
  })

  it('links the other item an answer points to, and offers no application here', async () => {
    const w = await open(dibao())
    expect(w.find('.apply-cta').exists()).toBe(true)
    await box(w, '特困人员救助供养').setValue(true)
    await flushPromises()
    const other = w.find('.other-item')
    expect(other.text()).toContain('您要办的是另一个事项')
    expect(other.find('a').attributes('href')).toBe('/items/MZ-OTHER')
    expect(w.find('.apply-cta').exists()).toBe(false)
    expect(w.find('#h-materials').exists()).toBe(false)
  })

  it('a 零跑动 item says 全程网办, 不用跑窗口', async () => {
    const w = await open({ ...dibao(), visits: 0, onlineDepth: 'full_online' })
    expect(w.find('.apply-cta').text()).toContain('全程网办，不用跑窗口')
  })

  it('says days and fees in the core’s words, as the mini-program does', async () => {
    const w = await open({ ...dibao(), promisedDays: 0, statutoryDays: null, fee: { free: false, items: [{ name: '住宅类', amount: '80元/件' }] } })
    const facts = w.find('.facts').text()
    expect(facts).toContain('即办，当场办结')
    expect(facts).toContain('法律法规未规定')
    expect(facts).toContain('住宅类 80元/件')
  })
})
