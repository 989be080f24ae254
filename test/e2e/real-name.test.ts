/**
 * Who is applying (issue 17 §1), in Chromium at 375×812 against the server
 * `npm start` runs: a new phone answers the 住房公积金提取 guide, taps 在线申请,
 * signs in, and gets the profile's 实名 form in place of the application form;
 * a typo in the ID number is caught on the phone; once saved, the form is back
 * with the answers given, its applicant fields filled from the real name and
 * read-only; the application goes in, in that name. The wallet then holds the
 * citizen's own ID card, nobody else's. axe finds nothing; screenshots in
 * test/artifacts/.
 */
import { expect, it } from 'vitest'
import type { CaseDetail, Licence } from '@tongban/core'
import { axeViolations, residentIdFor, screenshot, useProduct } from './support'

const e2e = useProduct()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 })

async function inboxCode(phone: string): Promise<string> {
  const list = await (await fetch(`${e2e.product.url}/dev/inbox.json`)).json() as { phone: string; text: string }[]
  return /验证码为(\d{6})/.exec(list.find((m) => m.phone === phone && /验证码为\d{6}/.test(m.text))!.text)![1]!
}

it('a new phone applies: 实名 in place, back to the form as it was, the applicant read-only, submitted in that name', async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const phone = '13877770375'
  const idNumber = residentIdFor(phone)

  // The guide: the situation, then 在线申请 — signed out, so 登录 first, and straight back.
  await page.goto(`${e2e.product.url}/items/GJ-0001`)
  await page.getByRole('radio', { name: '偿还住房贷款' }).check()
  await page.getByRole('radio', { name: /本中心发放的住房公积金贷款/ }).check()
  await page.getByRole('link', { name: '在线申请' }).click()
  await page.waitForURL(/\/login\?redirect=/)
  await page.getByLabel('我已阅读并同意《用户服务协议》《隐私政策》').check()
  await page.getByLabel('手机号码').fill(phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  await poll(() => page.getByText('验证码已发送').count()).toBe(1)
  await page.getByLabel('短信验证码').fill(await inboxCode(phone))
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL(/\/items\/GJ-0001\/apply$/)

  // No real name yet: the profile's form, in place of the application form.
  await poll(() => page.getByRole('heading', { name: '办事前需要先实名' }).count()).toBe(1)
  expect(await page.locator('#f-applicantName').count()).toBe(0)
  expect(await page.getByRole('button', { name: '下一步：核对' }).count()).toBe(0)
  expect(await page.getByText('保存后回到申请表，已填写的内容都还在').count()).toBe(1)
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'apply-real-name-in-place')

  // The core's check on the phone: a typo in the ID number, said at the field; nothing saved.
  await page.getByLabel('姓名').fill('孙秀英')
  await page.getByLabel('居民身份证号码').fill(`${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`)
  await page.getByRole('button', { name: '保存实名信息' }).click()
  await poll(() => page.locator('#id-number-error').textContent()).toBe('身份证号码校验位不对，可能有一位输错了，请核对')
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'apply-real-name-typo')
  await page.getByLabel('居民身份证号码').fill(idNumber)
  await page.getByRole('button', { name: '保存实名信息' }).click()

  // Back to the form as it was: the answers given on the guide, the applicant filled and read-only.
  await poll(() => page.locator('#f-applicantName').inputValue()).toBe('孙秀英')
  expect(await page.getByRole('heading', { name: '办事前需要先实名' }).count()).toBe(0)
  expect(await page.getByText('按您选择的情形填写').count()).toBe(1)
  expect(await page.locator('#f-loanBank').count()).toBe(0)
  expect(await page.locator('#f-applicantName').getAttribute('readonly')).not.toBeNull()
  expect(await page.locator('#f-idNumber').inputValue()).toBe(idNumber)
  expect(await page.locator('#f-idNumber').getAttribute('readonly')).not.toBeNull()
  expect(await page.getByText('来自实名信息，不能修改').count()).toBe(2)
  expect(await page.locator('#f-phone').inputValue()).toBe(phone)
  // Read-only is read-only: typing changes nothing.
  await page.locator('#f-applicantName').press('End')
  await page.keyboard.type('某')
  expect(await page.locator('#f-applicantName').inputValue()).toBe('孙秀英')
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'apply-after-real-name')

  await page.locator('#f-bank').selectOption('icbc')
  await page.locator('#f-bankCard').fill('6222020200112233445')
  await page.locator('#f-amount').fill('12000')
  await page.getByRole('checkbox', { name: /本人承诺/ }).check()
  await page.getByRole('button', { name: '下一步：核对' }).click()
  await poll(() => page.getByRole('heading', { name: '请核对申请内容' }).count()).toBe(1)
  expect(await page.locator('dl.rows').last().textContent()).toContain('孙秀英')
  await page.getByRole('checkbox', { name: '我已阅读并同意' }).check()
  await page.getByRole('button', { name: /确认提交/ }).click()
  await page.waitForURL(/\/cases\//, { timeout: 30_000 })
  const caseNo = (await page.getByTestId('case-no').textContent())!.trim()
  expect(caseNo).toMatch(/^GJ-0001-\d{8}-\d{4}$/)
  await screenshot(page, 'apply-real-name-receipt')
  const detail = await (await context.request.get(`${e2e.product.url}/api/cases/${caseNo}`)).json() as CaseDetail
  expect(detail.values).toMatchObject({ applicantName: '孙秀英', idNumber })

  // 我的证照: the citizen's own ID card, nobody else's.
  const wallet = await (await context.request.get(`${e2e.product.url}/api/me/licences`)).json() as Licence[]
  expect(wallet.find((l) => l.type === '居民身份证')).toMatchObject({ holder: '孙秀英', holderSelf: true })
  expect(JSON.stringify(wallet)).not.toContain('林晓')
  await page.goto(`${e2e.product.url}/me/licences`)
  await poll(() => page.getByText('孙秀英').count()).toBeGreaterThan(0)
  await screenshot(page, 'licences-own-name')
  expect(errors).toEqual([])
  await context.close()
})

it('says an empty wallet waits for the real name, instead of showing a stranger’s ID card', async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const phone = '13877770376'
  await context.request.post(`${e2e.product.url}/api/auth/sms/send`, { data: { phone } })
  await context.request.post(`${e2e.product.url}/api/auth/sms/verify`, { data: { phone, code: await inboxCode(phone) } })
  const page = await context.newPage()
  await page.goto(`${e2e.product.url}/me/licences`)
  await poll(() => page.getByText('您还没有实名，证照夹是空的').count()).toBe(1)
  expect(await page.locator('.licence').count()).toBe(0)
  expect(await page.getByRole('link', { name: '去填写实名信息' }).getAttribute('href')).toBe('/me')
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'licences-without-real-name')
  await context.close()
})
