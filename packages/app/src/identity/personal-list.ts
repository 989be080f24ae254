/**
 * A list of the signed-in citizen's own (我的证照, 谁查看了我的信息) for
 * both shells: loading, the list, an error with its problem, or signed out
 * (a 401: the shell offers 去登录). Given a copy name, the list is kept on
 * the device and shown from there, with its time, when there is no network.
 */
import { ref, type Ref } from 'vue'
import type { Problem } from '@tongban/core'
import { usePlatform } from '../platform/platform'
import { toProblem } from '../catalogue/catalogue'
import { afterFailedRead, keepCopy, type CopyName } from './offline-copies'

export type PersonalListState = 'loading' | 'ready' | 'error' | 'signedOut'

export interface PersonalList<T> {
  state: Ref<PersonalListState>
  items: Ref<T[]>
  /** Why the list could not be read (shown as an error, or beside the copy). */
  problem: Ref<Problem | null>
  /** Set while the list shown is the device's copy: when it was saved. */
  copySavedAt: Ref<number | null>
  load(): Promise<void>
}

export function usePersonalList<T>(fetch: () => Promise<T[]>, opts: { copy?: CopyName } = {}): PersonalList<T> {
  const platform = usePlatform()
  const state = ref<PersonalListState>('loading')
  const items = ref<T[]>([]) as Ref<T[]>
  const problem = ref<Problem | null>(null)
  const copySavedAt = ref<number | null>(null)

  async function load(): Promise<void> {
    if (state.value !== 'ready') state.value = 'loading'
    problem.value = null
    try {
      items.value = await fetch()
      copySavedAt.value = null
      state.value = 'ready'
      if (opts.copy) await keepCopy(platform, opts.copy, items.value)
    } catch (e) {
      problem.value = toProblem(e)
      const copy = await afterFailedRead<T[]>(platform, problem.value, opts.copy)
      if (copy === 'signedOut') state.value = 'signedOut'
      else if (copy) {
        items.value = copy.value
        copySavedAt.value = copy.savedAt
        state.value = 'ready'
      } else if (state.value !== 'ready') state.value = 'error'
    }
  }

  return { state, items, problem, copySavedAt, load }
}
