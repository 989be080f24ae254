/**
 * 办件详情 for both shells: the case read back (and kept current by
 * useCaseUpdates), its submission time in Beijing time, the 补正 reasons by
 * the labels of the form it was submitted on, and 撤回 — asked first in the
 * shell's own way, refused in words when someone acted meanwhile. The
 * shells render it and add what only they have (copy, calls, documents).
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { labelledSupplement, shanghaiDateTime, withdrawable, type CaseDetail, type Problem } from '@tongban/core'
import { usePlatform } from '../platform/platform'
import { toProblem } from '../catalogue/catalogue'
import { afterFailedRead, keepCopy } from '../identity/offline-copies'
import { useCaseStore } from './case-store'
import { useCaseUpdates, type CaseUpdates, type CaseUpdatesOptions } from './case-updates'

export type CaseDetailState = 'loading' | 'ready' | 'error' | 'signedOut'

export interface CaseDetailPage {
  state: Ref<CaseDetailState>
  detail: ComputedRef<CaseDetail | null>
  problem: Ref<Problem | null>
  updates: CaseUpdates
  news: Ref<string>
  /** `2026-11-24 10:05`, Beijing time whatever the phone's zone. */
  submittedAt: ComputedRef<string>
  /** When the case entered its current status, the same way: the header's time beside the status. */
  statusAt: ComputedRef<string>
  /** The BFF's words for the delivery, fit to the item (no 电子证照 for an item that issues none). */
  deliveryLabel: ComputedRef<string>
  supplementRows: ComputedRef<{ path: string; label: string; reason: string }[]>
  canWithdraw: ComputedRef<boolean>
  withdrawing: Ref<boolean>
  /** Why 撤回 did not happen, in words; empty when it did or was not tried. */
  withdrawProblem: Ref<string>
  /** Set while the case shown is this device's copy (no network): when it was saved. */
  copySavedAt: Ref<number | null>
  load(): Promise<void>
  /** Asks the BFF again without a spinner (the signal is back); before a first load, loads. */
  refresh(): Promise<void>
  /** 撤回 once `confirm` (the shell's dialog) says yes; true when withdrawn. */
  withdraw(confirm: () => Promise<boolean>): Promise<boolean>
}

export function useCaseDetail(caseNo: () => string, opts: CaseUpdatesOptions = {}): CaseDetailPage {
  const platform = usePlatform()
  const store = useCaseStore()
  const state = ref<CaseDetailState>('loading')
  const problem = ref<Problem | null>(null)
  // Only what this page's own load was allowed to read: a case held from before (another account on a shared phone) never shows on its own.
  const detail = computed(() => (state.value === 'ready' ? store.get(caseNo()) : null))
  const copySavedAt = ref<number | null>(null)
  // Each answer of the BFF is the page's latest word: kept as the device's copy, and the copy's notice goes.
  const keep = (c: CaseDetail) => {
    copySavedAt.value = null
    void keepCopy(platform, `case.${c.caseNo}`, c)
  }
  const updates = useCaseUpdates(platform, caseNo, { ...opts, onAnswer: (c) => { keep(c); opts.onAnswer?.(c) } })

  async function load(): Promise<void> {
    state.value = 'loading'
    problem.value = null
    try {
      keep(await store.fetch(caseNo()))
      state.value = 'ready'
    } catch (e) {
      problem.value = toProblem(e)
      // No signal: the copy saved when it was last seen, said as such.
      const copy = await afterFailedRead<CaseDetail>(platform, problem.value, `case.${caseNo()}`)
      if (copy === 'signedOut') state.value = 'signedOut'
      else if (copy) {
        store.accept(copy.value)
        copySavedAt.value = copy.savedAt
        state.value = 'ready'
      } else state.value = 'error'
    }
  }

  async function refresh(): Promise<void> {
    if (state.value !== 'ready') return load()
    try {
      keep(await store.fetch(caseNo()))
    } catch {
      // Still no answer: the page stays as it is.
    }
  }

  // Before acceptance a citizen may withdraw: the core machine's own table says when.
  const canWithdraw = computed(() => detail.value !== null && withdrawable(detail.value.status))
  const withdrawing = ref(false)
  const withdrawProblem = ref('')

  async function withdraw(confirm: () => Promise<boolean>): Promise<boolean> {
    if (!detail.value || withdrawing.value || !(await confirm())) return false
    withdrawing.value = true
    withdrawProblem.value = ''
    try {
      const before = detail.value.version
      const out = await store.withdraw(caseNo())
      if (out.ok) return true
      withdrawProblem.value = out.text
      const now = store.get(caseNo())
      if (out.problem.code === 'CASE_CHANGED' && now && now.version > before) updates.announce(now)
      return false
    } finally {
      withdrawing.value = false
    }
  }

  return {
    state, detail, problem, updates, news: updates.news, copySavedAt, load, refresh, canWithdraw, withdrawing, withdrawProblem, withdraw,
    submittedAt: computed(() => (detail.value ? shanghaiDateTime(detail.value.submittedAt) : '')),
    // A copy kept offline from before statusAt was sent: the submission is the best there is.
    statusAt: computed(() => (detail.value ? shanghaiDateTime(detail.value.statusAt || detail.value.submittedAt) : '')),
    deliveryLabel: computed(() => detail.value?.deliveryLabel ?? ''),
    supplementRows: computed(() => (detail.value?.supplement ? labelledSupplement(detail.value.form, detail.value.supplement) : [])),
  }
}
