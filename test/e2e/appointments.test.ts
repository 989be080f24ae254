/**
 * 预约 in Chromium at 375×812: a signed-in citizen opens the guide of an
 * item taking appointments (GA-0002), follows 预约到…办理 to the city hall's
 * booking page on 公安户政, books tomorrow 10:00–10:30 (the room left drops);
 * the next morning (the product's clock moved) a walk-in takes D001 first,
 * then the citizen opens the hall's QR page, checks in under 我的预约 and
 * gets D002 — first in line — and the window calls D002 before D001. axe
 * finds nothing; screenshots go to test/artifacts/.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { StaffTicket } from '@tongban/core'
import { axeViolations, citizenContext, moveClock, screenshot, staffPage, useProduct } from './support'

const e2e = useProduct()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 25_000 })
const HALL = 'sls-zwfwzx'

// A Monday at 10:00 in Beijing (the product's own clock, whatever day the test runs).
beforeAll(async () => moveClock(e2e.product.url, '2026-12-14T10:00:00+08:00'))
afterAll(async () => moveClock(e2e.product.url, null))

it('books a slot from a guide, then checks in at the hall on the day and is called before an earlier walk-in', async () => {
  const { url } = e2e.product
  const context = await citizenContext(e2e.browser, url, '13966680001', false)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))

  await page.goto(`${url}/items/GA-0002`)
  await page.getByRole('heading', { name: '预约到大厅办理' }).waitFor()
  await page.getByRole('link', { name: '预约到示例市政务服务中心办理' }).click()
  await page.waitForURL(`${url}/h/${HALL}/appointments?item=GA-0002`)
  await page.getByRole('heading', { name: '选择时段' }).waitFor()
  // The item's business is chosen; tomorrow's slots all have room.
  expect(await page.getByRole('button', { name: '公安户政' }).getAttribute('aria-pressed')).toBe('true')
  await page.getByRole('button', { name: /明天 12月15日 周二/ }).click()
  const slot = page.locator('.slot', { hasText: '10:00-10:30' })
  await poll(() => slot.textContent()).toContain('剩余 6 个')
  await slot.click()
  await page.getByRole('heading', { name: '预约成功' }).waitFor()
  expect(await page.getByRole('status').filter({ hasText: '预约成功' }).textContent()).toContain('公安户政 · 明天 12月15日 周二 10:00-10:30')
  await poll(() => slot.textContent()).toContain('剩余 5 个')
  expect(await page.getByRole('region', { name: '我在这个大厅的预约' }).textContent()).toContain('请在9:45-10:40到大厅扫码签到取号')
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'appointments-booked-375x812')

  // The next morning, 9:50: a walk-in takes a number in 公安户政 first.
  await moveClock(url, '2026-12-15T09:50:00+08:00')
  const walkIn = await (await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })).newPage()
  await walkIn.goto(`${url}/h/${HALL}`)
  await walkIn.getByRole('button', { name: /公安户政/ }).click()
  await walkIn.waitForURL(/\/tickets\//)
  await poll(() => walkIn.locator('#ticket-no').textContent()).toBe('D001')

  // The citizen scans the hall's QR code: 我的预约 with 签到取号.
  await page.goto(`${url}/h/${HALL}`)
  const mine = page.getByRole('region', { name: '我的预约' })
  await mine.waitFor()
  expect(await mine.textContent()).toContain('请现在签到取号（10:40 前），签到后优先叫号')
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'appointments-check-in-375x812')
  await mine.getByRole('button', { name: '签到取号' }).click()
  await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/)
  await poll(() => page.locator('#ticket-no').textContent()).toBe('D002')
  await poll(() => page.locator('.status').textContent()).toBe('下一位就是您，请到窗口附近等候')
  await poll(() => walkIn.locator('.status').textContent()).toBe('前面还有 1 人，快到您了，请到窗口附近等候')
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'appointments-ticket-375x812')

  // Back on the hall page: checked in, with the way to the ticket.
  await page.goto(`${url}/h/${HALL}`)
  await poll(() => page.getByRole('region', { name: '我的预约' }).textContent()).toContain('已签到，您的号是 D002')

  // Window 7 (公安户政) calls: the appointment first.
  const { page: desk } = await staffPage(e2e.browser, url, 'clerk')
  const called = await desk.request.post(`${url}/api/staff/queue/windows/7/call`)
  expect(called.status()).toBe(200)
  expect((await called.json() as StaffTicket).number).toBe('D002')
  await page.goto(await page.getByRole('link', { name: '查看我的号' }).getAttribute('href').then((h) => `${url}${h}`))
  await poll(() => page.locator('.status').textContent()).toBe('请到 7 号窗口办理')
  expect(errors).toEqual([])
})
