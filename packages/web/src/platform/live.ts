/**
 * The PWA's live word: one EventSource per tab and stream (the citizen's
 * /api/me/events, the workbench's /api/staff/events), opened with its first
 * listener and closed with its last, shared by every page that listens —
 * a browser allows six connections per host, and a stream holds one.
 *
 * The browser reconnects by itself after a dropped connection (the BFF's
 * `retry:`); a refusal (signed out, 429 for too many tabs) closes the
 * EventSource for good, so then it is opened again after a back-off. While
 * it is down, listeners are told so (their pages poll); when its `ready`
 * comes, that it is up again (they check once).
 *
 * `signed-out` (the session ended: signed out in this tab or from another
 * device) is the stream's last word: it is closed and not opened again, by
 * the browser or a back-off — with that session it could only be refused.
 * A listener that comes later (a page opened after signing in again) opens it.
 */
import { LIVE_READY, LIVE_SIGNED_OUT, type LiveEvent } from '@tongban/core'

export interface LiveListener {
  event(e: LiveEvent): void
  /** The stream is down (false) or up (true); told at once on listening. */
  live?(up: boolean): void
}

export interface LiveSource {
  listen(listener: LiveListener): () => void
}

export interface LiveSourceOptions {
  /** The browser's EventSource unless given (tests pass a fake); null, or a browser without one: never live. */
  EventSource?: typeof EventSource | null
  /** First wait before opening again after a refusal; doubled each time up to `maxBackoffMs`. */
  backoffMs?: number
  maxBackoffMs?: number
}

export function liveSource(url: string, opts: LiveSourceOptions = {}): LiveSource {
  const Source = opts.EventSource !== undefined ? opts.EventSource : typeof EventSource === 'undefined' ? null : EventSource
  const first = opts.backoffMs ?? 15_000
  const listeners = new Set<LiveListener>()
  let source: EventSource | null = null
  let up = false
  let backoff = first
  let reopen: ReturnType<typeof setTimeout> | null = null

  function tell(now: boolean): void {
    if (up === now) return
    up = now
    for (const l of [...listeners]) l.live?.(now)
  }

  function open(): void {
    if (!Source || source) return
    const es = new Source(url)
    source = es
    es.addEventListener(LIVE_READY, () => { backoff = first; tell(true) })
    es.addEventListener(LIVE_SIGNED_OUT, () => {
      // Closed before the server's end reaches the browser, which would otherwise connect again after `retry:`.
      stop()
      tell(false)
    })
    for (const type of ['case', 'message', 'queue'] satisfies LiveEvent['type'][]) {
      es.addEventListener(type, (m) => {
        let event: LiveEvent
        try { event = JSON.parse((m as MessageEvent<string>).data) as LiveEvent } catch { return }
        for (const l of [...listeners]) l.event(event)
      })
    }
    es.onerror = () => {
      tell(false)
      if (es.readyState !== es.CLOSED) return // the browser connects again by itself
      es.close()
      source = null
      if (listeners.size && reopen === null) {
        reopen = setTimeout(() => { reopen = null; if (listeners.size) open() }, backoff)
        backoff = Math.min(backoff * 2, opts.maxBackoffMs ?? 300_000)
      }
    }
  }

  function stop(): void {
    if (reopen !== null) clearTimeout(reopen)
    reopen = null
    source?.close()
    source = null
    backoff = first
  }

  function shut(): void {
    stop()
    up = false
  }

  return {
    listen(listener) {
      listeners.add(listener)
      listener.live?.(up)
      open()
      return () => {
        listeners.delete(listener)
        if (!listeners.size) shut()
      }
    },
  }
}

/**
 * Calls `back` each time a stream comes up again after it was up and went down: word
 * may have passed meanwhile (the workbench's stream replays none), so a list reads itself again.
 */
export function whenBack(back: () => void): (up: boolean) => void {
  let seen = false
  return (up) => {
    if (!up) return
    if (seen) back()
    seen = true
  }
}
