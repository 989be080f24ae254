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

const sentBySms: StaffMessage['receipts'][number] = { channel: 'sms', status: 'sent', code: null, detail: null, providerId: '9001^0', at: '2026-12-07T02:05:00.000Z' }

describe('CaseMessagesPanel', () => {
  it('shows each channel\'s receipt and sends a stopped message again', async () => {
    let state: StaffMessage['state'] = 'dead'
    const resent: string[] = []
    const platform: Platform = {
      transport: { request: () => Promise.reject(new Error('no transport in tests')) },
      api: fakeApi({
        'messages.forCase': async () => [{ ...dead, state, receipts: state === 'dead' ? dead.receipts : [...dead.receipts, sentBySms] }],
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
    expect(w.text()).toContain('已交给渠道')
    expect(w.find('button').exists()).toBe(false)
  })

  it.each([
    ['the carrier\'s report says delivered', [sentBySms, { ...sentBySms, status: 'delivered' as const }], '已送达'],
    ['the carrier\'s report says it failed', [sentBySms, { ...sentBySms, status: 'failed' as const, code: 'MOBILE_NOT_ON_SERVICE' }], '送达失败'],
    ['no report yet', [sentBySms], '已交给渠道'],
  ])('says what a sent message\'s provider reported last: %s', async (_, receipts, text) => {
    const platform: Platform = {
      transport: { request: () => Promise.reject(new Error('no transport in tests')) },
      api: fakeApi({ 'messages.forCase': async () => [{ ...dead, state: 'sent', lastError: null, receipts }] }),
      storage: memoryStorage(), isOnline: () => true, now: () => 1_700_000_000_000,
    }
    const w = mount(CaseMessagesPanel, { props: { caseNo: 'MZ-0001-20261207-0001', version: 3 }, global: { provide: { [PLATFORM_KEY as symbol]: platform } } })
    await flushPromises()
    expect(w.find('li > span > span').text()).toBe(text)
  })
})
