/**
 * The lights as days pass, in Chromium, on PostgreSQL. Two applications
 * are made on earlier days — the product's clock is moved back (POST
 * /dev/clock), as if one had waited at the window a day (its 2-day
 * pre-review due tomorrow: yellow) and the other a week (overdue: red) —
 * and then runs on real time again. The resident's 我的办件 and case page
 * and the clerk's queue show the same lights in words (never colour alone),
 * the overdue one first on the clerk's desk. axe on the citizen pages;
 * screenshots go to test/artifacts/.
 */
import { afterAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { addWorkingDays, lightFor, shanghaiDate, workingDaysLeft, type CaseDetail } from '@tongban/core'
import { minimumLivingApplication, postgresAvailable } from '../../server/src/testing'
import { axeViolations, citizenContext, moveClock, productToday, screenshot, staffPage, useProduct } from './support'

const pgUrl = await postgresAvailable()
const schema = `e2e_lights_${Date.now().toString(36)}`
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 })

/** The latest day on or before today on which a case submitted then is `light` now (pre-review: 2 working days). */
function submittedDayFor(light: 'yellow' | 'red', today: string): string {
  for (let back = 1; back < 60; back++) {
    const day = shanghaiDate(Date.parse(`${today}T04:00:00Z`) - back * 86_400_000)
    if (lightFor(addWorkingDays(day, 2), today) === light) return day
  }
  throw new Error(`no submission day gives ${light} on ${today}`)
}

describe.runIf(pgUrl)('lights as the days pass', () => {
  // Registered before the product's hooks: the schema is dropped after the server has stopped.
  afterAll(async () => {
    const sql = new pg.Client({ connectionString: pgUrl! })
    await sql.connect()
    await sql.query(`drop schema if exists ${schema} cascade`)
    await sql.end()
  })
  const e2e = useProduct({ DATABASE_URL: pgUrl ?? '', DATABASE_SCHEMA: schema })

  it('yellow the day before the pre-review is due, red after it, the same for the resident and the clerk', async () => {
    const today = await productToday(e2e.product.url)
    const phone = '13866662001'
    const citizen = await citizenContext(e2e.browser, e2e.product.url, phone)
    /** Applies at 10:00 on `day` (Shanghai) by the product's clock. */
    const applyOn = async (day: string, address: string, key: string) => {
      await moveClock(e2e.product.url, `${day}T10:00:00+08:00`)
      const res = await citizen.request.post(`${e2e.product.url}/api/cases`, { data: minimumLivingApplication(phone, { name: '吴秀兰', address }), headers: { 'idempotency-key': key } })
      expect(res.status()).toBe(201)
      const { caseNo, submittedAt } = await res.json() as CaseDetail
      expect(shanghaiDate(Date.parse(submittedAt))).toBe(day)
      return caseNo
    }
    const soonDay = submittedDayFor('yellow', today)
    const lateDay = submittedDayFor('red', today)
    const late = await applyOn(lateDay, '杏花村8组2号', 'lights-e2e-00000000002')
    const soon = await applyOn(soonDay, '杏花村8组1号', 'lights-e2e-00000000001')
    await moveClock(e2e.product.url, null)
    expect(await productToday(e2e.product.url)).toBe(today)
    const lateDue = addWorkingDays(lateDay, 2)
    const overdue = -workingDaysLeft(lateDue, today)
    const [m, d] = lateDue.slice(5).split('-').map(Number)

    const page = await citizen.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${e2e.product.url}/me/cases`)
    const row = (caseNo: string) => page.getByRole('listitem').filter({ hasText: caseNo })
    await poll(() => row(late).innerText()).toContain(`已超期${overdue}个工作日 · 期限为${m}月${d}日`)
    expect(await row(soon).innerText()).toMatch(/即将到期 · \d+月\d+日前 · 还剩[01]个工作日/)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'lights-cases')
    await page.goto(`${e2e.product.url}/cases/${soon}`)
    await poll(() => page.getByText(/本环节：即将到期/).count()).toBe(1)
    expect(await page.getByText('已超过承诺的办理时限').count()).toBe(0)

    await page.goto(`${e2e.product.url}/cases/${late}`)
    await poll(() => page.getByText(`本环节：已超期${overdue}个工作日 · 期限为${m}月${d}日`).count()).toBe(1)
    // What to do about it: the item's phones, each a tap to call.
    const { phones } = await (await citizen.request.get(`${e2e.product.url}/api/cases/${late}`)).json() as CaseDetail
    expect(await page.getByText('已超过承诺的办理时限').count()).toBe(1)
    expect(await page.getByRole('link', { name: phones!.consult }).getAttribute('href')).toBe(`tel:${phones!.consult}`)
    expect(await page.getByRole('link', { name: phones!.complaint }).getAttribute('href')).toBe(`tel:${phones!.complaint}`)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'lights-case-red')
    expect(errors).toEqual([])

    // The clerk's desk: the overdue one first, then the one due tomorrow, with the same words.
    const clerk = await staffPage(e2e.browser, e2e.product.url, 'clerk')
    const queue = clerk.page.getByRole('list', { name: '待办办件' })
    await poll(() => queue.getByRole('listitem').count()).toBeGreaterThanOrEqual(2)
    const rows = await queue.getByRole('listitem').allInnerTexts()
    expect(rows.findIndex((t) => t.includes(late))).toBe(0)
    expect(rows.findIndex((t) => t.includes(soon))).toBe(1)
    expect(rows[0]).toContain(`已超期${overdue}个工作日`)
    expect(rows[1]).toContain('即将到期')
    await screenshot(clerk.page, 'lights-staff-queue')
    await Promise.all([clerk.context.close(), citizen.close()])
  })
})
