/**
 * Keeping a case on screen current while its page is open. Today it asks
 * the BFF again every `intervalMs` while the page is in view (never while
 * hidden: a phone's battery and a village data plan matter more than a
 * minute's freshness) and whenever the shell says to check now. Where the
 * platform passes live word of new versions (Platform.watchCase), that
 * replaces the polling while the word can come; when the platform says its
 * stream is down the polling takes over, and when it is back the page checks
 * once (steps may have passed meanwhile). Every answer goes through the
 * case store, so an answer older than what is shown is dropped.
 */
import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue'
import { API, type CaseDetail } from '@tongban/core'
import type { Platform } from '../platform/platform'
import { useCaseStore } from './case-store'

/** What a new step says on the case page, once: `办件有新进展：窗口已受理`. */
export function caseNewsText(c: Pick<CaseDetail, 'timeline' | 'statusLabel'>): string {
  return `办件有新进展：${c.timeline.at(-1)?.text ?? c.statusLabel}`
}

export interface CaseUpdates {
  /** What changed since the page was opened, said once (a live region the shells render). */
  news: Ref<string>
  /** Asks the BFF now; true when a newer version arrived. A failure (offline, signed out) keeps what is shown. */
  check(): Promise<boolean>
  /** The page is in view: check now unless told not to, and keep it current while it stays. */
  resume(opts?: { checkNow?: boolean }): void
  /** The page is out of view (a hidden tab, another page on top). */
  pause(): void
  /** Says `c` is news (a step someone else took, learnt another way). */
  announce(c: CaseDetail): void
}

export interface CaseUpdatesOptions {
  intervalMs?: number
  /** Called with the newer version whenever one arrives. */
  onChange?: (c: CaseDetail) => void
  /** Called with every answer the BFF gives, newer or not (the page is current again). */
  onAnswer?: (c: CaseDetail) => void
}

export function useCaseUpdates(platform: Platform, caseNo: () => string, opts: CaseUpdatesOptions = {}): CaseUpdates {
  const store = useCaseStore()
  const every = opts.intervalMs ?? 30_000
  const news = ref('')
  let timer: unknown = null
  let unwatch: (() => void) | null = null
  let running: Promise<boolean> | null = null
  let active = false
  /** Asking every `every`: no live word (no stream on this platform, or it is down). */
  let polling = false

  function announce(c: CaseDetail): void {
    news.value = caseNewsText(c)
    opts.onChange?.(c)
  }

  function check(): Promise<boolean> {
    const no = caseNo()
    if (!store.get(no)) return Promise.resolve(false) // not loaded yet: the page's own load comes first
    running ??= platform.api.call(API.cases.get, { params: { caseNo: no } }).then((fresh) => {
      opts.onAnswer?.(fresh)
      const newer = store.accept(fresh)
      if (newer) announce(fresh)
      return newer
    }, () => false).finally(() => { running = null })
    return running
  }

  /** Asks again every `every` while the page is in view and no live word can come. */
  function schedule(): void {
    polling = true
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void check().finally(() => { if (active && polling) schedule() })
    }, every)
  }

  function stopPolling(): void {
    polling = false
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  /** The platform's stream went down (poll meanwhile) or came back (check once: steps may have passed; stop polling). */
  function streamIs(up: boolean): void {
    if (!active) return
    if (!up) {
      if (!polling) schedule()
      return
    }
    const wasPolling = polling
    stopPolling()
    if (wasPolling) void check()
  }

  function resume({ checkNow = true } = {}): void {
    active = true
    if (platform.watchCase) {
      unwatch ??= platform.watchCase(caseNo(), (version) => {
        if (version > (store.get(caseNo())?.version ?? -1)) void check()
      }, streamIs)
    } else schedule()
    if (checkNow) void check()
  }

  function pause(): void {
    active = false
    stopPolling()
    unwatch?.()
    unwatch = null
  }

  if (getCurrentScope()) onScopeDispose(pause)
  return { news, check, resume, pause, announce }
}
