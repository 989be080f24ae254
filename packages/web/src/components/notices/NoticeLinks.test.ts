/** The notice links on a case page: one download link per notice, the staff list on the workbench, nothing when there is none. */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { ApiClient, CaseNotice, FakeCalls } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import { fakeApi } from '@tongban/app/testing'
import NoticeLinks from './NoticeLinks.vue'

const notices: CaseNotice[] = [
  { kind: 'supplement', title: '补正材料一次性告知书', event: 2, day: '2026-05-12', url: '/api/cases/X/notices/supplement?event=2' },
  { kind: 'supplement', title: '补正材料一次性告知书', event: 5, day: '2026-05-14', url: '/api/cases/X/notices/supplement' },
  { kind: 'acceptance', title: '受理通知书', event: 8, day: '2026-05-15', url: '/api/cases/X/notices/acceptance' },
]

function setup(api: Partial<Omit<ApiClient, 'call'>> & FakeCalls, props: { staff?: boolean } = {}) {
  const platform: Platform = { transport: { request: () => Promise.reject(new Error('none')) }, api: fakeApi(api), storage: memoryStorage(), isOnline: () => true, now: () => 0 }
  return mount(NoticeLinks, { props: { caseNo: 'X', version: 9, ...props }, global: { provide: { [PLATFORM_KEY as symbol]: platform } } })
}

describe('NoticeLinks', () => {
  it('links each notice’s PDF, telling two of a kind apart by their day', async () => {
    const w = setup({ 'notices.list': async () => notices })
    await flushPromises()
    const links = w.findAll('a')
    expect(links.map((a) => a.text())).toEqual(['下载补正材料一次性告知书（PDF，5月12日）', '下载补正材料一次性告知书（PDF，5月14日）', '下载受理通知书（PDF）'])
    expect(links.map((a) => a.attributes('href'))).toEqual(notices.map((n) => n.url))
    expect(links.every((a) => a.attributes('download') !== undefined)).toBe(true)
  })

  it('asks the staff route on the workbench, and shows nothing for a case without notices', async () => {
    const asked: string[] = []
    const w = setup({ 'notices.staffList': async ({ params }) => { asked.push(params.caseNo); return [] } }, { staff: true })
    await flushPromises()
    expect(asked).toEqual(['X'])
    expect(w.find('section').exists()).toBe(false)
  })
})
