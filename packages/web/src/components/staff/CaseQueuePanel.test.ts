/**
 * 待办办件 a page at a time: a full page offers 加载更多, which adds the next
 * page below (a case that moved between pages shown once); a short page ends
 * the list; a failed page keeps what is shown and says so.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { ApiError, makeProblem, STAFF_QUEUE_PAGE, type ApiClient, type RouteContract, type StaffCaseSummary } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import CaseQueuePanel from './CaseQueuePanel.vue'

const row = (i: number): StaffCaseSummary => ({
  caseNo: `MZ-0001-20261124-${String(i).padStart(4, '0')}`, itemCode: 'MZ-0001', itemName: '最低生活保障申请', status: 'submitted', statusLabel: '已提交，待受理',
  submittedAt: '2026-11-24T02:00:00Z', deadline: '2026-11-26', light: 'green', daysLeft: 2, clockStop: null, version: 1,
} as StaffCaseSummary)

/** The queue's pages by the offset asked for (none for the first). */
function setup(staffCases: (offset?: number) => Promise<StaffCaseSummary[]>, live: Pick<Platform, 'watchWorkbench'> = {}) {
  const call = (c: RouteContract, input?: { query?: { offset?: number } }) =>
    c.id === 'workbench.cases' ? staffCases(input?.query?.offset) : Promise.reject(new Error(`no fake for ${c.id}`))
  const platform: Platform = {
    transport: { request: () => Promise.reject(new Error('no transport in tests')) },
    api: { call } as unknown as ApiClient, storage: memoryStorage(), isOnline: () => true, now: () => 0, ...live,
  }
  return mount(CaseQueuePanel, { global: { provide: { [PLATFORM_KEY as symbol]: platform }, stubs: { RouterLink: RouterLinkStub } } })
}

afterEach(() => { document.body.innerHTML = '' })

describe('CaseQueuePanel', () => {
  it('adds the next page on 加载更多 until a page is short', async () => {
    const all = Array.from({ length: STAFF_QUEUE_PAGE + 30 }, (_, i) => row(i + 1))
    const asked: (number | undefined)[] = []
    const w = setup(async (offset) => {
      asked.push(offset)
      const from = offset ?? 0
      // The first case of page two was also the last of page one (acted on meanwhile): shown once.
      return from ? [all[from - 1]!, ...all.slice(from, from + STAFF_QUEUE_PAGE)] : all.slice(0, STAFF_QUEUE_PAGE)
    })
    await flushPromises()
    expect(w.findAll('li')).toHaveLength(STAFF_QUEUE_PAGE)
    await w.find('button.more').trigger('click')
    await flushPromises()
    expect(asked).toEqual([undefined, STAFF_QUEUE_PAGE])
    expect(w.findAll('li')).toHaveLength(STAFF_QUEUE_PAGE + 30)
    expect(w.find('button.more').exists()).toBe(false)
    expect(w.text()).toContain(`共 ${STAFF_QUEUE_PAGE + 30} 件，已全部显示。`)
  })

  it('offers no 加载更多 for a short first page, and keeps the list when a next page fails', async () => {
    expect((await (async () => { const w = setup(async () => [row(1)]); await flushPromises(); return w })()).find('button.more').exists()).toBe(false)
    const w = setup(async (offset) => {
      if (offset) throw new ApiError(makeProblem('UNAVAILABLE'))
      return Array.from({ length: STAFF_QUEUE_PAGE }, (_, i) => row(i + 1))
    })
    await flushPromises()
    await w.find('button.more').trigger('click')
    await flushPromises()
    expect(w.findAll('li')).toHaveLength(STAFF_QUEUE_PAGE)
    expect(w.find('[role="alert"]').text()).toContain('没有加载出更多办件')
    expect(w.find('button.more').exists()).toBe(true)
  })

  it('reloads the pages shown when live word says the workbench changed, and stops listening when it goes', async () => {
    let tell: (() => void) | null = null
    let stopped = false
    let rows = Array.from({ length: STAFF_QUEUE_PAGE + 5 }, (_, i) => row(i + 1))
    const asked: (number | undefined)[] = []
    const w = setup(async (offset) => { asked.push(offset); return rows.slice(offset ?? 0, (offset ?? 0) + STAFF_QUEUE_PAGE) }, {
      watchWorkbench: (changed) => { tell = changed; return () => { stopped = true } },
    })
    await flushPromises()
    await w.find('button.more').trigger('click')
    await flushPromises()
    expect(w.findAll('li')).toHaveLength(STAFF_QUEUE_PAGE + 5)
    // The window accepted the first case: it left this desk.
    rows = rows.slice(1)
    asked.length = 0
    tell!()
    await flushPromises()
    expect(asked).toEqual([undefined, STAFF_QUEUE_PAGE])
    expect(w.findAll('li')).toHaveLength(STAFF_QUEUE_PAGE + 4)
    expect(w.text()).not.toContain(row(1).caseNo)
    w.unmount()
    expect(stopped).toBe(true)
  })
})
