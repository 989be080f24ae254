/**
 * 办件查询's refusals read as the BFF wrote them: a wrong number or wrong
 * digits, and a number locked after too many wrong answers (its wait and
 * the way round it, 我的办件, are in the title).
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError, makeProblem, PROBLEMS, type ApiClient, type ProblemCode, type RouteContract } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from '@tongban/app'
import QueryPage from './QueryPage.vue'

async function refusedWith(code: ProblemCode, detail?: string) {
  const platform: Platform = {
    transport: { request: () => Promise.reject(new Error('no transport in tests')) },
    api: { call: (c: RouteContract) => Promise.reject(c.id === 'cases.publicQuery' ? new ApiError(makeProblem(code, detail ? { detail } : {})) : new Error(`no fake for ${c.id}`)) } as unknown as ApiClient,
    storage: memoryStorage(),
    isOnline: () => true,
    now: () => 1_700_000_000_000,
  }
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/query', component: QueryPage }, { path: '/', name: 'home', component: { template: '<p/>' } }] })
  await router.push('/query')
  await router.isReady()
  const w = mount(QueryPage, { global: { plugins: [router], provide: { [PLATFORM_KEY as symbol]: platform } } })
  expect(w.find('#q-case-hint').text()).toMatch(/如 SJ-0001-\d{8}-0001/)
  expect(w.find('#q-case').attributes('aria-describedby')).toBe('q-case-hint')
  await w.find('#q-case').setValue('MZ-0001-20261124-0001')
  await w.find('#q-phone4').setValue('1234')
  await w.find('form').trigger('submit')
  await flushPromises()
  return w.find('[role="alert"]').text()
}

describe('QueryPage', () => {
  it.each(['QUERY_NOT_FOUND', 'QUERY_LOCKED'] as const)('shows %s as its title', async (code) => {
    expect(await refusedWith(code)).toBe(PROBLEMS[code].title)
  })

  it('says how long to wait when too many queries came from here', async () => {
    expect(await refusedWith('RATE_LIMITED', '请42秒后再试')).toBe('操作太频繁了，请42秒后再试')
  })
})
