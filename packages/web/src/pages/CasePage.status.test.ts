/**
 * 办件详情 for the citizen: the header's time is the status's (when the case
 * got there), the submission said apart; a closed step's deadline is on its
 * own line and names whose step it was (the window's or the department's),
 * so under 请补正 it does not read as the citizen's deadline.
 */
// @vitest-environment-options { "settings": { "disableIframePageLoading": true, "disableJavaScriptFileLoading": true } }
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CaseDetail } from '@tongban/core'
import { testPlatform } from '@tongban/app/testing'
import { PLATFORM_KEY } from '@tongban/app'
import CasePage from './CasePage.vue'

const CASE_NO = 'MZ-0001-20261124-0001'

const asked: CaseDetail = {
  caseNo: CASE_NO, itemCode: 'MZ-0001', itemName: '最低生活保障申请', status: 'supplement_required', statusLabel: '需要补正材料',
  submittedAt: '2026-11-24T02:00:00.000Z', statusAt: '2026-11-25T07:15:00.000Z',
  deadline: null, light: null, daysLeft: null, clockStop: 'supplement',
  formVersion: 1, form: { id: 'f', version: 1, fields: [{ type: 'money', name: 'savings', label: '家庭存款', required: true }] },
  values: { savings: 0 }, answers: {}, materials: [], delivery: 'pickup', deliveryLabel: '到窗口领取', agent: null, nextSteps: [],
  timeline: [
    { at: '2026-11-24T02:00:00.000Z', day: '2026-11-24', text: '提交了申请', by: '申请人' },
    { at: '2026-11-25T07:15:00.000Z', day: '2026-11-25', text: '请补正材料（一次性告知）', by: '窗口', detail: '请补充近6个月银行流水', due: { day: '2026-11-26', met: true, step: 'pre_review' } },
  ],
  branches: [], supplement: [{ path: 'savings', reason: '请补充近6个月银行流水' }], version: 3, phones: null,
}

afterEach(() => { document.body.innerHTML = '' })

describe('CasePage', () => {
  it('says the status\'s time, the submission apart, and whose deadline a step had on a line of its own', async () => {
    const { platform, pinia } = testPlatform({ 'cases.get': async () => asked, 'notices.list': async () => [] })
    const router = createRouter({ history: createMemoryHistory(), routes: [
      { path: '/cases/:caseNo', component: CasePage }, { path: '/cases/:caseNo/supplement', name: 'supplement', component: { template: '<p/>' } },
      { path: '/login', name: 'login', component: { template: '<p/>' } },
    ] })
    await router.push(`/cases/${CASE_NO}`)
    await router.isReady()
    const w = mount(CasePage, { attachTo: document.body, global: { plugins: [router, pinia], provide: { [PLATFORM_KEY as symbol]: platform }, stubs: { RouterLink: RouterLinkStub } } })
    await flushPromises()
    expect(w.find('.status').text()).toBe('需要补正材料 · 2026-11-25 15:15')
    expect(w.find('.submitted').text()).toBe('提交于 2026-11-24 10:00')
    const step = w.findAll('.timeline li')[1]!
    expect(step.find('.due').text()).toBe('窗口受理审查期限11月26日，按期')
    expect(step.text()).toContain('窗口请补正材料（一次性告知）：请补充近6个月银行流水')
    w.unmount()
  })
})
