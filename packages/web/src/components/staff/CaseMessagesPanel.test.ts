/** The workbench's list of what a case told its applicant: receipts per channel, and resending a stopped message. */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { StaffMessage } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import { fakeApi } from '@tongban/app/testing'
import CaseMessagesPanel from './CaseMessagesPanel.vue'

const dead: StaffMessage = {
  id: '00000000-0000-0000-0000-000000000001', kind: 'accepted', label: '已受理', title: '您的申请已受理', body: '您的办件MZ-0001-20261207-0001已受理。',
  at: '2026-12-07T02:00:00.000Z', read: false, state: 'dead', lastError: 'sms template_invalid: isv.SMS_TEMPLATE_ILLEGAL',
  receipts: [
    { channel: null, status: 'queued', code: null, detail: null, providerId: null, at: '2026-12-07T02:00:00.000Z' },
    { channel: 'sms', status: 'failed', code: 'template_invalid', detail: 'isv.SMS_TEMPLATE_ILLEGAL', providerId: null, at: '2026-12-07T02:00:01.000Z' },
  ],
}

describe('CaseMessagesPanel', () => {
  it('shows each channel\'s receipt and sends a stopped message again', async () => {
    let state: StaffMessage['state'] = 'dead'
    const resent: string[] = []
    const platform: Platform = {
      transport: { request: () => Promise.reject(new Error('no transport in tests')) },
      api: fakeApi({
        'messages.forCase': async () => [{ ...dead, state }],
        'messages.resend': async ({ params }) => { resent.push(params.id); state = 'sent'; return { id: params.id } },
      }),
      storage: memoryStorage(), isOnline: () => true, now: () => 1_700_000_000_000,
    }
    const w = mount(CaseMessagesPanel, { props: { caseNo: 'MZ-0001-20261207-0001', version: 3 }, global: { provide: { [PLATFORM_KEY as symbol]: platform } } })
    await flushPromises()
    expect(w.text()).toContain('已停止发送')
    expect(w.findAll('.receipt').map((r) => r.text())).toEqual(['2026-12-07 10:00 消息：待发送', '2026-12-07 10:00 短信：失败（template_invalid） isv.SMS_TEMPLATE_ILLEGAL'])
    await w.find('button').trigger('click')
    await flushPromises()
    expect(resent).toEqual([dead.id])
    expect(w.text()).toContain('已送达渠道')
    expect(w.find('button').exists()).toBe(false)
  })
})
