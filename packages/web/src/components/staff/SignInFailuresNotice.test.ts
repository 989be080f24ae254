import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import SignInFailuresNotice from './SignInFailuresNotice.vue'

describe('SignInFailuresNotice', () => {
  it('says how many sign-ins failed and when the last was, in Shanghai time, and can be dismissed', async () => {
    const w = mount(SignInFailuresNotice, { props: { failures: { count: 3, lastAt: '2026-03-02T01:01:00.000Z' } } })
    expect(w.get('[role="status"]').text()).toContain('自上次登录以来，有3次登录失败（最近一次：2026-03-02 09:01）')
    await w.get('button').trigger('click')
    expect(w.emitted('dismiss')).toHaveLength(1)
  })
})
