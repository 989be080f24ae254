/**
 * 消息中心 in the PWA: loading, then the messages (unread marked), an empty
 * state when there are none, and opening one marks it read and opens its case.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { caseLinks, type MessageList } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import { fakeApi } from '@tongban/app/testing'
import MessagesPage from './MessagesPage.vue'

const CASE = 'MZ-0001-20261207-0001'
const list: MessageList = {
  unread: 1,
  messages: [
    { id: '00000000-0000-0000-0000-000000000002', kind: 'supplement_requested', caseNo: CASE, title: '您的申请需要补正材料', body: `您的办件${CASE}（最低生活保障）需要补正1项。`, at: '2026-12-07T03:00:00.000Z', read: false, link: caseLinks(CASE, 'supplement') },
    { id: '00000000-0000-0000-0000-000000000001', kind: 'accepted', caseNo: CASE, title: '您的申请已受理', body: `您的办件${CASE}已受理。`, at: '2026-12-07T02:00:00.000Z', read: true, link: caseLinks(CASE) },
  ],
}

async function setup(answer: () => Promise<MessageList>, marked: string[] = []) {
  const platform: Platform = {
    transport: { request: () => Promise.reject(new Error('no transport in tests')) },
    api: fakeApi({ 'messages.list': answer, 'messages.read': async ({ params }) => { marked.push(params.id) } }),
    storage: memoryStorage(),
    isOnline: () => true,
    now: () => 1_700_000_000_000,
  }
  const stub = { template: '<p/>' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/messages', component: MessagesPage }, { path: '/cases/:caseNo', name: 'case', component: stub },
      { path: '/cases/:caseNo/supplement', name: 'supplement', component: stub }, { path: '/me/message-settings', name: 'message-settings', component: stub },
      { path: '/login', name: 'login', component: stub },
    ],
  })
  await router.push('/messages')
  await router.isReady()
  return { router, w: mount(MessagesPage, { global: { plugins: [router], provide: { [PLATFORM_KEY as symbol]: platform } } }) }
}

describe('MessagesPage', () => {
  it('shows a loading state, then the messages newest first with the unread one marked', async () => {
    let resolve!: (v: MessageList) => void
    const { w } = await setup(() => new Promise((r) => { resolve = r }))
    expect(w.find('[aria-busy="true"]').exists()).toBe(true)
    resolve(list)
    await flushPromises()
    const items = w.findAll('li button')
    expect(items.map((b) => b.find('.title').text())).toEqual(['您的申请需要补正材料', '您的申请已受理'])
    expect(items.map((b) => b.classes().includes('unread'))).toEqual([true, false])
    expect(w.text()).toContain('1 条未读')
  })

  it('says so when there are no messages', async () => {
    const { w } = await setup(async () => ({ messages: [], unread: 0 }))
    await flushPromises()
    expect(w.text()).toContain('还没有消息')
  })

  it('marks a message read when it is opened, and opens its page', async () => {
    const marked: string[] = []
    const { w, router } = await setup(async () => structuredClone(list), marked)
    await flushPromises()
    await w.findAll('li button')[0]!.trigger('click')
    await flushPromises()
    expect(marked).toEqual(['00000000-0000-0000-0000-000000000002'])
    expect(router.currentRoute.value.fullPath).toBe(`/cases/${CASE}/supplement`)
  })
})
