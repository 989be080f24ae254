import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { ApiError, fakeApi, makeProblem, type ApprovalHandover } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import HandoverPanel from './HandoverPanel.vue'

const dead: ApprovalHandover = { id: '7', caseNo: 'MZ-0001-20261123-0001', kind: 'approval.handover', what: '交给审批系统', attempts: 8, state: 'dead', nextAt: null, lastError: 'answered 401 (invalid token)', externalId: null }
const retrying: ApprovalHandover = { id: '8', caseNo: 'MZ-0001-20261123-0002', kind: 'notice.issue', what: '出具通知书', attempts: 2, state: 'retrying', nextAt: '2026-11-23T08:00:00Z', lastError: 'answered 503', externalId: null }

function setup(api: Parameters<typeof fakeApi>[0]) {
  const platform: Platform = {
    transport: { request: () => Promise.reject(new Error('no transport in tests')) },
    api: fakeApi(api), storage: memoryStorage(), isOnline: () => true, now: () => 0,
  }
  return mount(HandoverPanel, { global: { provide: { [PLATFORM_KEY as symbol]: platform }, stubs: { RouterLink: RouterLinkStub } } })
}

afterEach(() => { document.body.innerHTML = '' })

describe('HandoverPanel', () => {
  it('shows nothing while every case has gone through', async () => {
    const w = setup({ 'outbox.pending': async () => [] })
    await flushPromises()
    expect(w.find('section').exists()).toBe(false)
  })

  it('lists stopped and retrying handovers with the reason, and sends a stopped one again', async () => {
    let list = [dead, retrying]
    const sent: string[] = []
    const w = setup({
      'outbox.pending': async () => list,
      'outbox.resend': async ({ params: { id } }) => { sent.push(id); list = [retrying]; return { id } },
    })
    await flushPromises()
    const items = w.findAll('li')
    expect(items).toHaveLength(2)
    expect(items[0]!.text()).toContain('已停止发送（已试 8 次）')
    expect(items[0]!.text()).toContain('交给审批系统')
    expect(items[1]!.text()).toContain('出具通知书')
    expect(items[0]!.text()).toContain('原因：answered 401 (invalid token)')
    expect(items[1]!.text()).toMatch(/重试中（已试 2 次，2026-11-23 16:00 再试）/)
    expect(items[1]!.find('button').exists()).toBe(false)
    await items[0]!.find('button').trigger('click')
    await flushPromises()
    expect(sent).toEqual(['7'])
    expect(w.find('[role="status"]').text()).toBe('办件 MZ-0001-20261123-0001 已重新发送。')
    expect(w.findAll('li')).toHaveLength(1)
  })

  it('says what went wrong in Chinese when sending again fails', async () => {
    const w = setup({
      'outbox.pending': async () => [dead],
      'outbox.resend': async () => { throw new ApiError(makeProblem('NOT_FOUND')) },
    })
    await flushPromises()
    await w.find('button').trigger('click')
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toBe('您要找的页面或数据不存在')
  })
})
