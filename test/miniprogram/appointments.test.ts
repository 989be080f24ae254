// @vitest-environment happy-dom
/**
 * 预约 in the mini-program (issue 19): the independent subpackage
 * packages/queue opened without the main package (as queue.test.ts does),
 * against the real BFF on a clock inside the city hall's hours. A guest is
 * told to sign in (登录后预约 opens the main package's login page, which
 * comes back to the booking page) and asks nothing that can only answer
 * 401; a citizen signed in by SMS through the BFF's routes (the session token in the phone's
 * storage, as the main package keeps it) books a slot of 综合受理, sees it
 * listed with the room left one fewer, cancels it after a confirm, books
 * again; before the check-in time the take page's 我的预约 says when, in
 * it 签到取号 opens the ticket page with a priority ticket — first in line
 * though a walk-in took a number before, and the one the window calls.
 */
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCalendarDays, isWorkingDay, shanghaiDate, type MyAppointments, type TicketView } from '@tongban/core'
import { TICKETS_KEY, TOKEN_KEY } from '@tongban/app'
import { QUEUE_ROOT } from '../../miniprogram/src/packages/queue/pages'
import { DIST, REPO_ROOT, ensureMiniprogramBuilt } from './support/ensure-built'
import { getJson } from './support/bff'
import { attr, startMiniProgram, tappable, textOf, waitFor, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

const TAKE = `${QUEUE_ROOT}/pages/take/index`
const TICKET = `${QUEUE_ROOT}/pages/ticket/index`
const BOOK = `${QUEUE_ROOT}/pages/appointments/index`
const CITY = 'sls-zwfwzx'
const PHONE = '13966880001'

interface Injected { statusCode: number; json<T>(): T }
interface TestServer {
  url: string
  app: { inject(opts: { method?: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<Injected> }
  close(): Promise<void>
}

/** 10:00 in Beijing on the next working day after this machine's today (the city hall gives numbers then). */
function nextWorkingMorning(now = Date.now()): number {
  let day = addCalendarDays(shanghaiDate(now), 1)
  while (!isWorkingDay(day)) day = addCalendarDays(day, 1)
  return Date.parse(`${day}T10:00:00+08:00`)
}

const morning = nextWorkingMorning()
let clock = morning
let server: TestServer
let mp: MiniProgram
let clerk: string
let token: string

const called = (name: string) => mp.wx.calls.filter((c) => c.name === name).map((c) => c.options as Record<string, unknown>)
const bearer = (t: string) => ({ authorization: `Bearer ${t}` })
const myAppointments = async () => (await server.app.inject({ url: '/api/me/appointments', headers: bearer(token) })).json<MyAppointments>().appointments
const ticketOnBff = async (id: string) => (await getJson<TicketView>(`${server.url}/api/tickets/${id}`)).body

function allNodes(n: RenderedNode): RenderedNode[] {
  return [n, ...n.children.filter((c): c is RenderedNode => typeof c !== 'string').flatMap(allNodes)]
}
/** The node read out with this label (aria-label). */
const labelled = (page: OpenedPage, label: string | RegExp) => {
  const node = allNodes(page.component.toJSON()).find((n) => {
    const l = attr(n, 'ariaLabel')
    return typeof l === 'string' && (typeof label === 'string' ? l === label : label.test(l))
  })
  if (!node) throw new Error(`nothing labelled “${String(label)}”:\n${page.text()}`)
  return node
}
/** A slot's button on the booking page. */
const slotButton = (page: OpenedPage, label: string) => {
  const node = allNodes(page.component.toJSON()).find((n) => String(attr(n, 'class') ?? '').split(/\s+/).includes('appt__slot') && textOf(n).includes(label))
  if (!node) throw new Error(`no slot ${label}:\n${page.text()}`)
  return node
}

async function open(path: string, query: Record<string, string>, loading = '正在读取'): Promise<OpenedPage> {
  const page = await mp.openPage(path, query)
  await page.waitForText((t) => !t.includes(loading))
  return page
}

/**
 * The codes the BFF sends, kept here: its default provider posts to a fake SMS server through `fetch`, which under
 * happy-dom is the DOM's (a cross-origin request it refuses), so this process cannot use the dev inbox's path.
 */
const sent: { phone: string; template: string; params: Record<string, string> }[] = []
const sms = { send: async (m: { phone: string; template: string; params: Record<string, string> }) => { sent.push(m); return { ok: true as const, providerId: `test-${sent.length}` } } }

/** Signs a citizen in as the login page does (phone + SMS code, through the BFF's own routes): the session token. */
async function signInBySms(phone: string): Promise<string> {
  const send = await server.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone } })
  expect(send.statusCode).toBe(202)
  const code = sent.filter((m) => m.phone === phone && m.template === 'login_code').at(-1)?.params.code
  expect(code).toMatch(/^\d{6}$/)
  const verify = await server.app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone, code } })
  expect(verify.statusCode).toBe(200)
  return verify.json<{ token: string }>().token
}

beforeAll(async () => {
  ensureMiniprogramBuilt()
  const testing = resolve(REPO_ROOT, 'server/src/testing.ts')
  const { startTestServer } = (await import(/* @vite-ignore */ testing)) as {
    startTestServer(opts: { now: () => number; config: Record<string, unknown>; sms: typeof sms }): Promise<TestServer>
  }
  server = await startTestServer({ now: () => clock, config: { processRole: 'web' }, sms })
  clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: 'Tongban@2026' } })).json<{ token: string }>().token
  token = await signInBySms(PHONE)
  mp = startMiniProgram(DIST, { bffUrl: server.url, independent: QUEUE_ROOT })
})

afterAll(async () => {
  await server?.close()
})

describe('预约 as a guest', () => {
  it('the take page offers 登录后预约, which opens the main package’s login page and comes back to the booking page', async () => {
    const page = await open(TAKE, { hallId: CITY })
    expect(page.text()).toContain('登录后预约')
    expect(page.text()).not.toContain('我的预约')
    const before = called('navigateTo').length
    await page.tap(tappable(page, '登录后预约'))
    const nav = await waitFor(() => called('navigateTo')[before], 5_000, 'the login page')
    expect(nav.url).toBe(`/pages/login/index?next=${encodeURIComponent(`/${BOOK}?hallId=${CITY}`)}`)
    page.unload()
  })

  it('the booking page shows the slots, says to sign in first, and asks nothing that can only answer 401', async () => {
    const page = await open(BOOK, { hallId: CITY })
    const text = page.text()
    expect(text).toContain('示例市政务服务中心')
    expect(text).toContain('预约需要先登录')
    for (const name of ['综合受理', '社保医保', '不动产登记', '公安户政']) expect(text).toContain(name)
    expect(text).toContain('今天')
    expect(textOf(slotButton(page, '10:30-11:00'))).toContain('剩余 6 个')
    expect(textOf(slotButton(page, '9:00-9:30'))).toContain('已过或已开始')
    expect(mp.wx.requests.some((r) => r.url.includes('/api/me/appointments'))).toBe(false)
    page.unload()
    expect(mp.outsideRequires).toEqual([])
    expect(mp.renderErrors).toEqual([])
  })
})

describe('预约 signed in', () => {
  let ticketId = ''

  beforeAll(() => {
    // The session the main package keeps after 登录 (the whole mini-program shares the storage).
    mp.wx.storage.set(TOKEN_KEY, token)
  })

  it('books a slot of 综合受理 and lists it with the room left one fewer', async () => {
    const page = await open(BOOK, { hallId: CITY })
    expect(page.text()).not.toContain('预约需要先登录')
    expect(String(attr(labelled(page, '综合受理'), 'ariaChecked'))).toBe('true')
    expect(attr(slotButton(page, '10:30-11:00'), 'ariaRole')).toBe('button')
    await page.tap(slotButton(page, '10:30-11:00'))
    await page.waitForText((t) => t.includes('预约成功'))
    await page.waitForText((t) => t.includes('我在这个大厅的预约'))
    expect(page.text()).toContain('请在10:15-11:10到大厅扫码签到取号')
    await waitFor(() => textOf(slotButton(page, '10:30-11:00')).includes('剩余 5 个'), 5_000, 'the room left')
    const held = await myAppointments()
    expect(held).toEqual([expect.objectContaining({ category: 'A', status: 'booked', slotText: expect.stringContaining('10:30-11:00') })])
    page.unload()
  })

  it('cancels only after the visitor confirms, and books again', async () => {
    const page = await open(BOOK, { hallId: CITY })
    await page.waitForText((t) => t.includes('我在这个大厅的预约'))
    expect(page.text()).toMatch(/综合受理 · 今天 \d+月\d+日 周. 10:30-11:00/)
    mp.wx.modalConfirms = false
    const cancel = labelled(page, /^取消预约 综合受理/)
    await page.tap(cancel)
    await waitFor(() => called('showModal').length > 0, 5_000, 'the confirm')
    expect(called('showModal').at(-1)).toMatchObject({ title: '取消预约', content: expect.stringContaining('10:30-11:00') })
    await new Promise((r) => setTimeout(r, 200))
    expect((await myAppointments())[0]?.status).toBe('booked')

    mp.wx.modalConfirms = true
    await page.tap(labelled(page, /^取消预约 综合受理/))
    await page.waitForText((t) => !t.includes('我在这个大厅的预约'))
    expect((await myAppointments()).map((a) => a.status)).toEqual(['cancelled'])
    await waitFor(() => textOf(slotButton(page, '10:30-11:00')).includes('剩余 6 个'), 5_000, 'the place given back')

    await page.tap(slotButton(page, '10:30-11:00'))
    await page.waitForText((t) => t.includes('预约成功'))
    await page.waitForText((t) => t.includes('我在这个大厅的预约'))
    expect((await myAppointments()).filter((a) => a.status === 'booked')).toHaveLength(1)
    page.unload()
    expect(mp.renderErrors).toEqual([])
  })

  it('the take page’s 我的预约 says when check-in opens; in time 签到取号 lands on a priority ticket', async () => {
    // A walk-in takes a number in 综合受理 first.
    const walkIn = (await server.app.inject({ method: 'POST', url: `/api/halls/${CITY}/tickets`, payload: { category: 'A', deviceId: 'appt-mini-walkin-0001' } })).json<{ id: string; number: string }>()
    expect(walkIn.number).toBe('A001')

    const page = await open(TAKE, { hallId: CITY })
    await page.waitForText((t) => t.includes('我的预约'))
    expect(page.text()).toContain('10:15 起可以签到取号')
    expect(page.text()).toContain('预约办理')
    expect(page.text()).not.toContain('登录后预约')
    // Too early: the tap sends nothing.
    const navs = called('navigateTo').length
    await page.tap(tappable(page, '签到取号'))
    await new Promise((r) => setTimeout(r, 200))
    expect(called('navigateTo').length).toBe(navs)
    expect(mp.wx.requests.some((r) => r.url.includes('/check-in'))).toBe(false)

    // 10:20: inside the check-in window (from 15 minutes before the slot). Back on the page, it reads again.
    clock = morning + 20 * 60_000
    page.hide()
    page.show()
    await page.waitForText((t) => t.includes('请现在签到取号（11:10 前），签到后优先叫号'))
    expect(attr(labelled(page, /^签到取号，综合受理/), 'ariaRole')).toBe('button')
    await page.tap(tappable(page, '签到取号'))
    const nav = await waitFor(() => called('navigateTo')[navs], 10_000, 'the ticket page')
    expect(String(nav.url)).toMatch(new RegExp(`^/${TICKET}\\?id=[0-9a-f-]{36}$`))
    ticketId = String(nav.url).split('id=')[1]!
    // Kept with this phone's numbers of today, as a number taken here.
    expect(JSON.parse(String(mp.wx.storage.get(TICKETS_KEY)))).toContainEqual(expect.objectContaining({ id: ticketId, hallId: CITY, number: 'A002', category: 'A' }))
    page.unload()

    const ticket = await open(TICKET, { id: ticketId })
    expect(ticket.text()).toContain('A002')
    expect(ticket.text()).toContain('综合受理')
    // Ahead of the walk-in who came first: the appointment goes first within its slot.
    expect(ticket.text()).toContain('前面还有 0 人')
    expect((await ticketOnBff(walkIn.id)).ahead).toBe(1)
    ticket.unload()
    expect((await myAppointments()).find((a) => a.status === 'checked_in')).toMatchObject({ ticketId, ticketNumber: 'A002' })

    // The window serving 综合受理 calls it before A001.
    const first = await server.app.inject({ method: 'POST', url: '/api/staff/queue/windows/1/call', headers: bearer(clerk) })
    expect(first.json<{ id: string; number: string }>()).toMatchObject({ id: ticketId, number: 'A002' })
  })

  it('then 我的预约 says the number and opens it', async () => {
    const page = await open(TAKE, { hallId: CITY })
    await page.waitForText((t) => t.includes('已签到，您的号是 A002'))
    const before = called('navigateTo').length
    await page.tap(labelled(page, '查看我的号 A002'))
    expect(await waitFor(() => called('navigateTo')[before], 5_000, 'the ticket')).toMatchObject({ url: `/${TICKET}?id=${ticketId}` })
    page.unload()
    expect(mp.outsideRequires).toEqual([])
    expect(mp.renderErrors).toEqual([])
  })
})
