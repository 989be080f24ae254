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
