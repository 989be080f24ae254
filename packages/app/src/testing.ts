/** Test support: a Platform over an in-memory storage and a scriptable API. */
import { createApp } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError, makeProblem, type ApiClient, type FakeCalls, type RouteContract, type Transport } from '@tongban/core'
import { memoryStorage, PLATFORM_KEY, type Platform } from './platform/platform'

/**
 * An ApiClient answering from fakes: named methods as given, and `call` by
 * the contract's id (`{ 'catalogue.snapshot': async () => snapshot }`); a
 * contract without a fake fails the test that called it.
 */
export function fakeApi(api: Partial<Omit<ApiClient, 'call'>> & FakeCalls): ApiClient {
  const calls = api as Record<string, ((input: unknown) => Promise<unknown>) | undefined>
  const call = (contract: RouteContract, input?: unknown) => {
    const fake = contract.id ? calls[contract.id] : undefined
    if (!fake) return Promise.reject(new Error(`no fake answer for ${contract.id ?? contract.path} in this test`))
    return fake(input ?? {})
  }
  return { ...api, call } as unknown as ApiClient
}

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
