/**
 * 办件详情 shows what the BFF says about this case in the item's words: the
 * 领取方式 label as sent (no 电子证照 for an item that issues none), each
 * sentence of 接下来, and no empty 接下来 once the case is completed.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { savedCopyText, type CaseDetail } from '@tongban/core'
import { PLATFORM_KEY } from '@tongban/app'
import { offline, testPlatform } from '@tongban/app/testing'
import CasePage from './CasePage.vue'

const NO = 'MZ-0001-20261123-0001'

function detail(extra: Partial<CaseDetail>): CaseDetail {
  return {
    caseNo: NO, itemCode: 'MZ-0001', itemName: '最低生活保障申请', status: 'submitted', statusLabel: '已提交，待受理',
    submittedAt: '2026-11-23T02:05:00Z', deadline: null, light: null, daysLeft: null, clockStop: null,
    version: 1, formVersion: 1, delivery: 'pickup', deliveryLabel: '到窗口领取', form: { id: 'f', version: 1, fields: [] }, values: {}, answers: {}, materials: [],
    agent: null, timeline: [{ day: '2026-11-23', by: '申请人', text: '提交了申请' }], branches: [], phones: null,
    nextSteps: ['最多到现场1次，到窗口时请带上：居民户口簿（原件）。', '办结后，请凭办件编号和身份证到窗口领取“最低生活保障审核确认决定”。'],
    ...extra,
  } as CaseDetail
}

let w: VueWrapper | undefined
afterEach(() => w?.unmount())

async function open(c: CaseDetail, opts: { offline?: boolean; stored?: Record<string, string> } = {}) {
  const { platform, storage } = testPlatform({ 'cases.get': async () => (opts.offline ? offline() : c), 'notices.list': async () => [] })
  for (const [k, v] of Object.entries(opts.stored ?? {})) storage.data.set(k, v)
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/cases/:caseNo', name: 'case', component: CasePage },
    { path: '/cases/:caseNo/supplement', name: 'supplement', component: { template: '<p/>' } },
    { path: '/login', name: 'login', component: { template: '<p/>' } },
    { path: '/cases', name: 'cases', component: { template: '<p/>' } },
    { path: '/', name: 'home', component: { template: '<p/>' } },
  ] })
  await router.push(`/cases/${c.caseNo}`)
  await router.isReady()
  w = mount(CasePage, { global: { plugins: [router], provide: { [PLATFORM_KEY as symbol]: platform } } })
  await flushPromises()
  return w
}

describe('CasePage', () => {
  it('lists 接下来 as the BFF wrote it and the delivery in its words for the item', async () => {
    const page = await open(detail({}))
    const next = page.find('[aria-labelledby="h-next"]')
    expect(next.find('h2').text()).toBe('接下来')
    expect(next.findAll('li').map((li) => li.text())).toEqual(detail({}).nextSteps)
    expect(next.text()).toContain('领取方式：到窗口领取')
    expect(next.text()).not.toContain('证照')
  })

  it('shows no empty 接下来 on a completed case: the delivery under its own heading', async () => {
    const page = await open(detail({ status: 'completed', statusLabel: '已办结', outcome: 'approved', nextSteps: [], delivery: 'electronic', deliveryLabel: '网上告知办理结果（在“我的办件”查看）' }))
    expect(page.text()).not.toContain('接下来')
    const next = page.find('[aria-labelledby="h-next"]')
    expect(next.find('h2').text()).toBe('领取方式')
    expect(next.findAll('li')).toHaveLength(0)
    expect(next.text()).toContain('领取方式：网上告知办理结果（在“我的办件”查看）')
  })

  it('without a network shows the copy this device saved, saying when (the shared offline copies)', async () => {
    const savedAt = Date.parse('2026-11-24T01:30:00Z')
    const page = await open(detail({}), { offline: true, stored: { [`tb.copy.case.${NO}`]: JSON.stringify({ value: detail({}), savedAt }) } })
    expect(page.find('[role="status"]').text()).toBe(savedCopyText(savedAt))
    expect(page.text()).toContain('2026-11-24 09:30保存在本机的内容')
    expect(page.find('[data-testid="case-no"]').text()).toBe(NO)
  })

  it('without a network and no copy says it could not load', async () => {
    const page = await open(detail({}), { offline: true })
    expect(page.find('[data-testid="case-no"]').exists()).toBe(false)
    expect(page.text()).not.toContain('保存在本机')
  })
})
