/**
 * One EventSource per stream however many pages listen; closed with the
 * last; listeners told when it is down and up; a refused stream opened
 * again after a back-off, while someone still listens; a signed-out one not.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LiveEvent } from '@tongban/core'
import { liveSource, whenBack } from './live'

/** Enough of EventSource for the source: named listeners, onerror, readyState, close. */
class FakeEventSource {
  static made: FakeEventSource[] = []
  readonly CLOSED = 2
  readyState = 0
  closed = false
  onerror: (() => void) | null = null
  private handlers = new Map<string, ((m: { data: string }) => void)[]>()
  constructor(readonly url: string) { FakeEventSource.made.push(this) }
  addEventListener(type: string, h: (m: { data: string }) => void) { this.handlers.set(type, [...(this.handlers.get(type) ?? []), h]) }
  close() { this.closed = true; this.readyState = 2 }
  emit(type: string, data: unknown) { this.readyState = 1; for (const h of this.handlers.get(type) ?? []) h({ data: JSON.stringify(data) }) }
  fail(closed: boolean) { this.readyState = closed ? 2 : 0; this.onerror?.() }
}

const source = (opts = {}) => liveSource('/api/me/events', { EventSource: FakeEventSource as unknown as typeof EventSource, backoffMs: 1000, ...opts })
const accepted: LiveEvent = { type: 'case', caseNo: 'C1', version: 3, status: 'accepted' } as LiveEvent

afterEach(() => { FakeEventSource.made = []; vi.useRealTimers() })

describe('liveSource', () => {
  it('shares one EventSource between listeners and closes it with the last', () => {
    const s = source()
    const a: LiveEvent[] = []
    const b: LiveEvent[] = []
    const stopA = s.listen({ event: (e) => a.push(e) })
    const stopB = s.listen({ event: (e) => b.push(e) })
    expect(FakeEventSource.made).toHaveLength(1)
    FakeEventSource.made[0]!.emit('case', accepted)
    expect(a).toEqual([accepted])
    expect(b).toEqual([accepted])
    stopA()
    expect(FakeEventSource.made[0]!.closed).toBe(false)
    stopB()
    expect(FakeEventSource.made[0]!.closed).toBe(true)
  })

  it("says down at once and up on ready; a dropped connection is the browser's to retry", () => {
    const s = source()
    const states: boolean[] = []
    s.listen({ event: () => {}, live: (up) => states.push(up) })
    const es = FakeEventSource.made[0]!
    es.emit('ready', { resumed: false })
    es.fail(false)
    es.emit('ready', { resumed: true })
    expect(states).toEqual([false, true, false, true])
    expect(FakeEventSource.made).toHaveLength(1)
  })

  it('opens a refused stream again after a back-off that grows, while someone listens', async () => {
    vi.useFakeTimers()
    const s = source()
    const stop = s.listen({ event: () => {} })
    FakeEventSource.made[0]!.fail(true)
    await vi.advanceTimersByTimeAsync(999)
    expect(FakeEventSource.made).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeEventSource.made).toHaveLength(2)
    FakeEventSource.made[1]!.fail(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(FakeEventSource.made).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1000)
    expect(FakeEventSource.made).toHaveLength(3)
    stop()
    FakeEventSource.made[2]!.fail(true)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(FakeEventSource.made).toHaveLength(3)
  })

  it('stops on signed-out: closed at once, said down, never opened again by itself; a later listener opens it', async () => {
    vi.useFakeTimers()
    const s = source()
    const states: boolean[] = []
    s.listen({ event: () => {}, live: (up) => states.push(up) })
    const es = FakeEventSource.made[0]!
    es.emit('ready', { resumed: false })
    es.emit('signed-out', { type: 'signed-out' })
    expect(es.closed).toBe(true)
    expect(states).toEqual([false, true, false])
    await vi.advanceTimersByTimeAsync(600_000)
    expect(FakeEventSource.made).toHaveLength(1)
    // Someone signed in again and a page listens: a new stream, with the new session.
    s.listen({ event: () => {} })
    expect(FakeEventSource.made).toHaveLength(2)
  })

  it('is never live where the browser has no EventSource (the pages poll)', () => {
    const s = liveSource('/api/me/events', { EventSource: null })
    const states: boolean[] = []
    s.listen({ event: () => {}, live: (up) => states.push(up) })
    expect(states).toEqual([false])
  })

  it('tells a list to read itself again when its stream is back, not when it first comes up', () => {
    const s = source()
    let reads = 0
    s.listen({ event: () => {}, live: whenBack(() => reads++) })
    const es = FakeEventSource.made[0]!
    es.emit('ready', { resumed: false })
    expect(reads).toBe(0)
    es.fail(false)
    es.emit('ready', { resumed: true })
    expect(reads).toBe(1)
  })
})
