/** 消息设置 in the PWA: every kind with its switch; switching one off is saved and shown as the BFF kept it. */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { MessageSettings, MessageSettingsBody } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import { fakeApi } from '@tongban/app/testing'
import MessageSettingsPage from './MessageSettingsPage.vue'

describe('MessageSettingsPage', () => {
  it('lists every kind on, and saves one switched off', async () => {
    let kept: MessageSettings = { kinds: [{ kind: 'accepted', label: '已受理', enabled: true }, { kind: 'paused', label: '暂停计时', enabled: true }] }
    const saved: MessageSettingsBody[] = []
    const platform: Platform = {
      transport: { request: () => Promise.reject(new Error('no transport in tests')) },
      api: fakeApi({
        'messages.settings': async () => kept,
        'messages.saveSettings': async ({ body }) => {
          saved.push(body)
          kept = { kinds: kept.kinds.map((k) => (k.kind === body.kinds[0]!.kind ? { ...k, enabled: body.kinds[0]!.enabled } : k)) }
          return kept
        },
      }),
      storage: memoryStorage(), isOnline: () => true, now: () => 1_700_000_000_000,
    }
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/me/message-settings', component: MessageSettingsPage }, { path: '/login', name: 'login', component: { template: '<p/>' } }] })
    await router.push('/me/message-settings')
    await router.isReady()
    const w = mount(MessageSettingsPage, { global: { plugins: [router], provide: { [PLATFORM_KEY as symbol]: platform } } })
    await flushPromises()
    const switches = w.findAll('input[role="switch"]')
    expect(w.findAll('label').map((l) => l.text())).toEqual(['已受理', '暂停计时'])
    expect(switches.map((s) => (s.element as HTMLInputElement).checked)).toEqual([true, true])
    await switches[1]!.setValue(false)
    await flushPromises()
    expect(saved).toEqual([{ kinds: [{ kind: 'paused', enabled: false }] }])
    expect(w.findAll('input[role="switch"]').map((s) => (s.element as HTMLInputElement).checked)).toEqual([true, false])
    expect(w.text()).toContain('仍会保留在消息中心')
    // The BFF listed no urgent kind here: no exception named.
    expect(w.text()).toContain('晚上 22 点到早上 8 点不发短信，到 8 点再发。')
  })
})
