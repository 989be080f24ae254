/** Reactive navigator.onLine. */
import { onBeforeUnmount, onMounted, ref } from 'vue'

export function useOnline() {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const update = () => { online.value = navigator.onLine }
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  onBeforeUnmount(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  return online
}

/**
 * When the network returns, run `attempt` at once and, while it reports not
 * done, again after each of `delaysMs` (on village signal the first request
 * after reconnecting often fails, and nothing else would try again). A new
 * reconnect starts over; going offline or leaving the page stops it.
 */
export function useReconnect(attempt: () => Promise<boolean>, delaysMs: readonly number[] = [2_000, 5_000, 10_000]): void {
  let round = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  const start = () => {
    const mine = ++round
    if (timer) clearTimeout(timer)
    const go = async (tried: number): Promise<void> => {
      if (mine !== round || !navigator.onLine) return
      const done = await attempt().catch(() => false)
      if (done || mine !== round || tried >= delaysMs.length) return
      timer = setTimeout(() => void go(tried + 1), delaysMs[tried])
    }
    void go(0)
  }
  window.addEventListener('online', start)
  onBeforeUnmount(() => {
    round++
    if (timer) clearTimeout(timer)
    window.removeEventListener('online', start)
  })
}

/**
 * Drives a page's poller (useCaseUpdates) from the tab: it polls while the
 * tab is visible and not while it is hidden, and checks at once when the
 * tab comes back into view, the network returns or the window regains
 * focus. Stops with the component.
 */
export function useFollowTab(updates: { check(): Promise<unknown>; resume(opts?: { checkNow?: boolean }): void; pause(): void }): void {
  const visible = () => document.visibilityState !== 'hidden'
  const onVisibility = () => { if (visible()) updates.resume(); else updates.pause() }
  const check = () => { if (visible()) void updates.check() }
  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('online', check)
    window.addEventListener('focus', check)
    if (visible()) updates.resume({ checkNow: false })
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('online', check)
    window.removeEventListener('focus', check)
    updates.pause()
  })
}
