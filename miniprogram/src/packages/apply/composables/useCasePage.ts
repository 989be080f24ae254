/**
 * 办件详情: one case read back from the BFF — its number (copied with one
 * tap, to read out to a clerk), status, next steps, delivery, agent,
 * materials, and the application exactly as submitted, in the words of the
 * form it was submitted on (the case carries that form), with region names
 * from the subpackage's region list.
 */
import { computed, ref } from 'vue'
import Taro, { useDidShow } from '@tarojs/taro'
import { ApiError, DELIVERY_LABELS, labelledSupplement, monthDayText, withdrawable, withdrawConflictText, materialRefs, reviewRows, shanghaiDateTime, type CaseDetail, type CaseNotice, type Problem } from '@tongban/core'
import { usePlatform } from '@tongban/app'
import { regionTree } from '../region/areas'

export type CasePageState = 'loading' | 'ready' | 'error' | 'signedOut'


export function useCasePage(caseNo: string) {
  const platform = usePlatform()
  const state = ref<CasePageState>('loading')
  const detail = ref<CaseDetail | null>(null)
  const problem = ref<Problem | null>(null)
  const copied = ref(false)
  /** 受理通知书 and the rest, once issued; a failure to list them leaves the page as it is. */
  const notices = ref<CaseNotice[]>([])
  const loadNotices = () => platform.api.caseNotices(caseNo).then((n) => { notices.value = n }, () => undefined)

  async function load(): Promise<void> {
    state.value = 'loading'
    problem.value = null
    try {
      detail.value = await platform.api.getCase(caseNo)
      state.value = 'ready'
      void loadNotices()
    } catch (e) {
      problem.value = e instanceof ApiError ? e.problem : null
      state.value = problem.value?.status === 401 ? 'signedOut' : 'error'
    }
  }

  const rows = computed(() => {
    const c = detail.value
    if (!c) return []
    // The stored values name a material by id only: its title comes with the case.
    const refs = materialRefs(c.form, c.values)
    const tree = regionTree()
    return reviewRows(c.form, c.values, {
      region: (code) => tree.names.get(code),
      material: (m) => {
        const path = refs.find((r) => r.value === m)?.path
        const attached = c.materials.find((x) => x.field === path)
        const kind = m.kind === 'eLicence' ? '电子证照' : '已上传'
        return attached ? `${kind}：${attached.title}` : kind
      },
    })
  })

  /** The field or material each supplement reason is about, in the form's own words. */
  const supplementRows = computed(() => {
    const c = detail.value
    if (!c?.supplement) return []
    return labelledSupplement(c.form, c.supplement)
  })
  // Before acceptance a citizen may withdraw: the core machine's own table says when.
  const canWithdraw = computed(() => detail.value !== null && withdrawable(detail.value.status))
  const withdrawing = ref(false)
  const withdrawProblem = ref('')
  /** What changed since the page was last shown (a step taken by the window or a department). */
  const news = ref('')

  // Back on the page (from WeChat's chat, another page): show new steps without a spinner; a failed check keeps what is shown.
  let shown = false
  useDidShow(() => {
    if (!shown) { shown = true; return }
    const before = detail.value
    if (!before || withdrawing.value) return
    void platform.api.getCase(caseNo).then((fresh) => {
      if (fresh.version !== before.version) {
        news.value = `办件有新进展：${fresh.timeline.at(-1)?.text ?? fresh.statusLabel}`
        detail.value = fresh
        void loadNotices()
      }
    }, () => undefined)
  })

  async function withdraw(): Promise<void> {
    const c = detail.value
    if (!c) return
    const { confirm } = await Taro.showModal({ title: '撤回申请', content: '确定撤回这份申请吗？撤回后需要重新申请。', confirmText: '撤回' })
    if (!confirm) return
    withdrawing.value = true
    withdrawProblem.value = ''
    try {
      detail.value = await platform.api.withdrawCase(c.caseNo, c.version)
    } catch (e) {
      const p = e instanceof ApiError ? e.problem : null
      withdrawProblem.value = p?.title ?? '撤回没有成功，请稍后再试'
      if (p?.code === 'CASE_CHANGED') {
        // The window acted since this page was loaded: show what it did, say plainly that nothing was withdrawn.
        const fresh = await platform.api.getCase(caseNo).catch(() => null)
        if (fresh) {
          detail.value = fresh
          void loadNotices()
          news.value = `办件有新进展：${fresh.timeline.at(-1)?.text ?? fresh.statusLabel}`
        }
        withdrawProblem.value = withdrawConflictText(fresh)
        void Taro.showModal({ title: '没有撤回', content: withdrawProblem.value.replace(/^没有撤回：/, ''), showCancel: false, confirmText: '知道了' }).catch(() => undefined)
      }
    } finally {
      withdrawing.value = false
    }
  }

  /** 2026-11-24 → 11月24日. */
  const dayText = monthDayText

  const submittedAt = computed(() => (detail.value ? shanghaiDateTime(detail.value.submittedAt) : ''))
  const deliveryLabel = computed(() => (detail.value ? DELIVERY_LABELS[detail.value.delivery] : ''))

  async function copyCaseNo(): Promise<void> {
    // WeChat shows its own "内容已复制" toast.
    const ok = await Taro.setClipboardData({ data: caseNo }).then(() => true, () => false)
    copied.value = ok
    if (!ok) void Taro.showToast({ title: '复制失败，请记下办件编号', icon: 'none' }).catch(() => undefined)
  }

  return { state, detail, problem, notices, rows, submittedAt, deliveryLabel, copied, load, copyCaseNo, news, supplementRows, canWithdraw, withdrawing, withdrawProblem, withdraw, dayText }
}
