import { describe, expect, it } from 'vitest'
import { ApiError, makeProblem, type HallQueue, type QueueLiveEvent, type TicketView } from '@tongban/core'
import { testPlatform } from '../testing'
import { useHallDisplay } from './display'
import { DEVICE_ID_KEY, deviceIdOf, keptTickets, ticketStatusText, TICKETS_KEY, useHallQueue, useTicket } from './queue'

const NOW = Date.parse('2026-12-07T10:00:00+08:00')
const HALL_ID = 'sls-zwfwzx'
const queue: HallQueue = {
  hall: { id: HALL_ID, name: '示例市政务服务中心', address: '人民大道188号' }, open: true, hours: '工作日 9:00-12:00', takeUntil: null, opensAt: null,
  categories: [{ code: 'A', name: '综合受理', waiting: 2, wait: { min: 10, max: 20 } }],
}
const ID = '00000000-0000-4000-8000-000000000001'
const view = (over: Partial<TicketView> = {}): TicketView => ({
  id: ID, hallId: HALL_ID, hallName: '示例市政务服务中心', number: 'A003', category: 'A', categoryName: '综合受理', state: 'waiting', ahead: 2,
  wait: { min: 10, max: 20 }, windowNo: null, takenAt: '2026-12-07T02:00:00.000Z', calledAt: null, hereUntil: null, transferredTo: null, nearAhead: 3, rating: null, ...over,
})

describe('the device\'s id', () => {
  it('is made once and kept', async () => {
    const t = testPlatform({})
    const first = await deviceIdOf(t.storage)
    expect(first).toMatch(/^d-[A-Za-z0-9]{24}$/)
    expect(await deviceIdOf(t.storage)).toBe(first)
    expect(await t.storage.get(DEVICE_ID_KEY)).toBe(first)
  })
})

describe('useHallQueue', () => {
  it('takes a number with the device\'s id and keeps the ticket for today', async () => {
    const bodies: unknown[] = []
    const t = testPlatform({
      'queue.hall': async () => queue,
      'queue.take': async ({ body }) => { bodies.push(body); return { id: ID, number: 'A003', category: 'A', ahead: 2, wait: { min: 10, max: 20 } } },
    }, { now: () => NOW })
    const page = t.within(() => useHallQueue(() => HALL_ID))
    await page.load()
    expect(page.state.value).toBe('ready')
    expect(await page.take('A', '13912345678')).toBe(ID)
    expect(bodies).toEqual([{ category: 'A', deviceId: await deviceIdOf(t.storage), phone: '13912345678' }])
    expect(await keptTickets(t.storage, NOW)).toEqual([{ id: ID, hallId: HALL_ID, number: 'A003', category: 'A', day: '2026-12-07' }])
    // Tomorrow they are gone from the list.
    expect(await keptTickets(t.storage, NOW + 86_400_000)).toEqual([])
    await page.load()
    expect(page.mine.value.map((k) => k.number)).toEqual(['A003'])
  })

  it('opens the ticket the person already holds, and keeps a refusal on screen', async () => {
    let answer: ApiError = new ApiError(makeProblem('TICKET_HELD', { detail: ID }))
    const t = testPlatform({ 'queue.hall': async () => queue, 'queue.take': async () => { throw answer } }, { now: () => NOW })
    const page = t.within(() => useHallQueue(() => HALL_ID))
    expect(await page.take('A')).toBe(ID)
    expect(page.problem.value).toBeNull()
    answer = new ApiError(makeProblem('QUEUE_CLOSED', { detail: '明天 9:00 开始取号' }))
    expect(await page.take('A')).toBeNull()
    expect(page.problem.value?.title).toBe('现在不在取号时间，请在办公时间内取号')
    expect(page.taking.value).toBeNull()
  })

  it('ignores a broken kept list instead of failing the page', async () => {
    const t = testPlatform({ 'queue.hall': async () => queue }, { now: () => NOW })
    await t.storage.set(TICKETS_KEY, '{not json')
    const page = t.within(() => useHallQueue(() => HALL_ID))
    await page.load()
    expect([page.state.value, page.mine.value]).toEqual(['ready', []])
  })
})

describe('useTicket', () => {
  it('follows a transferred ticket to the one it became, and says when it is near', async () => {
    const moved = '00000000-0000-4000-8000-000000000002'
    const t = testPlatform({
      'queue.ticket': async ({ params }) => (params.id === ID ? view({ state: 'transferred', transferredTo: moved }) : view({ id: moved, category: 'D', ahead: 1 })),
    })
    const page = t.within(() => useTicket(() => ID))
    await page.load()
    expect(page.ticket.value).toMatchObject({ id: moved, category: 'D' })
    expect(page.near.value).toBe(true)
  })

  it('cancels with the device\'s id; a refused step reloads the ticket', async () => {
    const sent: unknown[] = []
    let state: TicketView['state'] = 'waiting'
    const t = testPlatform({
      'queue.ticket': async () => view({ state }),
      'queue.cancel': async ({ body }) => { sent.push(body); if (state !== 'waiting') throw new ApiError(makeProblem('TICKET_STATE')); state = 'cancelled'; return view({ state }) },
    })
    const page = t.within(() => useTicket(() => ID))
    await page.load()
    await page.cancel()
    expect(page.ticket.value?.state).toBe('cancelled')
    expect(sent).toEqual([{ deviceId: await deviceIdOf(t.storage) }])
    state = 'called'
    await page.cancel()
    expect(page.problem.value?.code).toBe('TICKET_STATE')
  })
})

describe('ticketStatusText', () => {
  it('says where the visitor stands in plain words', () => {
    expect(ticketStatusText({ state: 'waiting', ahead: 8, windowNo: null, nearAhead: 3 })).toBe('前面还有 8 人')
    expect(ticketStatusText({ state: 'waiting', ahead: 2, windowNo: null, nearAhead: 3 })).toBe('前面还有 2 人，快到您了，请到窗口附近等候')
    expect(ticketStatusText({ state: 'waiting', ahead: 0, windowNo: null, nearAhead: 3 })).toBe('下一位就是您，请到窗口附近等候')
    expect(ticketStatusText({ state: 'called', ahead: 0, windowNo: 3, nearAhead: 3 })).toBe('请到 3 号窗口办理')
  })
})

describe('useTicket with the hall\'s live word', () => {
  it('reads the ticket again when a ticket of its hall moves, and stops listening out of view', async () => {
    let ahead = 2
    let calls = 0
    const t = testPlatform({ 'queue.ticket': async () => { calls++; return view({ ahead }) } })
    const listeners: ((e: never) => void)[] = []
    let closed = 0
    t.platform.watchHall = (hallId, changed, live) => {
      expect(hallId).toBe(HALL_ID)
      listeners.push(changed as (e: never) => void)
      live?.(true)
      return () => { closed++ }
    }
    const page = t.within(() => useTicket(() => ID, { intervalMs: 60_000 }))
    page.resume()
    await expect.poll(() => listeners.length).toBe(1)
    const before = calls
    ahead = 1
    listeners[0]!({} as never)
    await expect.poll(() => page.ticket.value?.ahead).toBe(1)
    expect(calls).toBeGreaterThan(before)
    page.pause()
    expect(closed).toBe(1)
  })
})

describe('useHallDisplay', () => {
  it('hands each call and recall to the shell once, and reads the screen again on every move', async () => {
    let reads = 0
    const t = testPlatform({
      'queue.display': async () => { reads++; return { hall: { id: HALL_ID, name: '示例市政务服务中心' }, windows: [], recent: [], categories: [] } },
    })
    let tell: ((e: QueueLiveEvent) => void) | null = null
    t.platform.watchHall = (_, changed, live) => { tell = changed; live?.(true); return () => {} }
    const calls: string[] = []
    const page = t.within(() => useHallDisplay(() => HALL_ID, { onCall: (c) => calls.push(`${c.text}${c.recall ? '（重呼）' : ''}`) }))
    page.start()
    await expect.poll(() => reads).toBeGreaterThan(0)
    const base = { type: 'queue', hallId: HALL_ID, ticketId: ID, category: 'A' } as const
    const before = reads
    tell!({ ...base, number: 'A004', state: 'waiting', windowNo: null, recall: false })
    tell!({ ...base, number: 'A001', state: 'called', windowNo: 3, recall: false })
    tell!({ ...base, number: 'A001', state: 'called', windowNo: 3, recall: true })
    expect(calls).toEqual(['请A001号到3号窗口办理', '请A001号到3号窗口办理（重呼）'])
    expect(page.latest.value?.number).toBe('A001')
    await expect.poll(() => reads).toBe(before + 3)
    page.stop()
  })
})
