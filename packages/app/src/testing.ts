/** Test support: a Platform over an in-memory storage and a scriptable API. */
import { createApp } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError, fakeApi, makeProblem, type ApiClient, type FakeCalls, type Transport } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from './platform/platform'

export function testPlatform(api: Partial<Omit<ApiClient, 'call'>> & FakeCalls, opts: { now?: () => number } = {}) {
  const storage = memoryStorage()
  const transport: Transport = { request: () => Promise.reject(new Error('no transport in tests')) }
  const platform: Platform = {
    transport,
    api: fakeApi(api),
    storage,
    isOnline: () => true,
    now: opts.now ?? (() => 1_700_000_000_000),
    loadSearch: () => import('@tongban/core/search'),
  }
  const app = createApp({ render: () => null })
  const pinia = createPinia()
  app.use(pinia)
  app.provide(PLATFORM_KEY, platform)
  setActivePinia(pinia)
  /** Runs `fn` where inject() sees the platform, as a component would. */
  const within = <T>(fn: () => T): T => app.runWithContext(fn)
  return { platform, storage, pinia, app, within }
}

export const offline = () => Promise.reject(new ApiError(makeProblem('NETWORK')))

/** The core's fake client, for the shells' tests (fake a route by its contract id). */
export { fakeApi }
