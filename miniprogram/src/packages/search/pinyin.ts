/**
 * The async subpackage packages/search: pinyin-pro's readings for the
 * catalogue search, kept out of the main package and fetched on the first
 * search (platform/taro-platform.ts). It has no pages.
 */
export { pinyinReader } from '@tongban/core/pinyin'
