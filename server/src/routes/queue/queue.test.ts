/**
 * 排队取号 as a visitor and a window clerk use it: the hall's queue, taking a
 * number (signed in or not), one active ticket per person and category,
 * the ticket's page as the clerk calls, serves and finishes, 过号 and 我到了,
 * transfer, and every bad input answered as problem+json with nothing
 * changed. Then 1,000 simultaneous takes: consecutive numbers, no gaps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HallDisplay, HallQueue, HallQueueSetup, MessageList, Problem, StaffTicket, TakenTicket, TicketView, WindowQueue } from '@tongban/core'
import { signInCitizen, startTestServer, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { HALL } from '../../../seed/halls'
import { openSse } from '../../live/sse-client'
import { inspectPdf } from '../../notices/pdf-inspect'
import { hashPassword } from '../../auth/passwords'
import { staffRepo } from '../../store/staff'
import { QUEUE_SMS } from '../../messages/queue-messages'
import { DELIVER_MESSAGE } from '../../messages/effect'

/** Monday 2026-12-07, 10:00 in Beijing: the city hall gives numbers. */
let clock = Date.parse('2026-12-07T10:00:00+08:00')
let server: TestServer
let clerk: string
beforeAll(async () => {
  server = await startTestServer({ now: () => clock, config: { processRole: 'web' } })
  clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
})
afterAll(async () => server?.close())

const CITY: string = HALL.city.id
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const device = (n: number) => `device-${String(n).padStart(12, '0')}`
const take = (body: object, headers: Record<string, string> = {}, hall = CITY) => server.app.inject({ method: 'POST', url: `/api/halls/${hall}/tickets`, payload: body, headers })
const ticket = async (id: string) => (await server.app.inject({ url: `/api/tickets/${id}` })).json<TicketView>()
const call = (windowNo: number) => server.app.inject({ method: 'POST', url: `/api/staff/queue/windows/${windowNo}/call`, headers: bearer(clerk) })
const act = (id: string, body: object) => server.app.inject({ method: 'POST', url: `/api/staff/tickets/${id}/actions`, payload: body, headers: bearer(clerk) })
/** A clerk of another hall, signed in (the demo has one window clerk, at the city hall). */
async function startClerk(username: string, hallId: string): Promise<string> {
  const repo = staffRepo(server.app.db)
  if (!(await repo.exists(username))) await repo.insert({ username, displayName: '窗口', passwordHash: await hashPassword(DEMO_STAFF_PASSWORD), roles: ['clerk'], hallId })
  return (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
}
const problemOf = (res: { statusCode: number; headers: Record<string, unknown>; json<T>(): T }) => {
  expect(String(res.headers['content-type'])).toContain('application/problem+json')
  return res.json<Problem>()
}

describe('a hall\'s queue', () => {
  it('shows each category with its waiting count and a wait range, and whether numbers are given', async () => {
    const res = await server.app.inject({ url: `/api/halls/${CITY}/queue` })
    expect(res.statusCode).toBe(200)
    const q = res.json<HallQueue>()
    expect(q.hall).toEqual({ id: CITY, name: HALL.city.name, address: HALL.city.address })
    expect(q.categories.map((c) => `${c.code}${c.name}`)).toEqual(['A综合受理', 'B社保医保', 'C不动产登记', 'D公安户政'])
    expect(q.open).toBe(true)
    expect(q.takeUntil).toBe('2026-12-07T03:30:00.000Z')
    expect(q.hours).toContain('工作日 9:00-12:00，13:30-17:00')
    // A village station has one category and one window.
    const village = (await server.app.inject({ url: `/api/halls/${HALL.xinghua.id}/queue` })).json<HallQueue>()
    expect(village.categories.map((c) => c.name)).toEqual(['便民服务'])
  })

  it('answers an unknown hall with 404 in words', async () => {
    const res = await server.app.inject({ url: '/api/halls/no-such-hall/queue' })
    expect(res.statusCode).toBe(404)
    expect(problemOf(res)).toMatchObject({ code: 'HALL_NOT_FOUND', title: '没有找到这个服务大厅，请重新扫描大厅里的二维码' })
    expect((await take({ category: 'A', deviceId: device(1) }, {}, 'no-such-hall')).statusCode).toBe(404)
  })
})

describe('taking a number', () => {
  it('gives consecutive numbers, one active ticket per person and category, signed in or not', async () => {
    const first = await take({ category: 'B', deviceId: device(10) })
    expect(first.statusCode).toBe(201)
    expect(first.json<TakenTicket>()).toEqual({ id: expect.any(String), number: 'B001', category: 'B', ahead: 0, wait: { min: 0, max: 5 } })

    // The same phone again in that category: told it already waits, nothing taken.
    const again = await take({ category: 'B', deviceId: device(10) })
    expect(again.statusCode).toBe(409)
    expect(problemOf(again)).toMatchObject({ code: 'TICKET_HELD', detail: first.json<TakenTicket>().id })
    // Another category is another queue.
    expect((await take({ category: 'D', deviceId: device(10) })).json<TakenTicket>().number).toBe('D001')

    const second = (await take({ category: 'B', deviceId: device(11), phone: '139-6666-0100' })).json<TakenTicket>()
    expect([second.number, second.ahead]).toEqual(['B002', 1])

    // Signed in: the account is the person, whichever device.
    const { token } = await signInCitizen(server.app, '13966660101', '10.70.0.1', { realName: false })
    const mine = await take({ category: 'B', deviceId: device(12) }, bearer(token))
    expect(mine.json<TakenTicket>().number).toBe('B003')
    expect((await take({ category: 'B', deviceId: device(13) }, bearer(token))).statusCode).toBe(409)
    expect((await take({ category: 'B' }, bearer(token))).statusCode).toBe(409)

    const q = (await server.app.inject({ url: `/api/halls/${CITY}/queue` })).json<HallQueue>()
    expect(q.categories.find((c) => c.code === 'B')?.waiting).toBe(3)
  })

  it('refuses bad input field by field, and a closed hall with its hours, taking nothing', async () => {
    const bad = await take({ category: 'Z', phone: '12345' })
    expect(bad.statusCode).toBe(400)
    expect(problemOf(bad).errors?.map((e) => [e.path, e.message])).toEqual([
      ['category', '这个大厅没有这项业务，请重新选择'],
      ['deviceId', '没有登录时取号需要本机编号，请刷新页面后再取号'],
      ['phone', '请填写11位手机号码，或者不填'],
    ])
    const badCase = await take({ category: 'A', deviceId: device(21), caseNo: '12345' })
    expect(problemOf(badCase).errors?.map((e) => e.path)).toEqual(['caseNo'])
    const malformed = await take({ category: 'a', deviceId: 'x' })
    expect(malformed.statusCode).toBe(400)
    expect(problemOf(malformed).code).toBe('VALIDATION')

    const before = (await server.app.inject({ url: `/api/halls/${CITY}/queue` })).json<HallQueue>()
    const saved = clock
    clock = Date.parse('2026-12-13T10:00:00+08:00') // Sunday
    try {
      const q = (await server.app.inject({ url: `/api/halls/${CITY}/queue` })).json<HallQueue>()
      expect([q.open, q.opensAt]).toEqual([false, '2026-12-14T01:00:00.000Z'])
      const closed = await take({ category: 'A', deviceId: device(20) })
      expect(closed.statusCode).toBe(409)
      expect(problemOf(closed)).toMatchObject({ code: 'QUEUE_CLOSED', title: '现在不在取号时间，请在办公时间内取号', detail: expect.stringContaining('明天 9:00 开始取号。取号时间：工作日') })
    } finally {
      clock = saved
    }
    const after = (await server.app.inject({ url: `/api/halls/${CITY}/queue` })).json<HallQueue>()
    expect(after.categories).toEqual(before.categories)
  })
})

describe('being called', () => {
  it('follows the ticket as the window calls, serves and finishes; the next one moves up', async () => {
    const a = (await take({ category: 'C', deviceId: device(30), caseNo: ' bdc-0001-20261207-0001 ' })).json<TakenTicket>()
    const b = (await take({ category: 'C', deviceId: device(31) })).json<TakenTicket>()
    expect((await ticket(b.id))).toMatchObject({ state: 'waiting', ahead: 1, number: 'C002', categoryName: '不动产登记', hallName: HALL.city.name, nearAhead: 3 })

    // Window 5 serves C (two windows per category in the city hall: A 1–2, B 3–4, C 5–6, D 7–8; 9 takes all).
    const queue = (await server.app.inject({ url: '/api/staff/queue/windows/5', headers: bearer(clerk) })).json<WindowQueue>()
    expect(queue.window).toEqual({ no: 5, categories: ['C'] })
    expect(queue.waiting.map((t) => t.number)).toEqual(['C001', 'C002'])

    const called = await call(5)
    expect(called.statusCode).toBe(200)
    // The case the visitor applied for online comes with the ticket, for the clerk to open.
    expect(called.json<StaffTicket>()).toMatchObject({ id: a.id, number: 'C001', state: 'called', windowNo: 5, caseNo: 'BDC-0001-20261207-0001' })
    expect(await ticket(a.id)).toMatchObject({ state: 'called', windowNo: 5, ahead: 0 })
    expect((await ticket(b.id)).ahead).toBe(0)

    // One at a time per window.
    const busy = await call(5)
    expect(busy.statusCode).toBe(409)
    expect(problemOf(busy).detail).toBe('请先处理C001号（已叫号），再叫下一位')

    clock += 60_000
    expect((await act(a.id, { action: 'serve' })).json<StaffTicket>().state).toBe('serving')
    clock += 12 * 60_000
    expect((await act(a.id, { action: 'finish' })).json<StaffTicket>().state).toBe('done')
    expect((await ticket(a.id)).state).toBe('done')
    // Finishing a finished ticket, or transferring it, changes nothing.
    for (const body of [{ action: 'finish' }, { action: 'transfer', category: 'A' }]) {
      const res = await act(a.id, body)
      expect(res.statusCode).toBe(409)
      expect(problemOf(res).code).toBe('TICKET_STATE')
    }
    expect((await ticket(a.id)).state).toBe('done')

    // 好差评 after service: the taker only, once, and only once it is done.
    const rate = (id: string, body: object) => server.app.inject({ method: 'POST', url: `/api/tickets/${id}/rating`, payload: body })
    expect(problemOf(await rate(a.id, { deviceId: device(31), score: 5 })).code).toBe('NOT_YOUR_TICKET')
    expect(problemOf(await rate(b.id, { deviceId: device(31), score: 5 })).detail).toBe('办结后才能评价')
    const bad = await rate(a.id, { deviceId: device(30), score: 3, note: '字'.repeat(201) })
    expect(bad.statusCode).toBe(400)
    const rated = await rate(a.id, { deviceId: device(30), score: 2, note: ' 等候区没有座位 ' })
    expect([rated.statusCode, rated.json<TicketView>().rating]).toEqual([200, 2])
    expect(problemOf(await rate(a.id, { deviceId: device(30), score: 5 })).detail).toBe('这次服务已经评价过了，谢谢您')
    const [kept] = await server.app.db.query<{ rating: number; rating_note: string }>('select rating, rating_note from queue_tickets where id = $1', [a.id])
    expect(kept).toEqual({ rating: 2, rating_note: '等候区没有座位' })

    expect((await call(6)).json<StaffTicket>().number).toBe('C002')
  })

  it('says nobody waits when nobody does', async () => {
    // Window 8 serves D; D001 (from the first take) is called by window 7, then 8 finds nobody.
    expect((await call(7)).json<StaffTicket>().number).toBe('D001')
    const res = await call(8)
    expect(res.statusCode).toBe(409)
    expect(problemOf(res)).toMatchObject({ code: 'NOBODY_WAITING', title: '现在没有人在等候本窗口的业务' })
    const unknown = await server.app.inject({ url: '/api/staff/queue/windows/99', headers: bearer(clerk) })
    expect(unknown.statusCode).toBe(404)
    expect(problemOf(unknown).code).toBe('WINDOW_NOT_FOUND')
  })

  it('recalls before 过号; 我到了 within the recall window puts the visitor back; only the taker may cancel', async () => {
    const t = (await take({ category: 'A', deviceId: device(40) })).json<TakenTicket>()
    // Window 2 serves A and has nothing current.
    const called = (await call(2)).json<StaffTicket>()
    expect(called.id).toBe(t.id)
    const early = await act(t.id, { action: 'no_show' })
    expect(early.statusCode).toBe(409)
    expect(problemOf(early).detail).toBe('还可以重呼，重呼后仍未到再标记过号')
    expect((await act(t.id, { action: 'recall' })).json<StaffTicket>().recalls).toBe(1)
    expect((await act(t.id, { action: 'recall' })).json<StaffTicket>().recalls).toBe(2)
    expect(problemOf(await act(t.id, { action: 'recall' })).detail).toBe('已经重呼过了，请标记过号')
    expect((await act(t.id, { action: 'no_show' })).json<StaffTicket>().state).toBe('no_show')
    const missed = await ticket(t.id)
    expect(missed).toMatchObject({ state: 'no_show', hereUntil: new Date(clock + 30 * 60_000).toISOString() })

    // Someone else's phone cannot say 我到了 for it, nor cancel it.
    const stranger = await server.app.inject({ method: 'POST', url: `/api/tickets/${t.id}/here`, payload: { deviceId: device(41) } })
    expect(stranger.statusCode).toBe(403)
    expect(problemOf(stranger).code).toBe('NOT_YOUR_TICKET')
    clock += 10 * 60_000
    const here = await server.app.inject({ method: 'POST', url: `/api/tickets/${t.id}/here`, payload: { deviceId: device(40) } })
    expect(here.statusCode).toBe(200)
    expect(here.json<TicketView>()).toMatchObject({ state: 'waiting', windowNo: null, ahead: 0 })

    const cancelled = await server.app.inject({ method: 'POST', url: `/api/tickets/${t.id}/cancel`, payload: { deviceId: device(40) } })
    expect(cancelled.json<TicketView>().state).toBe('cancelled')
    const twice = await server.app.inject({ method: 'POST', url: `/api/tickets/${t.id}/cancel`, payload: { deviceId: device(40) } })
    expect(twice.statusCode).toBe(409)
    // A cancelled ticket frees the category: the same phone may take again.
    expect((await take({ category: 'A', deviceId: device(40) })).statusCode).toBe(201)
  })

  it('transfers a ticket to another category with its number and its place in time', async () => {
    const early = (await take({ category: 'B', deviceId: device(50) })).json<TakenTicket>()
    clock += 60_000
    // Someone already waits in D after it.
    const later = (await take({ category: 'D', deviceId: device(51) })).json<TakenTicket>()
    const moved = await act(early.id, { action: 'transfer', category: 'D' })
    expect(moved.statusCode).toBe(200)
    const t = moved.json<StaffTicket>()
    expect(t).toMatchObject({ number: early.number, category: 'D', state: 'waiting' })
    expect(await ticket(early.id)).toMatchObject({ state: 'transferred', transferredTo: t.id })
    expect((await ticket(t.id)).ahead).toBe(0)
    expect((await ticket(later.id)).ahead).toBe(1)
    const same = await act(t.id, { action: 'transfer', category: 'D' })
    expect(same.statusCode).toBe(400)
    expect(problemOf(same).errors?.[0]?.path).toBe('category')
  })

  it('keeps another hall\'s tickets from this clerk, and the console from citizens', async () => {
    const village = (await take({ category: 'A', deviceId: device(60) }, {}, HALL.xinghua.id)).json<TakenTicket>()
    const res = await act(village.id, { action: 'recall' })
    expect(res.statusCode).toBe(404)
    const { token } = await signInCitizen(server.app, '13966660102', '10.70.0.2', { realName: false })
    expect((await server.app.inject({ url: '/api/staff/queue/windows/1', headers: bearer(token) })).statusCode).toBe(401)
  })
})

describe('the hall\'s poster', () => {
  it('is one A4 page in large type with the QR code to the hall\'s take-number page, the steps, the categories and the hours', async () => {
    const res = await server.app.inject({ url: `/api/halls/${CITY}/poster.pdf` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    const pdf = await inspectPdf(res.rawPayload)
    expect(pdf.pages).toBe(1)
    expect(pdf.size).toEqual({ width: 595.28, height: 841.89 })
    const url = `${server.app.printedOrigin()}/h/${CITY}`
    expect(pdf.links).toContain(url)
    for (const words of [HALL.city.name, '扫码取号', '选择您要办理的业务', 'A综合受理', 'D公安户政', '取号时间：工作日9:00-12:00', '没有智能手机？']) expect(pdf.text).toContain(words)
    expect((await server.app.inject({ url: '/api/halls/no-such-hall/poster.pdf' })).statusCode).toBe(404)
  })
})

describe('the hall\'s screen and stream', () => {
  it('streams each call to the hall\'s screen without a sign-in, and shows the windows and the latest calls', async () => {
    const stream = await openSse(`${server.url}/api/halls/${HALL.qingshan.id}/events`)
    try {
      expect(stream.status).toBe(200)
      await stream.nextOf('ready')
      const t = (await take({ category: 'A', deviceId: device(80) }, {}, HALL.qingshan.id)).json<TakenTicket>()
      expect(JSON.parse((await stream.nextOf('queue')).data)).toEqual({ type: 'queue', hallId: HALL.qingshan.id, ticketId: t.id, number: 'A001', category: 'A', state: 'waiting', windowNo: null, recall: false })
      // The township's clerk calls at its window 1.
      const townClerk = await startClerk('qingshan_clerk', HALL.qingshan.id)
      const called = await server.app.inject({ method: 'POST', url: '/api/staff/queue/windows/1/call', headers: bearer(townClerk) })
      expect(called.statusCode, called.body).toBe(200)
      expect(JSON.parse((await stream.nextOf('queue')).data)).toMatchObject({ number: 'A001', state: 'called', windowNo: 1, recall: false })
      await server.app.inject({ method: 'POST', url: `/api/staff/tickets/${t.id}/actions`, payload: { action: 'recall' }, headers: bearer(townClerk) })
      expect(JSON.parse((await stream.nextOf('queue')).data)).toMatchObject({ number: 'A001', state: 'called', recall: true })

      const display = (await server.app.inject({ url: `/api/halls/${HALL.qingshan.id}/display` })).json<HallDisplay>()
      expect(display.windows.find((w) => w.no === 1)?.current).toMatchObject({ number: 'A001', state: 'called' })
      expect(display.recent.map((r) => [r.number, r.windowNo])).toEqual([['A001', 1]])
      expect(display.categories.find((c) => c.code === 'A')?.waiting).toBe(0)
    } finally {
      stream.close()
    }
    const unknown = await openSse(`${server.url}/api/halls/no-such-hall/events`)
    expect(unknown.status).toBe(404)
    unknown.close()
  })
})

describe('told without looking', () => {
  it('tells 快到号了 once when 3 or fewer wait before, and 叫号 when called — to the 消息中心 and by SMS to a phone left at the take', async () => {
    const XIHU: string = HALL.xihu.id
    const desk = await startClerk('xihu_clerk', XIHU)
    const { token } = await signInCitizen(server.app, '13966660103', '10.70.0.3', { realName: false })
    const tickets: TakenTicket[] = []
    for (let i = 0; i < 5; i++) tickets.push((await take({ category: 'A', deviceId: device(90 + i), ...(i === 4 ? { phone: '13966660199' } : {}) }, {}, XIHU)).json<TakenTicket>())
    const mine = (await take({ category: 'A' }, bearer(token), XIHU)).json<TakenTicket>()
    expect([mine.number, mine.ahead]).toEqual(['A006', 5])
    const messages = async () => (await server.app.inject({ url: '/api/me/messages', headers: bearer(token) })).json<MessageList>().messages
    const callXihu = async () => {
      const res = await server.app.inject({ method: 'POST', url: '/api/staff/queue/windows/1/call', headers: bearer(desk) })
      expect(res.statusCode, res.body).toBe(200)
      const t = res.json<StaffTicket>()
      await server.app.inject({ method: 'POST', url: `/api/staff/tickets/${t.id}/actions`, payload: { action: 'serve' }, headers: bearer(desk) })
      await server.app.inject({ method: 'POST', url: `/api/staff/tickets/${t.id}/actions`, payload: { action: 'finish' }, headers: bearer(desk) })
      return t.number
    }
    expect(await callXihu()).toBe('A001') // A005 (the phone) is now 3 from the window
    expect(await messages()).toEqual([])
    expect(await callXihu()).toBe('A002') // A006 (hers) is now 3 from the window
    const near = await messages()
    expect(near).toEqual([{
      id: expect.any(String), kind: 'queue_near', caseNo: null, title: '快到您了', read: false, at: expect.any(String),
      body: `您在${HALL.xihu.name}取的A006号（综合受理）前面还有3人，请到窗口附近等候。`, link: { web: `/tickets/${mine.id}`, mini: `/packages/queue/pages/ticket/index?id=${mine.id}` },
    }])
    for (const expected of ['A003', 'A004', 'A005']) expect(await callXihu()).toBe(expected)
    expect((await messages()).length).toBe(1) // told once
    const called = await server.app.inject({ method: 'POST', url: '/api/staff/queue/windows/1/call', headers: bearer(desk) })
    expect(called.json<StaffTicket>().number).toBe('A006')
    expect((await messages()).map((m) => [m.kind, m.title])).toEqual([['queue_called', '请A006号到1号窗口办理'], ['queue_near', '快到您了']])

    // Sent by SMS: hers through her messages' channels, the phone-only visitor's by the queue's own job.
    await server.app.outbox.dispatch({ kinds: [QUEUE_SMS, DELIVER_MESSAGE] })
    const inbox = (await server.app.inject('/dev/inbox.json')).json<{ phone: string; text: string }[]>()
    const to = (phone: string) => inbox.filter((m) => m.phone === phone).map((m) => m.text.replace(/^【[^】]+】/, '')).sort()
    expect(to('13966660199')).toEqual(['您的排队A005（综合受理）已叫号：请到1号窗口办理。', '您的排队A005（综合受理）快到了：请到窗口附近等候。'])
    expect(to('13966660103').filter((t) => t.includes('排队'))).toEqual(['您的排队A006（综合受理）已叫号：请到1号窗口办理。', '您的排队A006（综合受理）快到了：请到窗口附近等候。'])
  })
})

describe('1,000 simultaneous takes on one instance (PGlite)', () => {
  it('gives 1,000 distinct, consecutive numbers', async () => {
    const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => take({ category: 'A', deviceId: device(10_000 + i) }, {}, HALL.dongcheng.id)))
    expect(answers.every((r) => r.statusCode === 201)).toBe(true)
    const seqs = answers.map((r) => Number(r.json<TakenTicket>().number.slice(1))).sort((x, y) => x - y)
    expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1))
  }, 120_000)
})

describe('QUEUE_IGNORE_HOURS (demos and load tests)', () => {
  it('gives numbers outside the opening hours, and says the hall is open', async () => {
    const sunday = Date.parse('2026-12-13T22:00:00+08:00')
    const demo = await startTestServer({ now: () => sunday, config: { processRole: 'web', queue: { ignoreHours: true } } })
    try {
      expect((await demo.app.inject({ url: `/api/halls/${CITY}/queue` })).json<HallQueue>().open).toBe(true)
      const res = await demo.app.inject({ method: 'POST', url: `/api/halls/${CITY}/tickets`, payload: { category: 'A', deviceId: device(70) } })
      expect([res.statusCode, res.json<TakenTicket>().number]).toEqual([201, 'A001'])
    } finally {
      await demo.close()
    }
  })
})

describe('the hall_admin\'s set-up', () => {
  it('shows the hall\'s queue with the items handled there, refuses a broken one field by field, and saves a good one for the take page', async () => {
    const admin = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'hall_admin', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    const get = async () => (await server.app.inject({ url: '/api/staff/hall/queue-config', headers: bearer(admin) })).json<HallQueueSetup>()
    const setup = await get()
    expect(setup.hall).toEqual({ id: CITY, name: HALL.city.name })
    expect(setup.config.categories.map((c) => c.code)).toEqual(['A', 'B', 'C', 'D'])
    expect(setup.items.map((i) => i.code)).toContain('BDC-0001')
    expect(setup.items.map((i) => i.code)).not.toContain('MZ-0001') // 低保 is a township's and a district's
    const put = (config: object, token = admin) => server.app.inject({ method: 'PUT', url: '/api/staff/hall/queue-config', payload: config, headers: bearer(token) })

    expect((await put(setup.config, clerk)).statusCode).toBe(403)
    const broken = await put({ ...setup.config, windows: setup.config.windows.filter((w) => !w.categories.includes('D')) })
    expect(broken.statusCode).toBe(400)
    expect(problemOf(broken).errors).toEqual([{ path: 'categories.3', code: 'unserved', message: '没有窗口办理“公安户政”，取了号也叫不到' }])

    const more = {
      ...setup.config,
      categories: [...setup.config.categories, { code: 'E', name: ' 出入境 ', items: [], serviceMinutes: 12 }],
      windows: [...setup.config.windows, { no: 10, categories: ['E'] }],
    }
    const saved = await put(more)
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json<HallQueueSetup>().config.categories.at(-1)).toEqual({ code: 'E', name: '出入境', items: [], serviceMinutes: 12 })
    const q = (await server.app.inject({ url: `/api/halls/${CITY}/queue` })).json<HallQueue>()
    expect(q.categories.map((c) => c.name)).toContain('出入境')
    expect((await put(setup.config)).statusCode).toBe(200)

    // The hall's 小程序码, made by WeChat (here its local fake): the take page with the hall in the scene.
    const code = await server.app.inject({ url: '/api/staff/hall/miniprogram-code', headers: bearer(admin) })
    expect([code.statusCode, code.headers['content-type']]).toEqual([200, 'image/png'])
    expect(code.rawPayload.subarray(1, 4).toString()).toBe('PNG')
    expect(server.app.connectors.fakeWechat?.miniCodes().at(-1)).toMatchObject({ scene: `h=${CITY}`, page: 'packages/queue/pages/take/index', checkPath: false })
    server.app.connectors.fakeWechat?.failNext(1, -1, '/wxa/getwxacodeunlimit')
    const busy = await server.app.inject({ url: '/api/staff/hall/miniprogram-code', headers: bearer(admin) })
    expect(problemOf(busy)).toMatchObject({ code: 'WECHAT_UNAVAILABLE', detail: '小程序码暂时生成不了，请稍后再试；也可以先张贴扫码取号海报' })
  })
})
