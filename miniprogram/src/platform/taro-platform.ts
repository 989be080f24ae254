/**
 * The main package's Platform: the base one (base-platform.ts: Taro.request,
 * Taro storage, Taro's network status, the bearer token) with the catalogue
 * search. The Taro API object is passed in (app.ts passes Taro itself) so
 * tests can build the same platform over stubs.
 */
import { indexCatalogue, queryCatalogue, type PinyinReader } from '@tongban/core'
import type { Platform } from '@tongban/app'
import { API_BASE, createTaroBasePlatform, type TaroPlatformApi } from './base-platform'

export { API_BASE, type TaroPlatformApi }

export function createTaroPlatform(taro: TaroPlatformApi, baseUrl: string = API_BASE): Platform {
  return {
    ...createTaroBasePlatform(taro, baseUrl),
    // The search code is small and static; its pinyin (pinyin-pro, ~430 KB) is
    // in the async subpackage packages/search, fetched on the first search
    // (config/async-require.ts turns this import() into WeChat's require.async).
    loadSearch: () => Promise.resolve({ buildCatalogue: (items, reader = null) => indexCatalogue(items, reader), queryCatalogue }),
    loadPinyin,
  }
}

function loadPinyin(): Promise<PinyinReader> {
  return import('../packages/search/pinyin').then((m) => m.pinyinReader)
}
