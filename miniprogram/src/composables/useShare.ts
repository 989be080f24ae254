/**
 * Sharing (转发) and the title bar: what a page forwards to a chat — a
 * guide to a family group, the query page, a case to oneself — and a title
 * that says where the citizen is. A page that shares sets
 * `enableShareAppMessage: true` in its index.config.ts.
 */
import { watch } from 'vue'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { caseUrl, guideUrl, ROUTES } from './navigation'

export interface ShareContent {
  title: string
  path: string
}

/** A guide: its item's name, opening the same guide. */
export function guideShare(code: string, itemName: string | undefined): ShareContent {
  return { title: itemName ? `${itemName}｜办事指南` : '办事指南｜通办', path: guideUrl(code) }
}

export const QUERY_SHARE: ShareContent = { title: '办件查询：输入办件编号和手机号后4位，不用登录查进度', path: ROUTES.query }

/** A case, sent to oneself (文件传输助手): its number, opening the case (signed in). The item is left out of the card. */
export function caseShare(caseNo: string): ShareContent {
  return { title: `我的办件 ${caseNo}`, path: caseUrl(caseNo) }
}

export function useShare(content: () => ShareContent): void {
  useShareAppMessage(() => content())
}

/** Sets the title bar whenever `title` has one (a page's config gives the title until then). */
export function usePageTitle(title: () => string | null | undefined): void {
  watch(title, (t) => {
    if (t) void Taro.setNavigationBarTitle({ title: t }).catch(() => undefined)
  }, { immediate: true })
}
