/**
 * The hall's big screen (大厅叫号屏): each window's number, the latest calls
 * and who waits, read again whenever a ticket of the hall moves (the hall's
 * live stream, or every `intervalMs` while it is down or absent); each call
 * — and each 重呼 — is handed to `onCall` once, for the shell to show large
 * and speak. Read-only: no sign-in.
 */
import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue'
import { API, callText, type HallDisplay, type Problem, type QueueLiveEvent } from '@tongban/core'
import { usePlatform } from '../platform/platform'
import { toProblem } from '../catalogue/catalogue'

export interface CallAnnouncement {
  number: string
  windowNo: number
  /** 请A012号到3号窗口办理 */
  text: string
  recall: boolean
}

export interface HallDisplayPage {
  display: Ref<HallDisplay | null>
  problem: Ref<Problem | null>
  /** The latest call, shown largest. */
  latest: Ref<CallAnnouncement | null>
  /** Live word is coming (false: reading every interval). */
  live: Ref<boolean>
  start(): void
  stop(): void
}

export function useHallDisplay(hallId: () => string, opts: { onCall?: (call: CallAnnouncement) => void; intervalMs?: number } = {}): HallDisplayPage {
  const platform = usePlatform()
  const every = opts.intervalMs ?? 10_000
  const display = ref<HallDisplay | null>(null)
  const problem = ref<Problem | null>(null)
  const latest = ref<CallAnnouncement | null>(null)
  const live = ref(false)
  let timer: unknown = null
  let unwatch: (() => void) | null = null
  let running = false

  async function load(): Promise<void> {
    try {
      const d = await platform.api.call(API.queue.display, { params: { hallId: hallId() } })
      display.value = d
      problem.value = null
      const top = d.recent[0]
      if (top && !latest.value) latest.value = { number: top.number, windowNo: top.windowNo, text: callText(top.number, top.windowNo), recall: false }
    } catch (e) {
      problem.value = toProblem(e)
    }
  }

  function onEvent(e: QueueLiveEvent): void {
    if (e.state === 'called' && e.windowNo !== null) {
      const call = { number: e.number, windowNo: e.windowNo, text: callText(e.number, e.windowNo), recall: e.recall }
      latest.value = call
      opts.onCall?.(call)
    }
    void load()
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void load().finally(() => { if (running) schedule() })
    }, live.value ? every * 6 : every)
  }

  function start(): void {
    if (running) return
    running = true
    void load()
    unwatch = platform.watchHall?.(hallId(), onEvent, (up) => {
      const was = live.value
      live.value = up
      if (up && !was) void load() // back after a gap
      schedule()
    }) ?? null
    schedule()
  }

  function stop(): void {
    running = false
    if (timer !== null) clearTimeout(timer)
    timer = null
    unwatch?.()
    unwatch = null
  }

  if (getCurrentScope()) onScopeDispose(stop)
  return { display, problem, latest, live, start, stop }
}
