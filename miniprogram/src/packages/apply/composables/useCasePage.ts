/**
 * 办件详情: one case read back from the BFF — its number (copied with one
 * tap, to read out to a clerk), status, next steps, delivery, agent,
 * materials, and the application exactly as submitted, in the words of the
 * form it was submitted on (the case carries that form), with region names
 * from the subpackage's region list. Kept current while shown (the shared
 * useCaseUpdates polls every 30 s, as on the PWA; paused while hidden,
 * stopped on unload); without a network, the phone's copy, with its time.
 */
import { computed, ref } from 'vue'
import Taro, { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { API, attachmentsFromCase, monthDayText, reviewRows, type CaseNotice } from '@tongban/core'
import { useCaseDetail, usePlatform } from '@tongban/app'
import { regionTree } from '../region/areas'
import { PRIVACY_REFUSED, requirePrivacy } from '../../../platform/privacy'
import { useReconnect } from '../../../composables/useReconnect'

export type { CaseDetailState as CasePageState } from '@tongban/app'

export function useCasePage(caseNo: string) {
  const platform = usePlatform()
  /** 受理通知书 and the rest, once issued; a failure to list them leaves the page as it is. */
  const notices = ref<CaseNotice[]>([])
  const loadNotices = () => platform.api.call(API.notices.list, { params: { caseNo } }).then((n) => { notices.value = n }, () => undefined)
  const page = useCaseDetail(() => caseNo, { onChange: () => void loadNotices() })
  const { state, detail } = page
  const copied = ref(false)

  async function load(): Promise<void> {
    await page.load()
    if (state.value !== 'ready') return
    void loadNotices()
    page.updates.resume({ checkNow: false })
  }

  const rows = computed(() => {
    const c = detail.value
    if (!c) return []
    // The stored values name a material by id only: its name and size (a licence's title and holder) come with the case.
    const tree = regionTree()
    return reviewRows(c.form, c.values, { region: (code) => tree.names.get(code), attachments: attachmentsFromCase(c.materials) })
  })

  // Back on the page (from WeChat's chat, another page): show new steps without a spinner; away from it, no polling.
  let shown = false
  useDidShow(() => {
    if (!shown) { shown = true; return }
    if (state.value === 'ready') page.updates.resume()
  })
  useDidHide(() => page.updates.pause())
  useUnload(() => page.updates.pause())
  // The signal is back: a page that could not load loads, one showing the phone's copy asks again (no spinner).
  useReconnect(() => state.value === 'error' || page.copySavedAt.value !== null, () => {
    if (state.value === 'ready') void page.updates.check()
    else void load()
  }, { onShow: false })

  async function withdraw(): Promise<void> {
    await page.withdraw(async () => (await Taro.showModal({ title: '撤回申请', content: '确定撤回这份申请吗？撤回后需要重新申请。', confirmText: '撤回' })).confirm)
    if (page.withdrawProblem.value.startsWith('没有撤回：')) {
      void Taro.showModal({ title: '没有撤回', content: page.withdrawProblem.value.replace(/^没有撤回：/, ''), showCancel: false, confirmText: '知道了' }).catch(() => undefined)
    }
  }

  async function copyCaseNo(): Promise<void> {
    // The clipboard is one of WeChat's privacy calls: the agreement first (our popup asks).
    if (!(await requirePrivacy('复制办件编号'))) {
      void Taro.showToast({ title: PRIVACY_REFUSED, icon: 'none', duration: 3000 }).catch(() => undefined)
      return
    }
    // WeChat shows its own "内容已复制" toast.
    const ok = await Taro.setClipboardData({ data: caseNo }).then(() => true, () => false)
    copied.value = ok
    if (!ok) void Taro.showToast({ title: '复制失败，请记下办件编号', icon: 'none' }).catch(() => undefined)
  }

  return {
    state, detail, problem: page.problem, copySavedAt: page.copySavedAt, notices, rows, submittedAt: page.submittedAt, statusAt: page.statusAt, deliveryLabel: page.deliveryLabel, copied, load, copyCaseNo,
    news: page.news, supplementRows: page.supplementRows, canWithdraw: page.canWithdraw, withdrawing: page.withdrawing, withdrawProblem: page.withdrawProblem, withdraw,
    /** 2026-11-24 → 11月24日. */
    dayText: monthDayText,
  }
}
