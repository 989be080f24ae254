/**
 * Page routes and their query strings in one place: pages read what
 * other pages write.
 */
import Taro from '@tarojs/taro'
import type { HallLevel, LifeEvent } from '@tongban/core'

export interface SearchParams {
  q?: string
  lifeEvent?: LifeEvent
  department?: string
  level?: HallLevel
}

export const ROUTES = {
  home: '/pages/home/index',
  search: '/pages/search/index',
  guide: '/pages/guide/index',
  login: '/pages/login/index',
  me: '/pages/me/index',
  apply: '/packages/apply/pages/form/index',
  cases: '/packages/apply/pages/cases/index',
  case: '/packages/apply/pages/case/index',
  supplement: '/packages/apply/pages/supplement/index',
  licences: '/packages/apply/pages/licences/index',
  query: '/packages/apply/pages/query/index',
} as const

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

export function searchUrl(params: SearchParams): string {
  return withQuery(ROUTES.search, { ...params })
}

export function guideUrl(code: string): string {
  return withQuery(ROUTES.guide, { code })
}

export function openSearch(params: SearchParams): void {
  void Taro.navigateTo({ url: searchUrl(params) })
}

export function openGuide(code: string): void {
  void Taro.navigateTo({ url: guideUrl(code) })
}

/** The 在线申请 page of an item, carrying the situation answers given on the guide page. */
export function applyUrl(code: string, answers?: Record<string, unknown>): string {
  const carried = answers && Object.keys(answers).length ? JSON.stringify(answers) : undefined
  return withQuery(ROUTES.apply, { code, answers: carried })
}

/** 我的办件 (queued, drafts, submitted cases). */
export function openCases(): void {
  void Taro.navigateTo({ url: ROUTES.cases })
}

export function openQuery(): void {
  void Taro.navigateTo({ url: ROUTES.query })
}

export function openLicences(): void {
  void Taro.navigateTo({ url: ROUTES.licences })
}

export function caseUrl(caseNo: string): string {
  return withQuery(ROUTES.case, { caseNo })
}

export function supplementUrl(caseNo: string): string {
  return withQuery(ROUTES.supplement, { caseNo })
}

export function openCase(caseNo: string): void {
  void Taro.navigateTo({ url: caseUrl(caseNo) })
}

/** `next`: where to go once signed in (one of our own pages), instead of back. */
export function openLogin(next?: string): void {
  void Taro.navigateTo({ url: withQuery(ROUTES.login, { next }) })
}

export function openMe(): void {
  void Taro.navigateTo({ url: ROUTES.me })
}

/** After signing in: on to `next` when it is one of our pages, else back to whoever sent the citizen here, else to 我的. */
export function leaveLogin(next?: string): void {
  if (next && /^\/(pages|packages)\/[\w/]+(\?.*)?$/.test(next)) void Taro.redirectTo({ url: next }).catch(() => undefined)
  else if (Taro.getCurrentPages().length > 1) void Taro.navigateBack().catch(() => undefined)
  else void Taro.redirectTo({ url: ROUTES.me }).catch(() => undefined)
}

/** The current page's query, decoded (WeChat hands it over still encoded). */
export function useRouteParams(): Record<string, string> {
  const params = Taro.getCurrentInstance().router?.params ?? {}
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string' || k.startsWith('$taro')) continue
    try {
      out[k] = decodeURIComponent(v)
    } catch {
      out[k] = v
    }
  }
  return out
}
