/**
 * Before a second application of the same item: the citizen's case of it
 * still open, if any (both shells' guide and apply pages). Signed-in only; a
 * failure to ask is no warning (it is a hint, never a gate).
 */
import { computed, ref, type ComputedRef } from 'vue'
import { openCaseFor, openCaseNotice, type CaseSummary } from '@tongban/core'
import { useSessionStore } from '../identity/session'
import { useCaseStore } from './case-store'

export interface OpenCaseHint {
  openCase: ComputedRef<CaseSummary | null>
  /** The words, or '' when there is nothing to say. */
  notice: ComputedRef<string>
  load(): Promise<void>
}

export function useOpenCase(itemCode: () => string): OpenCaseHint {
  const session = useSessionStore()
  const store = useCaseStore()
  const cases = ref<CaseSummary[]>([])
  const openCase = computed(() => openCaseFor(cases.value, itemCode()))
  const notice = computed(() => (openCase.value ? openCaseNotice(openCase.value) : ''))

  async function load(): Promise<void> {
    if (!session.signedIn) await session.load()
    if (!session.signedIn) return
    try {
      cases.value = await store.fetchList()
    } catch { /* offline or refused: no hint */ }
  }

  return { openCase, notice, load }
}
