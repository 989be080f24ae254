/**
 * Page routes and their query strings in one place: pages read what
 * other pages write.
 */
import Taro from '@tarojs/taro'
import type { AgreementId, HallLevel, LifeEvent } from '@tongban/core'

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
  cases: '/pages/cases/index',
  case: '/packages/apply/pages/case/index',
  supplement: '/packages/apply/pages/supplement/index',
  licences: '/packages/apply/pages/licences/index',
  query: '/packages/apply/pages/query/index',
  agreement: '/pages/agreement/index',
  accessLog: '/packages/apply/pages/access-log/index',
  halls: '/packages/apply/pages/halls/index',
  verify: '/packages/apply/pages/verify/index',
  messages: '/pages/messages/index',
  messageSettings: '/packages/apply/pages/message-settings/index',
  // The independent subpackage 排队取号 (opened by a hall's QR code without the main package).
  queueTake: '/packages/queue/pages/take/index',
  queueTicket: '/packages/queue/pages/ticket/index',
  queueAppointments: '/packages/queue/pages/appointments/index',
} as const

/**
 * The tab bar's pages (app.config.ts tabBar: 首页 · 办件 · 消息 · 我的), in its order: a tab's index is its place
 * here (setTabBarBadge). WeChat opens them only with switchTab (navigateTo and redirectTo fail on them), and a tab
 * takes no query.
 */
export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.cases, ROUTES.messages, ROUTES.me]

/** A page of this mini-program with its query: what a `next` or a message's link may name (nothing else is opened). */
const OWN_PAGE = /^\/(pages|packages)\/[\w/-]+(\?.*)?$/

export function isTabRoute(url: string): boolean {
  return TAB_ROUTES.includes(url.split('?')[0]!)
}

/** Opens `url` in place of the current page; a tab page is switched to. */
export function replacePage(url: string): void {
  if (isTabRoute(url)) void Taro.switchTab({ url: url.split('?')[0]! }).catch(() => undefined)
  else void Taro.redirectTo({ url }).catch(() => undefined)
}

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

/** 我的办件 (queued, drafts, submitted cases): a tab. */
export function openCases(): void {
  void Taro.switchTab({ url: ROUTES.cases }).catch(() => undefined)
}

export function openQuery(): void {
  void Taro.navigateTo({ url: ROUTES.query })
}

/** 服务大厅: every hall by level, each with what can be done there. */
export function openHalls(): void {
  void Taro.navigateTo({ url: ROUTES.halls })
}

/** 文书核验: a notice's or certificate's 核验码, typed or scanned. */
export function openVerify(): void {
  void Taro.navigateTo({ url: ROUTES.verify })
}

/** 谁查看了我的信息. */
export function openAccessLog(): void {
  void Taro.navigateTo({ url: ROUTES.accessLog })
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

/** A queue ticket's page (排队取号: its number, the people ahead, 取消排队). */
export function ticketUrl(id: string): string {
  return withQuery(ROUTES.queueTicket, { id })
}

/** 排队取号 in a hall. */
export function takeNumberUrl(hallId: string): string {
  return withQuery(ROUTES.queueTake, { hallId })
}

/** 预约办理 in a hall (the same subpackage: book a slot, see and cancel one's bookings there). */
export function appointmentsUrl(hallId: string): string {
  return withQuery(ROUTES.queueAppointments, { hallId })
}

/** The login page's address, with where to go once signed in. */
export function loginUrl(next?: string): string {
  return withQuery(ROUTES.login, { next })
}

/** 《用户服务协议》 or 《隐私政策》. */
export function openAgreement(id: AgreementId): void {
  void Taro.navigateTo({ url: withQuery(ROUTES.agreement, { id }) })
}

/** `next`: where to go once signed in (one of our own pages), instead of back. */
export function openLogin(next?: string): void {
  void Taro.navigateTo({ url: loginUrl(next) })
}

/** 消息中心: a tab. */
export function openMessages(): void {
  void Taro.switchTab({ url: ROUTES.messages }).catch(() => undefined)
}

export function openMessageSettings(): void {
  void Taro.navigateTo({ url: ROUTES.messageSettings })
}

/** Opens one of our pages given as a link (a message's: its case, or its 补正 page) on top; a tab is switched to. */
export function openLink(url: string): void {
  if (!OWN_PAGE.test(url)) return
  if (isTabRoute(url)) void Taro.switchTab({ url: url.split('?')[0]! }).catch(() => undefined)
  else void Taro.navigateTo({ url }).catch(() => undefined)
}

/** 我的: a tab. */
export function openMe(): void {
  void Taro.switchTab({ url: ROUTES.me }).catch(() => undefined)
}

/** After signing in: on to `next` when it is one of our pages, else back to whoever sent the citizen here, else to 我的. */
export function leaveLogin(next?: string): void {
  if (next && OWN_PAGE.test(next)) replacePage(next)
  else if (Taro.getCurrentPages().length > 1) void Taro.navigateBack().catch(() => undefined)
  else replacePage(ROUTES.me)
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
