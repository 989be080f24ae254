import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { fakeApi, type StaffWarning } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import WarningsPanel from './WarningsPanel.vue'

const w = (over: Partial<StaffWarning>): StaffWarning => ({
  id: '1', caseNo: 'MZ-0001-20261124-0001', itemName: '最低生活保障申请', light: 'yellow', step: '窗口预审', deadline: '2026-11-26', raisedAt: '2026-11-25T04:00:00Z', read: false, ...over,
})

function setup(api: Parameters<typeof fakeApi>[0], supervisor = false) {
  const platform: Platform = {
    transport: { request: () => Promise.reject(new Error('no transport in tests')) },
    api: fakeApi(api), storage: memoryStorage(), isOnline: () => true, now: () => 0,
  }
  return mount(WarningsPanel, { props: { supervisor }, global: { provide: { [PLATFORM_KEY as symbol]: platform }, stubs: { RouterLink: RouterLinkStub } } })
}

afterEach(() => { document.body.innerHTML = '' })

describe('WarningsPanel', () => {
  it('says so when nothing is near its deadline', async () => {
    const p = setup({ 'warnings.list': async () => [] })
    await flushPromises()
    expect(p.find('[role="status"]').text()).toBe('暂无预警：您负责的办件都在期限内。')
  })

  it('shows red and yellow cards in words with the step and deadline, counts unread, and marks one read', async () => {
    const read: string[] = []
    const p = setup({
      'warnings.list': async () => [w({ id: '2', light: 'red', caseNo: 'MZ-0001-20261124-0002' }), w({ id: '1' })],
      'warnings.read': async ({ params: { id } }) => { read.push(id) },
    })
    await flushPromises()
    expect(p.find('.badge').text()).toBe('2')
    const items = p.findAll('li')
    expect(items[0]!.text()).toContain('红牌 · 已超期')
    expect(items[0]!.text()).toContain('窗口预审，11月26日前办完')
    expect(items[1]!.text()).toContain('黄牌 · 即将到期')
    await items[0]!.find('button').trigger('click')
    await flushPromises()
    expect(read).toEqual(['2'])
    expect(p.find('.badge').text()).toBe('1')
    expect(p.findAll('li').map((li) => li.classes().includes('read'))).toEqual([false, true])
  })

  it('gives supervisors the count per desk', async () => {
    const p = setup({ 'warnings.list': async () => [w({ id: '3', light: 'red', step: '示例市民政局办理' }), w({ id: '4', step: '示例市民政局办理' }), w({ id: '5' })] }, true)
    await flushPromises()
    expect(p.find('[aria-label="各环节未读预警"]').text()).toBe('示例市民政局办理：红牌 1 · 黄牌 1窗口预审：红牌 0 · 黄牌 1')
  })
})
