/**
 * 我的办件 for both shells: what waits for the network (the submission
 * queue), the drafts (this device's, merged with the BFF's newer ones), and
 * the submitted cases. The first two are on the device and show without a
 * network; the cases come from the BFF with their own loading and error
 * state. A session known to be signed out, or a 401, is `signedOut`: the
 * shell sends the citizen to sign in. Where the platform passes live word
 * of her cases (Platform.watchMyCases), the cases are read again on it.
 */
import { computed, getCurrentScope, onScopeDispose, ref, type ComputedRef, type Ref } from 'vue'
import type { CaseSummary, Problem } from '@tongban/core'
import { usePlatform } from '../platform/platform'
import { toProblem } from '../catalogue/catalogue'
import { useSessionStore } from '../identity/session'
import { useDraftStore, type DraftSummary } from '../forms/drafts'
import { useSubmissionStore, type PendingSubmission } from '../forms/submissions'
import { useCaseStore } from './case-store'
import { afterFailedRead, keepCopy } from '../identity/offline-copies'

export type CaseListState = 'loading' | 'ready' | 'signedOut'

export interface CaseListPage {
  state: Ref<CaseListState>
  pending: ComputedRef<PendingSubmission[]>
  draftList: Ref<DraftSummary[]>
  /** null until the BFF has answered once. */
  cases: Ref<CaseSummary[] | null>
  casesProblem: Ref<Problem | null>
  casesLoading: Ref<boolean>
  /** False once a request found no network; true again when one gets through. */
  online: Ref<boolean>
  /** Set while the cases shown are this device's copy (no network): when it was saved. */
  copySavedAt: Ref<number | null>
  /** Nothing anywhere yet: the shells offer a way to find an item. */
  empty: ComputedRef<boolean>
  load(): Promise<void>
}

export function useCaseList(): CaseListPage {
  const platform = usePlatform()
  const session = useSessionStore()
  const drafts = useDraftStore()
  const submissions = useSubmissionStore()
  const store = useCaseStore()

  const state = ref<CaseListState>('loading')
  const draftList = ref<DraftSummary[]>([])
  const cases = ref<CaseSummary[] | null>(null)
  const casesProblem = ref<Problem | null>(null)
  const casesLoading = ref(false)
  const online = ref(true)
  const copySavedAt = ref<number | null>(null)
  const pending = computed(() => submissions.pending)
  const empty = computed(() => cases.value !== null && !cases.value.length && !pending.value.length && !draftList.value.length)

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
      cases.value = await store.fetchList()
      copySavedAt.value = null
      online.value = true
      await keepCopy(platform, 'cases', cases.value)
      if (await drafts.pullRemote()) draftList.value = await drafts.list()
    } catch (e) {
      const problem = toProblem(e)
      // Nothing shown yet and no signal: the list as this device last saw it, said as such.
      const copy = await afterFailedRead<CaseSummary[]>(platform, problem, cases.value === null ? 'cases' : undefined)
      if (copy === 'signedOut') {
        state.value = 'signedOut'
        return
      }
      casesProblem.value = problem
      if (problem.code === 'NETWORK') online.value = false
      if (copy) {
        cases.value = copy.value
        copySavedAt.value = copy.savedAt
      }
    } finally {
      casesLoading.value = false
    }
  }

  /** The cases again, quietly: a step taken elsewhere. A failure keeps what is shown. */
  let reading: Promise<void> | null = null
  function refresh(): Promise<void> {
    reading ??= store.fetchList().then(async (fresh) => {
      cases.value = fresh
      copySavedAt.value = null
      casesProblem.value = null
      await keepCopy(platform, 'cases', fresh)
    }, () => {}).finally(() => { reading = null })
    return reading
  }
  const unwatch = platform.watchMyCases?.(() => { if (cases.value !== null) void refresh() })
  if (unwatch && getCurrentScope()) onScopeDispose(unwatch)

  return { state, pending, draftList, cases, casesProblem, casesLoading, online, copySavedAt, empty, load }
}
