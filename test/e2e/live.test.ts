/**
 * Live updates in Chromium, two contexts: the resident keeps her case page
 * open on the phone (375×812) and the clerk works at the hall (1024×900).
 * The clerk's 待办办件 shows a new application as it is submitted, and the
 * resident's page shows the acceptance as the clerk gives it — without a
 * reload, and with the page's clock stopped, so no polling timer can be what
 * brought it: only the event stream. Screenshots go to test/artifacts/.
 */
import { expect, it, onTestFailed } from 'vitest'
import type { CaseDetail, SubmitCaseBody } from '@tongban/core'
import { axeViolations, citizenContext, residentIdFor, screenshot, staffPage, useProduct } from './support'
import { browserClockAt } from './product'

const e2e = useProduct()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 })

const lowIncome = (phone: string): SubmitCaseBody => ({
  itemCode: 'MZ-0001', formVersion: 1, answers: {}, delivery: 'pickup', personalDataConsent: true,
  values: {
    applicantName: '吴秀兰', idNumber: residentIdFor(phone), phone, region: { province: '330000', city: '330100', district: '330106' },
    address: '杏花村3组8号', members: [{ name: '吴秀兰', relation: 'self', idNumber: residentIdFor(phone), monthlyIncome: 450 }],
    savings: 800, reason: '年过七旬独自生活，没有固定收入。', checkAuth: true, pledge: true,
  },
})

it('the case page changes by itself when the clerk accepts, and the workbench list when a case arrives', async () => {
  onTestFailed(async () => {
    for (const [i, page] of e2e.browser.contexts().flatMap((x) => x.pages()).entries()) await screenshot(page, `live-failed-${i}`).catch(() => undefined)
  })
  const { url } = e2e.product
  const clerk = await staffPage(e2e.browser, url, 'clerk')
  const queue = clerk.page.getByRole('list', { name: '待办办件' })
  await poll(() => clerk.page.getByRole('heading', { name: '待办办件' }).count()).toBe(1)

  const phone = '13866667788'
  const citizen = await citizenContext(e2e.browser, url, phone)
  // Her page's timers stop once it has loaded (below): under faketime the context's clock is installed already.
  if (browserClockAt() === null) await citizen.clock.install()
  const created = await citizen.request.post(`${url}/api/cases`, { data: lowIncome(phone), headers: { 'idempotency-key': 'live-e2e-000000000001' } })
  expect(created.status()).toBe(201)
  const caseNo = (await created.json() as CaseDetail).caseNo

  // The workbench was open before the case existed: its list shows it without a reload.
  await poll(() => queue.getByRole('listitem').filter({ hasText: caseNo }).count()).toBe(1)

  const c = await citizen.newPage()
  const errors: string[] = []
  c.on('pageerror', (e) => errors.push(e.message))
  const stream = c.waitForResponse((r) => r.url().endsWith('/api/me/events'))
  await c.goto(`${url}/cases/${caseNo}`)
  await poll(() => c.getByText('申请人提交了申请').count()).toBe(1)
  const opened = await stream
  expect(opened.status()).toBe(200)
  expect(await opened.headerValue('content-type')).toBe('text/event-stream; charset=utf-8')
  // From here no timer of her page runs: neither the 30-second poll nor anything else.
  await c.clock.pauseAt(await c.evaluate(() => Date.now() + 1000))

  await queue.getByRole('listitem').filter({ hasText: caseNo }).getByRole('link').click()
  await clerk.page.waitForURL(/\/staff\/cases\//)
  await clerk.page.getByRole('button', { name: '开始预审' }).click()
  await poll(() => clerk.page.getByText('已开始预审。').count()).toBe(1)
  await clerk.page.getByRole('button', { name: '受理', exact: true }).click()
  await poll(() => clerk.page.getByText('已受理，办理部门开始计时。').count()).toBe(1)

  await poll(() => c.getByRole('status').filter({ hasText: '办件有新进展：受理，交示例市民政局办理' }).count()).toBe(1)
  expect(await c.getByText('窗口受理，交示例市民政局办理').count()).toBe(1)
  await screenshot(c, 'live-case-accepted-375x812')
  await screenshot(clerk.page, 'live-clerk-accepted')
  // axe waits on timers of its own.
  await c.clock.resume()
  expect(await axeViolations(c)).toEqual([])
  expect(errors).toEqual([])
  await citizen.close()
  await clerk.context.close()
})
