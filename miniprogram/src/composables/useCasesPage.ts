/**
 * 我的办件: what waits for the network (the submission queue), the drafts
 * (this phone's, merged with the BFF's newer ones), and the submitted cases.
 * The first two are on the phone and show without a network; the cases
 * come from the BFF and have their own loading and error state (without a
 * network, the phone's copy, with when it was saved). Loaded each time the
 * page shows, on pull-down, and when the signal returns.
 */
import { ref, watch } from 'vue'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { shanghaiDateTime } from '@tongban/core'
import { useCaseList, useDraftStore, useSubmissionStore, type DraftSummary } from '@tongban/app'
import { useReconnect } from './useReconnect'

export type { CaseListState as CasesState } from '@tongban/app'

function toast(title: string, icon: 'none' | 'success' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2500 }).catch(() => undefined)
}

export function useCasesPage() {
  const drafts = useDraftStore()
  const submissions = useSubmissionStore()
  const list = useCaseList()
  const { state, pending, draftList, cases, casesProblem, casesLoading, online, copySavedAt, empty, load } = list
  const flushing = ref(false)
  // Shown from the phone's copy, or not at all, for want of a network: asked again once the signal is back.
  useReconnect(() => copySavedAt.value !== null || casesProblem.value?.code === 'NETWORK', () => void load(), { onShow: false })

  useDidShow(() => { void load() })
  // The app flushes the queue by itself when the network returns: what landed belongs under 已提交 now.
  watch(() => submissions.landed, () => { if (!flushing.value) void load() })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  /** 现在提交: sends the queue once; what landed moves to 已提交, what failed keeps its reason. */
  async function flush(): Promise<void> {
    if (flushing.value) return
    flushing.value = true
    try {
      const landed = await submissions.flush()
      if (landed.length) toast(`已提交 ${landed.length} 件`, 'success')
      else if (submissions.pending.length && !submissions.pending[0]!.lastError) toast('还是没有网络，联网后会自动提交')
      await load()
    } finally {
      flushing.value = false
    }
  }

  async function deleteDraft(d: DraftSummary): Promise<void> {
    const { confirm } = await Taro.showModal({
      title: '删除草稿',
      content: `“${d.itemName}”的草稿删除后不能恢复，确定删除吗？`,
      confirmText: '删除',
      cancelText: '取消',
    }).catch(() => ({ confirm: false }))
    if (!confirm) return
    await drafts.discard(d.itemCode)
    draftList.value = await drafts.list()
    toast('草稿已删除')
  }

  return {
    state, pending, draftList, cases, casesProblem, casesLoading, copySavedAt, flushing, online, empty,
    load, flush, deleteDraft, timeText: shanghaiDateTime,
  }
}
