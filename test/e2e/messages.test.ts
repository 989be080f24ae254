/**
 * The 消息中心 in Chromium at 375×812: the window accepts a resident's
 * application and asks another for 补正; she sees the 消息 tab's unread
 * badge on the home page, the two messages newest first in 消息中心 with
 * the case number and what to do next, opens one (it is read, the badge goes
 * down, its case opens); a message made while the page is open raises the
 * badge by itself; the BFF's record agrees. axe finds nothing;
 * screenshots go to test/artifacts/.
 */
import { expect, it } from 'vitest'
import type { CaseDetail, StaffMessage, SubmitCaseBody } from '@tongban/core'
import { join } from 'node:path'
import { ARTIFACTS, axeViolations, citizenContext, moveClock, productToday, residentIdFor, screenshot, staffPage, useProduct } from './support'

const e2e = useProduct()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 })

const lowIncome = (phone: string, address: string): SubmitCaseBody => ({
  itemCode: 'MZ-0001', formVersion: 1, answers: {}, delivery: 'pickup', personalDataConsent: true,
  values: {
    applicantName: '吴秀兰', idNumber: residentIdFor(phone), phone, region: { province: '330000', city: '330100', district: '330106' },
    address, members: [{ name: '吴秀兰', relation: 'self', idNumber: residentIdFor(phone), monthlyIncome: 450 }],
    savings: 800, reason: '年过七旬独自生活，没有固定收入。', checkAuth: true, pledge: true,
  },
})

it('tells the resident in 消息中心 with a badge on the tab bar; opening a message reads it and opens its case', async () => {
  const { url } = e2e.product
  const phone = '13866660101'
  const citizen = await citizenContext(e2e.browser, url, phone)
  const submit = async (key: string, address: string) => {
    const res = await citizen.request.post(`${url}/api/cases`, { data: lowIncome(phone, address), headers: { 'idempotency-key': key } })
    expect(res.status()).toBe(201)
    return (await res.json() as CaseDetail).caseNo
  }
  const first = await submit('messages-e2e-00000000001', '杏花村3组8号')
  const second = await submit('messages-e2e-00000000002', '杏花村3组9号')
  const third = await submit('messages-e2e-00000000003', '杏花村3组10号')

  // The window: pre-review, then accept the first and ask for 补正 on the second.
  const clerk = await e2e.browser.newContext()
  expect((await clerk.request.post(`${url}/api/staff/login`, { data: { username: 'clerk', password: 'Tongban@2026' } })).status()).toBe(200)
  const act = async (caseNo: string, body: Record<string, unknown>) => {
    const seen = await (await clerk.request.get(`${url}/api/staff/cases/${caseNo}`)).json() as { version: number }
    const res = await clerk.request.post(`${url}/api/staff/cases/${caseNo}/events`, { data: { ...body, version: seen.version } })
    expect(res.status(), JSON.stringify(await res.json())).toBe(200)
  }
  await act(first, { type: 'start_pre_review' })
  await act(first, { type: 'accept' })
  await act(second, { type: 'start_pre_review' })
  await act(second, { type: 'request_supplement', items: [{ path: 'savings', reason: '请补充近6个月的银行流水' }] })

  // She signed in on this phone before (我的 read her account), then comes back to the home page.
  const page = await citizen.newPage()
  await page.goto(`${url}/me`)
  await page.getByRole('heading', { name: '实名信息' }).waitFor()
  await page.goto(url)
  const tabs = page.getByRole('navigation', { name: '主导航' })
  const messagesTab = tabs.getByRole('link', { name: /^消息/ })
  await poll(() => messagesTab.textContent()).toContain('2条未读')
  expect(await messagesTab.locator('.badge').textContent()).toBe('2')

  await messagesTab.click()
  await page.waitForURL(/\/messages$/)
  const list = page.getByRole('list', { name: '我的消息' })
  await poll(() => list.getByRole('listitem').count()).toBe(2)
  const items = list.getByRole('listitem')
  // Newest first: the 补正 request came after the acceptance.
  await expect.poll(() => items.nth(0).textContent()).toContain(second)
  const supplement = (await items.nth(0).textContent())!
  expect(supplement).toContain('未读')
  expect(supplement).toContain('补正')
  expect(supplement).toContain('请补充近6个月的银行流水')
  const accepted = (await items.nth(1).textContent())!
  expect(accepted).toContain(first)
  expect(accepted).toContain('受理')
  expect(await page.getByRole('status').filter({ hasText: '2 条未读' }).count()).toBe(1)
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'messages-centre-375x812')

  // Opening the acceptance reads it and opens its case.
  await items.nth(1).getByRole('button').click()
  await page.waitForURL(new RegExp(`/cases/${first}$`))
  await page.goBack()
  await page.waitForURL(/\/messages$/)
  await poll(() => page.getByRole('status').filter({ hasText: '1 条未读' }).count()).toBe(1)
  expect(await list.getByRole('listitem').nth(1).textContent()).not.toContain('未读')
  await poll(() => messagesTab.locator('.badge').textContent()).toBe('1')

  // With the page left open, the window accepts her third case: the badge goes up by itself (the live stream).
  await act(third, { type: 'start_pre_review' })
  await act(third, { type: 'accept' })
  await poll(() => messagesTab.locator('.badge').textContent()).toBe('2')
  // …and the open 消息中心 takes the new message in on top, the ones it showed kept below.
  await poll(() => list.getByRole('listitem').count()).toBe(3)
  expect(await items.nth(0).textContent()).toContain(third)

  // The page read the BFF's own record (by SMS they may be held till 8:00: the product's night rule, not checked here).
  const api = await (await citizen.request.get(`${url}/api/me/messages`)).json() as { messages: { caseNo: string; kind: string }[]; unread: number }
  expect(api.unread).toBe(2)
  expect(api.messages.map((m) => [m.caseNo, m.kind])).toEqual([[third, 'accepted'], [second, 'supplement_requested'], [first, 'accepted']])

  // The next morning at 10:00 the SMS held for the night go; the carrier's reports come back (the fake's, pushed to
  // the BFF) and the workbench shows each message 已发出 then 已送达.
  const tomorrow = new Date(Date.parse(`${await productToday(url)}T12:00:00+08:00`) + 86_400_000).toISOString().slice(0, 10)
  await moveClock(url, `${tomorrow}T10:00:00+08:00`)
  try {
    const receipts = async () => ((await (await clerk.request.get(`${url}/api/staff/cases/${first}/messages`)).json()) as StaffMessage[])
      // A 待发送 first when the night held it (the test may run at any hour).
      .flatMap((m) => m.receipts.filter((r) => r.channel === 'sms' && r.status !== 'queued').map((r) => r.status))
    await poll(receipts).toEqual(['sent', 'delivered'])
    const desk = await staffPage(e2e.browser, url, 'clerk')
    await desk.page.goto(`${url}/staff/cases/${first}`)
    const panel = desk.page.getByRole('region', { name: '发给申请人的消息' })
    await poll(() => panel.textContent()).toContain('短信：已送达')
    expect(await axeViolations(desk.page)).toEqual([])
    await panel.screenshot({ path: join(ARTIFACTS, 'staff-case-messages-delivered.png') })
    await desk.context.close()
  } finally {
    await moveClock(url, null)
  }

  await clerk.close()
  await citizen.close()
})
