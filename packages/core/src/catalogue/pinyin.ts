/**
 * The pinyin readings search needs, from pinyin-pro (~330 KB of dictionary).
 * Kept apart from search.ts so a shell can load it after the search itself:
 * the mini-program ships it in an async subpackage, and an index built
 * without it still finds every hanzi query.
 */
import { pinyin } from 'pinyin-pro'
import type { PinyinReader } from './search'

const multiCache = new Map<string, string[]>()

export const pinyinReader: PinyinReader = {
  sentence: (text) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) => s.toLowerCase()),
  readings(char) {
    let all = multiCache.get(char)
    if (!all) {
      all = pinyin(char, { toneType: 'none', type: 'array', multiple: true }).map((s) => s.toLowerCase())
      multiCache.set(char, all)
    }
    return all
  },
}
