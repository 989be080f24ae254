import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import LightBadge from './LightBadge.vue'

describe('LightBadge', () => {
  it('a running clock: its colour and the words every party sees', () => {
    const b = mount(LightBadge, { props: { light: 'red', deadline: '2026-12-08', daysLeft: -2, label: '本环节：' } })
    expect(b.classes()).toEqual(['light', 'red'])
    expect(b.text()).toBe('本环节：已超期2个工作日 · 期限为12月8日')
  })

  it('a stopped clock: a grey dot and why, never a deadline', () => {
    const b = mount(LightBadge, { props: { light: null, deadline: null, daysLeft: null, stop: 'supplement' } })
    expect(b.classes()).toEqual(['light', 'stopped'])
    expect(b.text()).toBe('计时暂停 · 等您补正材料后继续')
    expect(mount(LightBadge, { props: { light: null, deadline: null, stop: 'special_procedure' } }).text()).toBe('计时暂停 · 部门特别程序中')
  })

  it('nothing at all for a case that is over', () => {
    expect(mount(LightBadge, { props: { light: null, deadline: null, stop: null } }).html()).toBe('<!--v-if-->')
  })
})
