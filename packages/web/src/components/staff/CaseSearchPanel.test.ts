/**
 * 查找办件: a query none of the three (number, phone, name) is said at the box
 * without asking the BFF; while it searches it says so; nothing found says
 * what was searched; found cases link to their page; a failed search offers 重试.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { ApiError, CASE_SEARCH_MESSAGE, makeProblem, type CaseSearchResult, type StaffCaseSummary } from '@tongban/core'
import { testPlatform } from '@tongban/app/testing'
import { PLATFORM_KEY } from '@tongban/app'
import CaseSearchPanel from './CaseSearchPanel.vue'

const row: StaffCaseSummary = {
  caseNo: 'MZ-0001-20261124-0001', itemCode: 'MZ-0001', itemName: '最低生活保障申请', status: 'submitted', statusLabel: '已提交，待受理',
  submittedAt: '2026-11-24T02:00:00Z', deadline: '2026-11-26', light: 'green', daysLeft: 2, clockStop: null, version: 1,
}

function setup(search: (q: string) => Promise<CaseSearchResult>) {
  const asked: string[] = []
  const { platform } = testPlatform({ 'workbench.search': async ({ query }) => { asked.push(query.q); return search(query.q) } })
  const w = mount(CaseSearchPanel, { attachTo: document.body, global: { provide: { [PLATFORM_KEY as symbol]: platform }, stubs: { RouterLink: RouterLinkStub } } })
  return { w, asked }
}

afterEach(() => { document.body.innerHTML = '' })

describe('CaseSearchPanel', () => {
  it('says at the box what it takes, and asks nothing, for a query that is none of the three', async () => {
    const { w, asked } = setup(async () => ({ by: 'name', cases: [] }))
    expect(w.text()).toContain('每次查找都会留痕，群众可在“谁查看了我的信息”里看到')
    await w.find('#case-search').setValue('王')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(asked).toEqual([])
    expect(w.find('#case-search-error').text()).toBe(CASE_SEARCH_MESSAGE)
    expect(w.find('#case-search').attributes('aria-invalid')).toBe('true')
  })

  it('says it is searching, then lists what it found, each linking to the case', async () => {
    let answer!: (r: CaseSearchResult) => void
    const { w, asked } = setup(() => new Promise((r) => { answer = r }))
    await w.find('#case-search').setValue(' 138 0013 8000 ')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(asked).toEqual(['138 0013 8000'])
    expect(w.find('[role="status"]').text()).toBe('正在查找…')
    expect(w.find('button[type="submit"]').text()).toBe('查找中…')
    answer({ by: 'phone', cases: [row] })
    await flushPromises()
    expect(w.find('[role="status"]').text()).toBe('按手机号码找到 1 件：')
    expect(w.findComponent(RouterLinkStub).props('to')).toEqual({ name: 'staff-case', params: { caseNo: row.caseNo } })
    expect(w.find('.found li').text()).toContain(`${row.caseNo} · 已提交，待受理 · 提交于 2026-11-24 10:00`)
  })

  it('says what was searched when nothing is found, and offers 重试 when the search fails', async () => {
    const nothing = setup(async () => ({ by: 'name', cases: [] }))
    await nothing.w.find('#case-search').setValue('欧阳晓梅')
    await nothing.w.find('form').trigger('submit')
    await flushPromises()
    expect(nothing.w.find('[role="status"]').text()).toBe('没有找到姓名为“欧阳晓梅”、您可以办理或查看的办件。')

    let fail = true
    const failing = setup(async () => { if (fail) throw new ApiError(makeProblem('UNAVAILABLE')); return { by: 'name', cases: [row] } })
    await failing.w.find('#case-search').setValue('欧阳晓梅')
    await failing.w.find('form').trigger('submit')
    await flushPromises()
    expect(failing.w.find('[role="alert"]').text()).toContain('没有查找成功')
    fail = false
    await failing.w.find('[role="alert"] button').trigger('click')
    await flushPromises()
    expect(failing.w.find('[role="alert"]').exists()).toBe(false)
    expect(failing.w.findAll('.found li')).toHaveLength(1)
  })
})
