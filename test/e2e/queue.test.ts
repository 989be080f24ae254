/**
 * Queueing in a hall in Chromium at 375×812, two visitors on their own phones
 * (not signed in): each scans the city hall's QR code (/h/sls-zwfwzx) and
 * takes a number in 综合受理; the second watches the people ahead drop as the
 * window serves the first, then is called to window 1 — the open page
 * follows by itself. A second take in the same category lands on the same
 * ticket; cancelling asks once more. axe finds nothing; screenshots go to
 * test/artifacts/.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { StaffTicket } from '@tongban/core'
import { axeViolations, moveClock, screenshot, staffPage, useProduct } from './support'

const e2e = useProduct()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 25_000 })
const HALL = 'sls-zwfwzx'

// A Monday at 10:00 in Beijing: the city hall gives numbers (the product's own clock, whatever day the test runs).
beforeAll(async () => moveClock(e2e.product.url, '2026-12-14T10:00:00+08:00'))
afterAll(async () => moveClock(e2e.product.url, null))

it('takes a number from the hall\'s QR code, follows the people ahead, and is called to the window', async () => {
  const { url, } = e2e.product
  const phone = () => e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const first = await (await phone()).newPage()
  const second = await (await phone()).newPage()

  const takeA = async (page: typeof first) => {
    await page.goto(`${url}/h/${HALL}`)
    await page.getByRole('heading', { name: '示例市政务服务中心' }).waitFor()
    await page.getByRole('button', { name: /综合受理/ }).click()
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/)
    await page.locator('#ticket-no').waitFor()
  }

  await first.goto(`${url}/h/${HALL}`)
  await first.getByRole('heading', { name: '示例市政务服务中心' }).waitFor()
  expect(await first.locator('.state-line').textContent()).toContain('正在取号')
  expect(await first.getByRole('button', { name: /综合受理/ }).textContent()).toContain('现在无人等候')
  expect(await axeViolations(first)).toEqual([])
  await screenshot(first, 'queue-take-375x812')

  await takeA(first)
  expect(await first.locator('#ticket-no').textContent()).toBe('A001')
  await takeA(second)
  expect(await second.locator('#ticket-no').textContent()).toBe('A002')
  expect(await second.locator('.status').textContent()).toBe('前面还有 1 人，快到您了，请到窗口附近等候')
  expect(await axeViolations(second)).toEqual([])
  await screenshot(second, 'queue-ticket-waiting-375x812')

  // The window clerk, at the console of window 1, calls, serves and finishes A001, then calls the next.
  const { page: desk } = await staffPage(e2e.browser, url, 'clerk')
  await desk.getByRole('link', { name: '窗口叫号' }).click()
  await desk.waitForURL(/\/staff\/queue$/)
  await desk.getByLabel('我的窗口').selectOption('1')
  const waiting = desk.getByRole('region', { name: /等候中/ })
  await poll(() => waiting.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('A001'), expect.stringContaining('A002')])
  expect(await axeViolations(desk)).toEqual([])
  await desk.getByRole('button', { name: '叫下一位' }).click()
  const current = desk.getByRole('region', { name: '当前' })
  await poll(() => current.locator('.number').textContent()).toBe('A001')
  // The first visitor's open page shows the call by itself.
  await poll(() => first.locator('.status').textContent()).toBe('请到 1 号窗口办理')
  await poll(() => second.locator('.status').textContent()).toBe('下一位就是您，请到窗口附近等候')
  // Another call while A001 is at the window is refused, in words.
  const refused = await desk.request.post(`${url}/api/staff/queue/windows/1/call`)
  expect(refused.status()).toBe(409)
  await desk.getByRole('button', { name: '开始办理' }).click()
  await poll(() => current.textContent()).toContain('正在办理')
  await screenshot(desk, 'queue-console-1024')
  await desk.getByRole('button', { name: '办结' }).click()
  // The first visitor, served, is asked to rate: once, by choice.
  await first.getByRole('heading', { name: '请评价这次服务' }).waitFor({ timeout: 25_000 })
  await first.getByRole('radio', { name: '满意', exact: true }).click()
  await first.getByLabel(/还有什么想说的/).fill('窗口工作人员很耐心')
  expect(await axeViolations(first)).toEqual([])
  await first.getByRole('button', { name: '提交评价' }).click()
  await first.getByRole('status').filter({ hasText: '谢谢您的评价：满意' }).waitFor()
  await desk.getByRole('button', { name: '叫下一位' }).click()
  await poll(() => current.locator('.number').textContent()).toBe('A002')
  await poll(() => second.locator('.status').textContent()).toBe('请到 1 号窗口办理')
  expect(await second.locator('.badge').textContent()).toBe('已叫号')
  expect(await axeViolations(second)).toEqual([])
  await screenshot(second, 'queue-ticket-called-375x812')
})

it('lands a second take on the ticket already held; cancelling asks once more and frees the category', async () => {
  const { url } = e2e.product
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const page = await context.newPage()
  await page.goto(`${url}/h/${HALL}`)
  await page.getByRole('button', { name: /社保医保/ }).click()
  await page.waitForURL(/\/tickets\//)
  const ticketUrl = page.url()
  const number = await page.locator('#ticket-no').textContent()

  // Back on the hall page: today's number is at the top, and taking again opens the same ticket.
  await page.goto(`${url}/h/${HALL}`)
  expect(await page.getByRole('region', { name: '我今天的号' }).textContent()).toContain(number!)
  await page.getByRole('button', { name: /社保医保/ }).click()
  await page.waitForURL(ticketUrl)

  await page.getByRole('button', { name: '取消排队' }).click()
  await page.getByRole('group', { name: '确认取消排队' }).waitFor()
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('button', { name: '确定取消' }).click()
  await poll(() => page.locator('.badge').textContent()).toBe('已取消')
  expect(await page.getByRole('button', { name: '取消排队' }).count()).toBe(0)

  // A wrong phone number is said at its field; nothing is taken.
  await page.goto(`${url}/h/${HALL}`)
  await page.getByLabel(/手机号/).fill('12345')
  await page.getByRole('button', { name: /社保医保/ }).click()
  await page.locator('#queue-phone-error').waitFor()
  expect(await page.locator('#queue-phone-error').textContent()).toBe('请填写11位手机号码，或者不填')
  expect(page.url()).toBe(`${url}/h/${HALL}`)
})

it('shows each call on the hall\'s screen, large, and speaks it in Mandarin twice; a 重呼 again', async () => {
  const { url } = e2e.product
  const screenContext = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  // What the screen says, recorded by a stub of speechSynthesis (the test machine has no voices).
  await screenContext.addInitScript(() => {
    const said: { text: string; lang: string }[] = []
    Object.assign(window, { said })
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: { speak: (u: SpeechSynthesisUtterance) => { if (u.text) said.push({ text: u.text, lang: u.lang }) }, cancel() {}, getVoices: () => [] } })
  })
  const screen = await screenContext.newPage()
  await screen.goto(`${url}/hall/${HALL}/display`)
  await screen.getByRole('heading', { name: '示例市政务服务中心' }).waitFor()
  await screen.getByRole('button', { name: '点击这里开启语音叫号' }).click()
  await poll(() => screen.getByRole('status').filter({ hasText: '实时连接中断' }).count()).toBe(0)

  const visitor = await e2e.browser.newContext()
  const taken = await visitor.request.post(`${url}/api/halls/${HALL}/tickets`, { data: { category: 'D', deviceId: 'screen-test-000000001' } })
  expect(taken.status()).toBe(201)
  const clerk = await e2e.browser.newContext()
  expect((await clerk.request.post(`${url}/api/staff/login`, { data: { username: 'clerk', password: 'Tongban@2026' } })).status()).toBe(200)
  const called = (await (await clerk.request.post(`${url}/api/staff/queue/windows/7/call`)).json()) as StaffTicket
  expect(called.number).toBe('D001')

  await poll(() => screen.locator('.latest-no').textContent()).toBe('D001')
  const said = () => screen.evaluate(() => (window as unknown as { said: { text: string; lang: string }[] }).said)
  await poll(said).toEqual([{ text: '请D001号到7号窗口办理', lang: 'zh-CN' }, { text: '请D001号到7号窗口办理', lang: 'zh-CN' }])
  expect(await screen.locator('.window', { hasText: '7号窗口' }).locator('.window-ticket').textContent()).toBe('D001')
  // Readable from 10 m: the numbers stand at least 15 % of the screen's height.
  const heights = await screen.evaluate(() => [...document.querySelectorAll('.latest-no, .window-ticket')].map((e) => parseFloat(getComputedStyle(e).fontSize)))
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(0.15 * 1080)

  expect((await clerk.request.post(`${url}/api/staff/tickets/${called.id}/actions`, { data: { action: 'recall' } })).status()).toBe(200)
  await poll(async () => (await said()).length).toBe(4)
  expect(await axeViolations(screen)).toEqual([])
  await screenshot(screen, 'hall-display-1920x1080')
})

it('serves the visitor without a smartphone at the hall\'s kiosk: a printed number, a guide\'s materials, a case\'s progress; back to the start after a minute', async () => {
  const { url } = e2e.product
  const context = await e2e.browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  await context.addInitScript(() => {
    Object.assign(window, { printed: 0 })
    window.print = () => { (window as unknown as { printed: number }).printed++ }
  })
  const kiosk = await context.newPage()
  await kiosk.clock.install()
  await kiosk.goto(`${url}/kiosk/${HALL}`)
  await kiosk.getByRole('heading', { name: '示例市政务服务中心' }).waitFor()
  expect(await axeViolations(kiosk)).toEqual([])
  await screenshot(kiosk, 'kiosk-home-1080x1920')

  await kiosk.getByRole('button', { name: /^取号/ }).click()
  await kiosk.getByRole('button', { name: /不动产登记/ }).click()
  await kiosk.locator('.ticket-no').waitFor()
  expect(await kiosk.locator('.ticket-no').textContent()).toMatch(/^C\d{3}$/)
  await poll(() => kiosk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
  expect(await axeViolations(kiosk)).toEqual([])
  await screenshot(kiosk, 'kiosk-ticket-1080x1920')
  // The next visitor at the same kiosk gets a number of their own in the same category.
  await kiosk.getByRole('button', { name: '返回首页' }).click()
  await kiosk.getByRole('button', { name: /^取号/ }).click()
  await kiosk.getByRole('button', { name: /不动产登记/ }).click()
  await kiosk.getByText(/您前面还有 1 人在等候/).waitFor()

  await kiosk.getByRole('button', { name: '返回首页' }).click()
  await kiosk.getByRole('button', { name: /查办事指南/ }).click()
  await kiosk.getByLabel('事项名称').fill('低保')
  await kiosk.getByRole('button', { name: '查找' }).click()
  await kiosk.getByRole('button', { name: /最低生活保障/ }).first().click()
  await kiosk.getByRole('heading', { name: /需要带的材料/ }).waitFor()
  expect(await kiosk.locator('.materials li').count()).toBeGreaterThan(0)

  await kiosk.getByRole('button', { name: '返回首页' }).click()
  await kiosk.getByRole('button', { name: /查询办件/ }).click()
  await kiosk.getByLabel('办件编号').fill('MZ-0001')
  await kiosk.getByRole('button', { name: '查询' }).click()
  await kiosk.getByRole('alert').waitFor()
  expect(await axeViolations(kiosk)).toEqual([])

  // A minute without a touch: back to the start, the case number gone.
  await kiosk.clock.fastForward(61_000)
  await kiosk.getByRole('navigation', { name: '自助服务' }).waitFor()
  expect(await kiosk.getByRole('alert').count()).toBe(0)
})

it('lets the hall_admin add a business and say which window serves it; a fault is said at its field and nothing is saved', async () => {
  const { url } = e2e.product
  const { page } = await staffPage(e2e.browser, url, 'hall_admin')
  await page.getByRole('link', { name: '排队设置' }).click()
  await page.waitForURL(/\/staff\/hall$/)
  await page.getByRole('heading', { name: '业务类别' }).waitFor()
  expect(await axeViolations(page)).toEqual([])
  // Appointments as the hall takes them (the defaults until set).
  expect([await page.getByLabel('每个时段几分钟').inputValue(), await page.getByLabel('每个窗口每个时段可约几人').inputValue(), await page.getByLabel('可提前几个办公日预约').inputValue()]).toEqual(['30', '2', '7'])
  await page.getByRole('button', { name: '添加业务' }).click()
  const added = page.locator('fieldset.category').last()
  expect(await added.getByLabel('字母').inputValue()).toBe('E')
  await added.getByLabel('名称').fill('出入境')
  await page.getByRole('button', { name: '保存', exact: true }).click()
  const summary = page.getByRole('alert').filter({ hasText: '没有保存' })
  await summary.waitFor()
  expect(await summary.textContent()).toContain('没有窗口办理“出入境”，取了号也叫不到')
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'queue-setup-error-1024')
  // Window 9 takes it as well; saved, the take page offers it.
  await page.getByRole('group', { name: '9号窗口办理的业务' }).getByLabel(/E 出入境/).check()
  await page.getByRole('button', { name: '保存', exact: true }).click()
  await page.getByRole('status').filter({ hasText: '已保存' }).waitFor()
  const visitor = await (await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })).newPage()
  await poll(async () => {
    await visitor.goto(`${url}/h/${HALL}`)
    return visitor.getByRole('button', { name: /出入境/ }).count()
  }).toBe(1)
})
