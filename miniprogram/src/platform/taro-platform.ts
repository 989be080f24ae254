/**
 * The mini-program's Platform: Taro.request, Taro storage and Taro's network
 * status behind the interface the shared stores inject.
 */
import Taro from '@tarojs/taro'
import { createApiClient } from '@tongban/core'
// Static, not the default dynamic import: a mini-program has no lazy chunks
// outside subpackages, so the search code is in the main package anyway.
import { buildCatalogue, queryCatalogue } from '@tongban/core/search'
import type { Platform } from '@tongban/app'
import { createTaroTransport } from './transport'
import { createTaroStorage } from './storage'
import { createNetworkWatch } from './network'

/** Replaced at build time (config/index.ts); defaults to the local BFF. */
export const API_BASE: string = process.env.TARO_APP_API_BASE || 'http://localhost:8080'

export function createTaroPlatform(baseUrl: string = API_BASE): Platform {
  const transport = createTaroTransport({
    baseUrl,
    // Taro.request also returns a promise that rejects on `fail`; the
    // transport already turned that into its own rejection.
    request: (o) => Taro.request(o).catch(() => undefined),
  })
  const network = createNetworkWatch(Taro)
  return {
    transport,
    api: createApiClient(transport),
    storage: createTaroStorage(Taro),
    isOnline: network.isOnline,
    now: () => Date.now(),
    loadSearch: () => Promise.resolve({ buildCatalogue, queryCatalogue }),
  }
}
