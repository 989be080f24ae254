/** For the shells' tests: a client that answers from fakes, never from a BFF. */
import type { ApiClient } from './client'
import type { FakeCalls } from './areas'
import type { RouteContract } from './contract/contract'

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

