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
 * Keep a page's data current without a reload: fetch again when the tab
 * comes back into view, when the network returns, and every `intervalMs`
 * while the page is visible (never in a hidden tab — a phone's battery and
 * a village data plan matter more than a minute's freshness). Stops with
 * the component.
 */
export function useAutoRefresh(refresh: () => Promise<void> | void, opts: { intervalMs?: number } = {}): void {
  const every = opts.intervalMs ?? 60_000
  let timer: ReturnType<typeof setInterval> | null = null
  let running = false
  const run = async () => {
    if (running || document.visibilityState === 'hidden') return
    running = true
    try {
      await refresh()
    } finally {
      running = false
    }
  }
  const onVisible = () => { if (document.visibilityState === 'visible') void run() }
  onMounted(() => {
    document.addEventListener('visibilitychange', onVisible)
    window.addEventListener('online', run)
    window.addEventListener('focus', run)
    timer = setInterval(run, every)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisible)
    window.removeEventListener('online', run)
    window.removeEventListener('focus', run)
    if (timer) clearInterval(timer)
  })
}
