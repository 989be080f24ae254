/**
 * 排队取号 for both shells (issue 19): the hall's queue as the wall's QR code
 * opens it, taking a number, and the ticket's own page, kept current while
 * it is open (every `intervalMs` while waiting or called; the hall's live
 * stream replaces this where the platform has one). The tickets taken on
 * this device are kept in storage, so a visitor who closes the page finds
 * their number again; the device's own id (made once, kept) is what lets a
 * visitor who is not signed in cancel or say 我到了.
 */
import { computed, getCurrentScope, onScopeDispose, ref, type ComputedRef, type Ref } from 'vue'
import { API, ApiError, beijingTime, type HallQueue, type Problem, type TicketView } from '@tongban/core'
import type { KeyValueStorage, Platform } from '../platform/platform'
import { usePlatform } from '../platform/platform'
import { toProblem } from '../catalogue/catalogue'

export const DEVICE_ID_KEY = 'tb.device-id'
export const TICKETS_KEY = 'tb.queue.tickets'

/** 24 random characters from the platform's best source (crypto where it exists). */
function randomId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const bytes = new Uint8Array(24)
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (c?.getRandomValues) c.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')
}

/** This device's id for queues, made the first time and kept. */
export async function deviceIdOf(storage: KeyValueStorage): Promise<string> {
  const kept = await storage.get(DEVICE_ID_KEY)
  if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept
  const id = `d-${randomId()}`
  await storage.set(DEVICE_ID_KEY, id)
  return id
}

/** A ticket this device took, as kept (today's only are shown). */
export interface KeptTicket { id: string; hallId: string; number: string; category: string; day: string }

export async function keptTickets(storage: KeyValueStorage, now: number): Promise<KeptTicket[]> {
  const today = beijingTime(now).day
  try {
    const list = JSON.parse((await storage.get(TICKETS_KEY)) ?? '[]') as KeptTicket[]
    return Array.isArray(list) ? list.filter((t) => t && t.day === today) : []
  } catch {
    return []
  }
}

async function keep(storage: KeyValueStorage, t: KeptTicket, now: number): Promise<void> {
  const list = (await keptTickets(storage, now)).filter((k) => k.id !== t.id)
  await storage.set(TICKETS_KEY, JSON.stringify([...list, t].slice(-20)))
}

export type QueueState = 'loading' | 'ready' | 'error'

export interface HallQueuePage {
  state: Ref<QueueState>
  queue: Ref<HallQueue | null>
  problem: Ref<Problem | null>
  /** The category being taken (its button waits). */
  taking: Ref<string | null>
  /** Today's tickets this device holds in this hall. */
  mine: Ref<KeptTicket[]>
  load(): Promise<void>
  /**
   * Takes a number; returns the ticket's id to open (a person who already
   * waits in that category is taken to their ticket), or null with `problem`
   * set (closed, offline…) — the choice and the phone typed stay on screen.
   */
  take(category: string, phone?: string, caseNo?: string): Promise<string | null>
}

export function useHallQueue(hallId: () => string): HallQueuePage {
  const platform = usePlatform()
  const state = ref<QueueState>('loading')
  const queue = ref<HallQueue | null>(null)
  const problem = ref<Problem | null>(null)
  const taking = ref<string | null>(null)
  const mine = ref<KeptTicket[]>([])

  /** Reads the queue again; a refused take's problem stays on screen through the reload after it. */
  async function read(clear: boolean): Promise<void> {
    if (state.value !== 'ready') state.value = 'loading'
    if (clear) problem.value = null
    try {
      const [q, kept] = await Promise.all([platform.api.call(API.queue.hall, { params: { hallId: hallId() } }), keptTickets(platform.storage, platform.now())])
      queue.value = q
      mine.value = kept.filter((t) => t.hallId === q.hall.id)
      state.value = 'ready'
    } catch (e) {
      problem.value = toProblem(e)
      if (state.value !== 'ready') state.value = 'error'
    }
  }
  const load = () => read(true)

  async function take(category: string, phone?: string, caseNo?: string): Promise<string | null> {
    if (taking.value) return null
    taking.value = category
    problem.value = null
    try {
      const deviceId = await deviceIdOf(platform.storage)
      const body = { category, deviceId, ...(phone ? { phone } : {}), ...(caseNo ? { caseNo } : {}) }
      const t = await platform.api.call(API.queue.take, { params: { hallId: hallId() }, body })
      await keep(platform.storage, { id: t.id, hallId: hallId(), number: t.number, category: t.category, day: beijingTime(platform.now()).day }, platform.now())
      return t.id
    } catch (e) {
      const p = toProblem(e)
      // Already waiting there: their ticket's id is in the answer, so they land on it.
      if (p.code === 'TICKET_HELD' && p.detail && /^[0-9a-f-]{36}$/.test(p.detail)) return p.detail
      problem.value = p
      return null
    } finally {
      taking.value = null
      void read(false)
    }
  }

  return { state, queue, problem, taking, mine, load, take }
}

export interface TicketPage {
  state: Ref<QueueState>
  ticket: Ref<TicketView | null>
  problem: Ref<Problem | null>
  /** Waiting with `nearAhead` or fewer before it: time to come to the windows. */
  near: ComputedRef<boolean>
  /** A step being sent (cancel, 我到了). */
  busy: Ref<boolean>
  load(): Promise<void>
  cancel(): Promise<void>
  here(): Promise<void>
  /** 好差评 after service: once, voluntary; a refusal is in `problem`, the choice stays on screen. */
  rate(score: number, note?: string): Promise<boolean>
  /** Keep it current while the page is in view; stop when it is not. */
  resume(): void
  pause(): void
}

/** Still moving: worth asking again. */
const LIVE_STATES = new Set(['waiting', 'called', 'serving'])

export function useTicket(id: () => string, opts: { intervalMs?: number; platform?: Platform } = {}): TicketPage {
  const platform = opts.platform ?? usePlatform()
  const every = opts.intervalMs ?? 10_000
  const state = ref<QueueState>('loading')
  const ticket = ref<TicketView | null>(null)
  const problem = ref<Problem | null>(null)
  const busy = ref(false)
  let timer: unknown = null
  let active = false
  /** A transferred ticket is followed to the one it became. */
  let current = ''

  const near = computed(() => ticket.value?.state === 'waiting' && ticket.value.ahead <= ticket.value.nearAhead)

  async function load(): Promise<void> {
    current ||= id()
    problem.value = null
    try {
      let t = await platform.api.call(API.queue.ticket, { params: { id: current } })
      for (let hops = 0; t.state === 'transferred' && t.transferredTo && hops < 5; hops++) {
        current = t.transferredTo
        t = await platform.api.call(API.queue.ticket, { params: { id: current } })
      }
      ticket.value = t
      state.value = 'ready'
    } catch (e) {
      problem.value = toProblem(e)
      if (state.value !== 'ready') state.value = 'error'
    }
  }

  async function step(route: typeof API.queue.cancel | typeof API.queue.here): Promise<void> {
    if (busy.value) return
    busy.value = true
    problem.value = null
    try {
      ticket.value = await platform.api.call(route, { params: { id: current || id() }, body: { deviceId: await deviceIdOf(platform.storage) } })
    } catch (e) {
      const p = toProblem(e)
      // It moved meanwhile (the clerk called it): show where it stands now, with why the step was not taken.
      if (e instanceof ApiError && e.problem.code === 'TICKET_STATE') await load()
      problem.value = p
    } finally {
      busy.value = false
    }
  }

  /** The hall's live word (where the platform has it): any of its tickets moved, so this one's place may have. */
  let unwatch: (() => void) | null = null
  let liveUp = false
  let running: Promise<void> | null = null
  let again = false

  /** One read at a time; word that comes during one asks for one more after it. */
  function refresh(): Promise<void> {
    if (running) { again = true; return running }
    running = load().finally(() => {
      running = null
      if (again) { again = false; void refresh() }
    })
    return running
  }

  function watch(): void {
    const hallId = ticket.value?.hallId
    if (unwatch || !hallId || !platform.watchHall) return
    unwatch = platform.watchHall(hallId, () => void refresh(), (up) => {
      const was = liveUp
      liveUp = up
      if (up && !was && active) void refresh() // back after a gap: calls may have passed
    })
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer)
    // Live word replaces most of the asking; a slow round stays in case word is lost.
    timer = setTimeout(() => {
      timer = null
      void refresh().finally(() => { if (active && (!ticket.value || LIVE_STATES.has(ticket.value.state))) schedule() })
    }, liveUp ? every * 6 : every)
  }

  function resume(): void {
    active = true
    void refresh().finally(() => {
      if (!active) return
      watch()
      schedule()
    })
  }

  function pause(): void {
    active = false
    if (timer !== null) clearTimeout(timer)
    timer = null
    unwatch?.()
    unwatch = null
    liveUp = false
  }

  async function rate(score: number, note?: string): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    problem.value = null
    try {
      const body = { score, deviceId: await deviceIdOf(platform.storage), ...(note?.trim() ? { note: note.trim() } : {}) }
      ticket.value = await platform.api.call(API.queue.rate, { params: { id: current || id() }, body })
      return true
    } catch (e) {
      problem.value = toProblem(e)
      return false
    } finally {
      busy.value = false
    }
  }

  if (getCurrentScope()) onScopeDispose(pause)

  return { state, ticket, problem, near, busy, load, cancel: () => step(API.queue.cancel), here: () => step(API.queue.here), rate, resume, pause }
}

/** What the ticket page says under the number, in plain words. */
export function ticketStatusText(t: Pick<TicketView, 'state' | 'ahead' | 'windowNo' | 'nearAhead'>): string {
  switch (t.state) {
    case 'waiting':
      if (t.ahead === 0) return '下一位就是您，请到窗口附近等候'
      return t.ahead <= t.nearAhead ? `前面还有 ${t.ahead} 人，快到您了，请到窗口附近等候` : `前面还有 ${t.ahead} 人`
    case 'called': return `请到 ${t.windowNo ?? ''} 号窗口办理`
    case 'serving': return `正在 ${t.windowNo ?? ''} 号窗口办理`
    case 'done': return '已办结，感谢您的耐心等候'
    case 'no_show': return '叫号时您不在，已过号'
    case 'cancelled': return '已取消排队'
    case 'transferred': return '已转到其他业务排队'
  }
}
