// @vitest-environment happy-dom
/**
 * 排队取号 in the mini-program (issue 19): the independent subpackage
 * packages/queue, opened as a hall's QR code opens it — WeChat's `q` carrying
 * the scanned https://…/h/<hallId> — with the main package never loaded
 * (support/mini-runtime.ts `independent`: no app.js, and any file outside
 * the subpackage fails to load as on a phone), against the real BFF on a
 * clock inside the city hall's hours. Taking a number lands on its ticket
 * (A001, the people ahead); taking again lands on the same ticket; an
 * unknown hall, a wrong phone and a closed queue are said in words; 取消排队
 * asks first; after a 过号, 我到了 puts the visitor back in the queue. The
 * built subpackage requires, imports and uses nothing outside itself, and
 * its size is printed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCalendarDays, isWorkingDay, shanghaiDate, type TicketView } from '@tongban/core'
import { DEVICE_ID_KEY, TICKETS_KEY, TOKEN_KEY } from '@tongban/app'
import { hallIdOf } from '../../miniprogram/src/packages/queue/hall-link'
import { QUEUE_PAGES, QUEUE_ROOT } from '../../miniprogram/src/packages/queue/pages'
import { DIST, REPO_ROOT, ensureMiniprogramBuilt } from './support/ensure-built'
import { getJson } from './support/bff'
import { attr, byClass, startMiniProgram, tappable, textOf, waitFor, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

const TAKE = `${QUEUE_ROOT}/pages/take/index`
const TICKET = `${QUEUE_ROOT}/pages/ticket/index`
const CITY = 'sls-zwfwzx'
const SCANNED = (hallId: string) => ({ q: encodeURIComponent(`https://example.gov.cn/h/${hallId}`) })

interface TestServer {
  url: string
  app: { inject(opts: { method?: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<{ statusCode: number; json<T>(): T }> }
  close(): Promise<void>
}

/**
 * 10:00 in Beijing on the next working day after this machine's today: the city hall gives numbers then,
 * and a 过号's 我到了 window (30 minutes on the BFF's clock) is still ahead by the phone's own clock.
 */
function nextWorkingMorning(now = Date.now()): number {
  let day = addCalendarDays(shanghaiDate(now), 1)
  while (!isWorkingDay(day)) day = addCalendarDays(day, 1)
  return Date.parse(`${day}T10:00:00+08:00`)
}

let clock = nextWorkingMorning()
let server: TestServer
let mp: MiniProgram
let clerk: string

const called = (name: string) => mp.wx.calls.filter((c) => c.name === name).map((c) => c.options as Record<string, unknown>)
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const ticketOnBff = async (id: string) => (await getJson<TicketView>(`${server.url}/api/tickets/${id}`)).body

/** A node and every node below it. */
function allNodes(n: RenderedNode): RenderedNode[] {
  return [n, ...n.children.filter((c): c is RenderedNode => typeof c !== 'string').flatMap(allNodes)]
}
/** A business's tap target on the take page. */
const categoryButton = (page: OpenedPage, name: string) => {
  const node = allNodes(page.component.toJSON()).find((n) => String(attr(n, 'class') ?? '').split(/\s+/).includes('take__category') && textOf(n).includes(name))
  if (!node) throw new Error(`no business “${name}” to tap:\n${page.text()}`)
  return node
}

/** Taps a business on the take page and returns the ticket id the page then opens. */
async function takeIn(page: OpenedPage, name: string): Promise<string> {
  const before = called('navigateTo').length
  await page.tap(categoryButton(page, name))
  const nav = await waitFor(() => called('navigateTo')[before], 10_000, 'the ticket page to open')
  const url = String(nav.url)
  expect(url).toMatch(new RegExp(`^/${TICKET}\\?id=[0-9a-f-]{36}$`))
  return url.split('id=')[1]!
}

async function openTake(query: Record<string, string> = SCANNED(CITY)): Promise<OpenedPage> {
  const page = await mp.openPage(TAKE, query)
  await page.waitForText((t) => !t.includes('正在读取'))
  return page
}

async function openTicket(id: string): Promise<OpenedPage> {
  const page = await mp.openPage(TICKET, { id })
  await page.waitForText((t) => !t.includes('正在读取'))
  return page
}

beforeAll(async () => {
  ensureMiniprogramBuilt()
  const testing = resolve(REPO_ROOT, 'server/src/testing.ts')
  const { startTestServer } = (await import(/* @vite-ignore */ testing)) as {
    startTestServer(opts: { now: () => number; config: Record<string, unknown> }): Promise<TestServer>
  }
  // processRole web: no background jobs in this process (happy-dom's fetch is the DOM's).
  server = await startTestServer({ now: () => clock, config: { processRole: 'web' } })
  const login = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: 'Tongban@2026' } })
  clerk = login.json<{ token: string }>().token
  // 长辈模式 was switched on in the main package earlier: the phone's storage is the whole mini-program's.
  mp = startMiniProgram(DIST, { bffUrl: server.url, independent: QUEUE_ROOT, storage: { 'tb.settings': JSON.stringify({ elderly: true }) } })
})

afterAll(async () => {
  await server?.close()
})

describe('the built independent subpackage', () => {
  it('is listed in app.json as independent, with its pages built inside it', () => {
    const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { subPackages: { root: string; pages: string[]; independent?: boolean }[] }
    expect(app.subPackages).toContainEqual({ root: QUEUE_ROOT, pages: QUEUE_PAGES, independent: true })
    for (const page of QUEUE_PAGES) {
      for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(statSync(join(DIST, QUEUE_ROOT, `${page}.${ext}`)).isFile()).toBe(true)
    }
    // Not App(), not an app.json or a project file of its own: the main package's are WeChat's.
    for (const name of ['app.json', 'project.config.json']) expect(() => statSync(join(DIST, QUEUE_ROOT, name))).toThrow()
    // The main build left its pages to this one: none of their code is in the main package or another subpackage.
    const elsewhere = filesUnder(DIST).filter((f) => !f.startsWith(join(DIST, QUEUE_ROOT) + sep) && /\.(js|wxss)$/.test(f))
    expect(elsewhere.length).toBeGreaterThan(10)
    expect(elsewhere.filter((f) => /take__category|appt__slot|没有认出是哪个服务大厅/.test(readFileSync(f, 'utf8'))).map((f) => relative(DIST, f))).toEqual([])
  })

  it('requires, imports and uses nothing outside itself, and says its size', () => {
    const root = join(DIST, QUEUE_ROOT)
    const files = filesUnder(root)
    const outside: string[] = []
    const missing: string[] = []
    const check = (from: string, target: string, what: string) => {
      const file = resolve(dirname(from), target)
      if (!file.startsWith(root + sep)) outside.push(`${relative(DIST, from)} ${what} ${relative(DIST, file)}`)
      else if (!exists(file)) missing.push(`${relative(DIST, from)} ${what} ${relative(DIST, file)}`)
    }
    let requires = 0
    for (const f of files) {
      const text = readFileSync(f, 'utf8')
      if (f.endsWith('.js')) {
        for (const m of text.matchAll(/\brequire(?:\.async)?\(\s*(["'`])([^"'`]+)\1\s*\)/g)) { requires++; check(f, m[2]!, 'requires') }
        // A require of something computed could reach anywhere: there is none.
        expect(text, relative(DIST, f)).not.toMatch(/\brequire(?:\.async)?\(\s*[^"'`\s)]/)
      } else if (f.endsWith('.wxml')) {
        for (const m of text.matchAll(/<(?:import|include|wxs)\b[^>]*\bsrc="([^"]+)"/g)) check(f, m[1]!, 'imports')
      } else if (f.endsWith('.wxss')) {
        for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) check(f, m[1]!, 'imports')
      } else if (f.endsWith('.json')) {
        const json = JSON.parse(text) as { usingComponents?: Record<string, string> }
        for (const c of Object.values(json.usingComponents ?? {})) check(f, c.startsWith('/') ? join(DIST, c) : c, 'uses')
      }
    }
    expect(requires).toBeGreaterThan(10)
    expect(outside).toEqual([])
    expect(missing).toEqual([])
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0)
    console.log(`independent subpackage ${QUEUE_ROOT}: ${bytes} bytes in ${files.length} files`)
    expect(bytes).toBeLessThan(2 * 1024 * 1024)
  })
})

describe('the hall of a scanned code', () => {
  it('is read from the scanned link, hallId or a 小程序码 scene', () => {
    expect(hallIdOf({ q: 'https://example.gov.cn/h/sls-zwfwzx' })).toBe(CITY)
    expect(hallIdOf({ q: encodeURIComponent('https://example.gov.cn/h/sls-zwfwzx/?from=wall') })).toBe(CITY)
    expect(hallIdOf({ hallId: CITY })).toBe(CITY)
    expect(hallIdOf({ scene: 'h%3Dsls-zwfwzx' })).toBe(CITY)
    expect(hallIdOf({ scene: CITY })).toBe(CITY)
    expect(hallIdOf({ q: 'https://example.gov.cn/verify/abc' })).toBeNull()
    expect(hallIdOf({ q: 'https://example.gov.cn/h/Not_A_Hall' })).toBeNull()
    expect(hallIdOf({})).toBeNull()
  })
})

describe('排队取号 opened from a hall’s QR code', () => {
  let ticketId = ''

  it('shows the hall, its hours and each business with its wait, in 长辈模式, without the main package', async () => {
    const page = await openTake()
    const text = page.text()
    expect(text).toContain('示例市政务服务中心')
    expect(text).toContain('正在取号，今天 11:30 停止取号')
    expect(text).toContain('工作日 9:00-12:00，13:30-17:00')
    for (const name of ['综合受理', '社保医保', '不动产登记', '公安户政']) expect(text).toContain(name)
    expect(textOf(categoryButton(page, '综合受理'))).toContain('等候 0 人 · 预计 5 分钟以内')
    // Read out as one button (the subpackage's app.ts gives the runtime the ARIA table its base.wxml was built with).
    expect(attr(categoryButton(page, '综合受理'), 'ariaRole')).toBe('button')
    expect(attr(categoryButton(page, '综合受理'), 'ariaLabel')).toBe('A 综合受理，等候 0 人，预计等候 5 分钟以内，点按取号')
    expect(String(attr(byClass(page, 'tb-page'), 'class'))).toContain('tb-page--elderly')
    expect(text).not.toContain('我的号')
    expect(mp.outsideRequires).toEqual([])
    expect(mp.renderErrors).toEqual([])
    page.unload()
  })

  it('takes a number in 综合受理 and lands on its ticket: A001, the people ahead, the wait', async () => {
    const page = await openTake()
    ticketId = await takeIn(page, '综合受理')
    // The device's own id (for cancelling without signing in) and today's ticket are kept on the phone.
    expect(String(mp.wx.storage.get(DEVICE_ID_KEY))).toMatch(/^d-[A-Za-z0-9]{24}$/)
    expect(JSON.parse(String(mp.wx.storage.get(TICKETS_KEY)))).toEqual([expect.objectContaining({ id: ticketId, hallId: CITY, number: 'A001', category: 'A' })])
    page.unload()

    const ticket = await openTicket(ticketId)
    const text = ticket.text()
    expect(text).toContain('A001')
    expect(text).toContain('综合受理')
    expect(text).toContain('排队中')
    expect(text).toContain('下一位就是您，请到窗口附近等候')
    expect(text).toContain('前面还有 0 人')
    expect(text).toContain('预计等候 5 分钟以内')
    expect(text).toContain('取消排队')
    expect(byClass(ticket, 'ticket__number').children.map(textOf).join('')).toBe('A001')
    expect(String(attr(byClass(ticket, 'tb-page'), 'class'))).toContain('tb-page--elderly')
    ticket.unload()
  })

  it('takes the visitor already waiting in 综合受理 to that same ticket, and lists it under 我的号', async () => {
    const page = await openTake()
    expect(page.text()).toContain('我的号 A001 综合受理')
    expect(textOf(categoryButton(page, '综合受理'))).toContain('等候 1 人')
    expect(await takeIn(page, '综合受理')).toBe(ticketId)
    // Nothing more was taken.
    const queue = (await getJson<{ categories: { code: string; waiting: number }[] }>(`${server.url}/api/halls/${CITY}/queue`)).body
    expect(queue.categories.find((c) => c.code === 'A')?.waiting).toBe(1)
    // 我的号 opens it too.
    const before = called('navigateTo').length
    await page.tap(tappable(page, '查看进度'))
    expect(await waitFor(() => called('navigateTo')[before], 5_000, '我的号')).toMatchObject({ url: `/${TICKET}?id=${ticketId}` })
    page.unload()
  })

  it('says at the field what is wrong with a phone number, and takes nothing', async () => {
    const page = await openTake()
    const input = allNodes(page.component.toJSON()).find((n) => attr(n, 'ariaLabel') === '手机号（选填）')
    expect(input, page.text()).toBeDefined()
    await page.type(input!, '1380013')
    const navs = called('navigateTo').length
    await page.tap(categoryButton(page, '社保医保'))
    await page.waitForText((t) => t.includes('请填写11位手机号码，或者不填'))
    expect(called('navigateTo').length).toBe(navs)
    const queue = (await getJson<{ categories: { code: string; waiting: number }[] }>(`${server.url}/api/halls/${CITY}/queue`)).body
    expect(queue.categories.find((c) => c.code === 'B')?.waiting).toBe(0)
    // Corrected, the error goes and the number is taken, the phone kept for the SMS.
    await page.type(input!, '13800138000')
    await page.waitForText((t) => !t.includes('请填写11位手机号码'))
    const id = await takeIn(page, '社保医保')
    expect((await ticketOnBff(id)).number).toBe('B001')
    page.unload()
  })

  it('says so when the hall is not found, or the code is not a hall’s', async () => {
    const page = await openTake(SCANNED('no-such-hall'))
    expect(page.text()).toContain('没有找到这个服务大厅，请重新扫描大厅里的二维码')
    expect(page.text()).not.toContain('重试')
    page.unload()
    const other = await mp.openPage(TAKE, { q: encodeURIComponent('https://example.gov.cn/verify/abc') })
    await other.waitForText((t) => t.includes('没有认出是哪个服务大厅，请重新扫描大厅里的二维码'))
    other.unload()
  })

  it('says when numbers are given next outside the hours, and why a take was refused when they stopped meanwhile', async () => {
    const page = await openTake()
    // The hall stops giving numbers while the page is open (11:30, half an hour before noon).
    const morning = clock
    clock = morning + 100 * 60_000
    try {
      await page.tap(categoryButton(page, '不动产登记'))
      await page.waitForText((t) => t.includes('现在不在取号时间，请在办公时间内取号。今天 13:30 开始取号'))
      expect(page.text()).toContain('现在不在取号时间')
      page.unload()
      // Opened now, it says so at once and offers nothing to take.
      const closed = await openTake()
      expect(closed.text()).toContain('开始取号')
      expect(textOf(categoryButton(closed, '不动产登记'))).toContain('未开始')
      const navs = called('navigateTo').length
      await closed.tap(categoryButton(closed, '不动产登记'))
      await new Promise((r) => setTimeout(r, 200))
      expect(called('navigateTo').length).toBe(navs)
      closed.unload()
    } finally {
      clock = morning
    }
  })

  it('cancels only after the visitor confirms', async () => {
    const page = await openTicket(ticketId)
    mp.wx.modalConfirms = false
    await page.tap(tappable(page, '取消排队'))
    await waitFor(() => called('showModal').length > 0, 5_000, 'the confirm')
    expect(called('showModal').at(-1)).toMatchObject({ title: '取消排队', content: expect.stringContaining('A001') })
    await new Promise((r) => setTimeout(r, 200))
    expect((await ticketOnBff(ticketId)).state).toBe('waiting')

    mp.wx.modalConfirms = true
    await page.tap(tappable(page, '取消排队'))
    await page.waitForText((t) => t.includes('已取消排队'))
    expect((await ticketOnBff(ticketId)).state).toBe('cancelled')
    expect(page.text()).not.toContain('前面还有')
    // Over: it offers a new number in the same hall.
    await page.tap(tappable(page, '重新取号'))
    expect(called('redirectTo').at(-1)).toMatchObject({ url: `/${TAKE}?hallId=${CITY}` })
    page.unload()
  })

  it('after a 过号, 我到了 puts the visitor back in the queue', async () => {
    const take = await openTake()
    const id = await takeIn(take, '公安户政')
    take.unload()
    const page = await openTicket(id)
    expect(page.text()).toContain('前面还有 0 人')
    // The clerk at window 7 (公安户政) calls it, calls twice more, then marks it 过号.
    const next = await server.app.inject({ method: 'POST', url: '/api/staff/queue/windows/7/call', headers: bearer(clerk) })
    expect(next.json<{ id: string }>().id).toBe(id)
    for (const action of ['recall', 'recall', 'no_show']) {
      const res = await server.app.inject({ method: 'POST', url: `/api/staff/tickets/${id}/actions`, payload: { action }, headers: bearer(clerk) })
      expect(res.statusCode).toBe(200)
    }
    // Back to the page (the poll pauses while hidden and reads again on show).
    page.hide()
    page.show()
    await page.waitForText((t) => t.includes('叫号时您不在，已过号'))
    expect(page.text()).toContain('我到了')
    expect(page.text()).not.toContain('取消排队')
    await page.tap(tappable(page, '我到了'))
    await page.waitForText((t) => t.includes('前面还有 0 人'))
    expect((await ticketOnBff(id)).state).toBe('waiting')
    page.unload()
    expect(mp.outsideRequires).toEqual([])
    expect(mp.renderErrors).toEqual([])
  })
})

describe('after service', () => {
  it('asks for a 好差评 once the window has finished, and says thank you', async () => {
    const take = await openTake()
    const id = await takeIn(take, '社保医保')
    take.unload()
    const page = await openTicket(id)
    // Window 3 (社保医保) calls, serves and finishes it.
    const next = await server.app.inject({ method: 'POST', url: '/api/staff/queue/windows/3/call', headers: bearer(clerk) })
    expect(next.json<{ id: string }>().id).toBe(id)
    for (const action of ['serve', 'finish']) {
      expect((await server.app.inject({ method: 'POST', url: `/api/staff/tickets/${id}/actions`, payload: { action }, headers: bearer(clerk) })).statusCode).toBe(200)
    }
    page.hide()
    page.show()
    await page.waitForText((t) => t.includes('请评价这次服务'))
    const level = (label: string) => allNodes(page.component.toJSON()).find((n) => attr(n, 'ariaRole') === 'radio' && attr(n, 'ariaLabel') === label)!
    await page.tap(level('满意'))
    await waitFor(() => String(attr(level('满意'), 'ariaChecked')) === 'true', 5_000, 'the level chosen')
    await page.tap(tappable(page, '提交评价'))
    await page.waitForText((t) => t.includes('谢谢您的评价：满意'))
    expect((await ticketOnBff(id)).rating).toBe(4)
    page.unload()
    expect(mp.renderErrors).toEqual([])
  })
})

describe('told by WeChat', () => {
  it('asks a signed-in visitor, from the 取号 tap itself, to let WeChat tell them of the call; a guest is not asked', async () => {
    const subscribeCalls = () => called('requestSubscribeMessage').map((o) => o.tmplIds as string[])
    const before = subscribeCalls().length
    // A guest (as every test above): no popup.
    expect(before).toBe(0)
    // A session kept by the main package (the BFF in this process cannot reach a WeChat fake through happy-dom's
    // fetch, so the sign-in itself is the subscribe test's; here the page only reads that one is kept).
    mp.wx.storage.set(TOKEN_KEY, 'session-kept-by-the-main-package')
    try {
      const page = await openTake()
      await waitFor(() => mp.wx.requests.find((r) => r.url.endsWith('/api/wechat/templates')), 5_000, 'the template list read when the page opens')
      await new Promise((r) => setTimeout(r, 100))
      await takeIn(page, '不动产登记')
      expect(subscribeCalls()).toEqual([['DEMO_queue']])
      page.unload()
    } finally {
      mp.wx.storage.delete(TOKEN_KEY)
    }
  })
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

/** A path as WeChat resolves it: the file, or the same with the extension a require or a component leaves out. */
function exists(file: string): boolean {
  return ['', '.js', '.json', '.wxml'].some((ext) => {
    try {
      return statSync(file + ext).isFile()
    } catch {
      return false
    }
  })
}
