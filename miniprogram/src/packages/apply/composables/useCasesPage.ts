/**
 * 我的办件: what waits for the network (the submission queue), the drafts
 * (this phone's, merged with the BFF's newer ones), and the submitted cases.
 * The first two are on the phone and show without a network; the cases
 * come from the BFF and have their own loading and error state. Loaded each
 * time the page shows, and on pull-down.
 */
import { computed, ref, watch } from 'vue'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { ApiError, shanghaiDateTime, type CaseSummary, type Problem } from '@tongban/core'
import { useDraftStore, usePlatform, useSessionStore, useSubmissionStore, type DraftSummary } from '@tongban/app'

export type CasesState = 'loading' | 'signedOut' | 'ready'

function toast(title: string, icon: 'none' | 'success' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2500 }).catch(() => undefined)
}

export function useCasesPage() {
  const platform = usePlatform()
  const session = useSessionStore()
  const drafts = useDraftStore()
  const submissions = useSubmissionStore()

  const state = ref<CasesState>('loading')
  const draftList = ref<DraftSummary[]>([])
  const cases = ref<CaseSummary[] | null>(null)
  const casesProblem = ref<Problem | null>(null)
  const casesLoading = ref(false)
  const flushing = ref(false)
  const online = ref(true)

  const pending = computed(() => submissions.pending)
  const empty = computed(() => cases.value !== null && cases.value.length === 0 && pending.value.length === 0 && draftList.value.length === 0)

  async function load(): Promise<void> {
    if (!session.signedIn) await session.load()
    // Offline with no session known: the BFF will say below; signed out is only what it says.
    if (session.status === 'ready' && !session.signedIn) {
      state.value = 'signedOut'
      return
    }
    online.value = platform.isOnline()
    await submissions.load()
    draftList.value = await drafts.list()
    if (state.value !== 'ready') state.value = 'ready'
    casesLoading.value = true
    casesProblem.value = null
    try {
      cases.value = await platform.api.myCases()
      online.value = true
      if (await drafts.pullRemote()) draftList.value = await drafts.list()
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : null
      if (problem?.status === 401) {
        state.value = 'signedOut'
        return
      }
      casesProblem.value = problem
      if (problem?.code === 'NETWORK') online.value = false
    } finally {
      casesLoading.value = false
    }
  }

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
    state, pending, draftList, cases, casesProblem, casesLoading, flushing, online, empty,
    load, flush, deleteDraft, timeText: shanghaiDateTime,
  }
}
