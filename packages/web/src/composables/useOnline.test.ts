import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { useFollowTab, useReconnect } from './useOnline'

let onLine = true
beforeEach(() => {
  vi.useFakeTimers()
  onLine = true
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => onLine)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** A page using useReconnect whose attempts answer from `answers` in turn (false = not done yet). */
function page(answers: boolean[]) {
  const calls: number[] = []
  const start = Date.now()
  const attempt = async () => { calls.push(Date.now() - start); return answers.shift() ?? false }
  const wrapper = mount(defineComponent({ setup() { useReconnect(attempt); return () => h('div') } }))
  return { calls, wrapper }
}
const reconnect = async (ms = 0) => { window.dispatchEvent(new Event('online')); await vi.advanceTimersByTimeAsync(ms) }

describe('useReconnect', () => {
  it('tries when the network returns and again after 2 s and 5 s until it is done', async () => {
    const { calls } = page([false, false, true])
    await reconnect(60_000)
    expect(calls).toEqual([0, 2_000, 7_000])
  })

  it('gives up after the last delay, and starts over on the next reconnect', async () => {
    const { calls } = page([])
    await reconnect(60_000)
    expect(calls).toEqual([0, 2_000, 7_000, 17_000])
    await reconnect(0)
    expect(calls).toHaveLength(5)
  })

  it('stops while offline, and when the page is left', async () => {
    const first = page([])
    await reconnect(0)
    onLine = false
    await vi.advanceTimersByTimeAsync(60_000)
    expect(first.calls).toEqual([0])
    first.wrapper.unmount()

    onLine = true
    const second = page([])
    await reconnect(0)
    second.wrapper.unmount()
    await vi.advanceTimersByTimeAsync(60_000)
    await reconnect(0)
    expect(second.calls).toEqual([0])
  })
})

describe('useFollowTab', () => {
  function follow() {
    const calls: string[] = []
    const updates = { check: async () => { calls.push('check') }, resume: (o?: { checkNow?: boolean }) => { calls.push(o?.checkNow === false ? 'resume-quiet' : 'resume') }, pause: () => { calls.push('pause') } }
    const wrapper = mount(defineComponent({ setup() { useFollowTab(updates); return () => h('div') } }))
    return { calls, wrapper }
  }
  const visibility = (state: 'visible' | 'hidden') => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state)
    document.dispatchEvent(new Event('visibilitychange'))
  }

  it('polls while the tab is visible, pauses while hidden, checks when the network or the focus returns, stops with the page', () => {
    const { calls, wrapper } = follow()
    expect(calls).toEqual(['resume-quiet'])
    visibility('hidden')
    window.dispatchEvent(new Event('online'))
    visibility('visible')
    window.dispatchEvent(new Event('focus'))
    wrapper.unmount()
    window.dispatchEvent(new Event('online'))
    expect(calls).toEqual(['resume-quiet', 'pause', 'resume', 'check', 'pause'])
  })
})
