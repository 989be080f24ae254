/**
 * The error state: no emoji (a phone without an emoji font shows boxes), 重试
 * only where trying again can help, and the page's own words when there is
 * no network and no saved copy.
 */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { GUIDE_NOT_SAVED, makeProblem } from '@tongban/core'
import PageState from './PageState.vue'

const EMOJI = /\p{Extended_Pictographic}/u

describe('PageState', () => {
  it('offers 重试 for no network, with the page’s offline words and an SVG icon', () => {
    const w = mount(PageState, { props: { state: 'error', problem: makeProblem('NETWORK'), offlineText: GUIDE_NOT_SAVED } })
    expect(w.text()).toContain('还没有保存到本机')
    expect(w.text()).not.toMatch(EMOJI)
    expect(w.find('svg').exists()).toBe(true)
    expect(w.find('button').text()).toBe('重试')
  })

  it('offers no 重试 for an item that does not exist: the same answer would come again', () => {
    const w = mount(PageState, { props: { state: 'error', problem: makeProblem('ITEM_NOT_FOUND') }, slots: { default: '<a href="/search">重新搜索事项</a>' } })
    expect(w.text()).toContain('没有找到这个事项')
    expect(w.find('button').exists()).toBe(false)
    expect(w.find('a').text()).toBe('重新搜索事项')
  })

  it('says the problem’s own title when it is not the network', () => {
    const w = mount(PageState, { props: { state: 'error', problem: makeProblem('INTERNAL'), offlineText: GUIDE_NOT_SAVED } })
    expect(w.text()).toContain('系统暂时出了点问题')
    expect(w.find('button').exists()).toBe(true)
  })

  it('draws the empty state without emoji', () => {
    expect(mount(PageState, { props: { state: 'empty' } }).text()).not.toMatch(EMOJI)
  })
})
