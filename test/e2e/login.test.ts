/**
 * Sign in as a citizen would on the embedded default: phone → code from the
 * dev inbox → signed in on "我的"; elderly mode on; axe finds nothing on the
 * login page (with its error summary showing) and on "我的".
 */
import { expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ARTIFACTS, axeViolations, useProduct } from './support'

const e2e = useProduct()

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 })
const axe = axeViolations

async function inboxCode(phone: string): Promise<string> {
  const list = await (await fetch(`${e2e.product.url}/dev/inbox.json`)).json() as { phone: string; text: string }[]
  return /验证码为(\d{6})/.exec(list.find((m) => m.phone === phone)!.text)![1]!
}

it('signs in with phone and SMS code in elderly mode, and signs out', async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })
  await context.addInitScript(() => localStorage.setItem('tb.settings', '{"elderly":true}'))
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))

  await page.goto(e2e.product.url)
  await page.getByRole('link', { name: '我的', exact: true }).click()
  await page.waitForURL(/\/login\?redirect=/)
  await poll(() => page.getByText('/dev/inbox').count()).toBe(1)

  // Nothing is sent before the agreements are ticked; the box says why.
  await page.getByLabel('手机号码').fill('1380013800')
  await page.getByRole('button', { name: '获取验证码' }).click()
  await poll(() => page.locator('#agree-error').textContent()).toBe('请先阅读并勾选同意《用户服务协议》和《隐私政策》')
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: join(ARTIFACTS, 'login-agreements-elderly.png') })
  await page.getByLabel('我已阅读并同意《用户服务协议》《隐私政策》').check()

  // A wrong phone: error summary and the field's own message, in Chinese.
  await page.getByRole('button', { name: '获取验证码' }).click()
  await poll(() => page.getByRole('alert').filter({ hasText: '请检查以下内容' }).count()).toBe(1)
  expect(await page.locator('#phone-error').textContent()).toBe('请输入11位中国大陆手机号码')
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: join(ARTIFACTS, 'login-error-elderly.png') })

  const phone = '13912345678'
  await page.getByLabel('手机号码').fill(phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  await poll(() => page.getByText('验证码已发送').count()).toBe(1)
  await poll(() => page.getByRole('button', { name: /秒后重新获取/ }).count()).toBe(1)
  // A wrong code: at the field, marked, with the tries it leaves; the green 已发送 goes.
  const right = await inboxCode(phone)
  await page.getByLabel('短信验证码').fill(right === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await poll(() => page.locator('#code-error').textContent()).toBe('验证码不正确，还可以再试4次')
  expect(await page.getByLabel('短信验证码').getAttribute('aria-invalid')).toBe('true')
  expect(await page.getByText('验证码已发送').count()).toBe(0)
  await page.screenshot({ path: join(ARTIFACTS, 'login-wrong-code-elderly.png') })
  await page.getByLabel('短信验证码').fill(right)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL(/\/me$/)
  await poll(() => page.getByText('139****5678').count()).toBe(1)
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: join(ARTIFACTS, 'me-elderly.png') })

  // What the citizen agreed to, to read again from 我的.
  await page.getByRole('link', { name: '《隐私政策》' }).click()
  await page.waitForURL(/\/agreements\/privacy$/)
  await poll(() => page.getByRole('heading', { name: '隐私政策', level: 1 }).count()).toBe(1)
  expect(await page.getByText('谁查看了我的信息').count()).toBeGreaterThan(0)
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: join(ARTIFACTS, 'privacy-policy-elderly.png'), fullPage: true })
  await page.goBack()
  await page.waitForURL(/\/me$/)

  // Real name: a typo in the ID number is caught on the phone, with the core's message.
  await page.getByLabel('姓名').fill('张三')
  await page.getByLabel('居民身份证号码').fill('110105194912310021')
  await page.getByRole('button', { name: '保存实名信息' }).click()
  await poll(() => page.locator('#id-number-error').textContent()).toBe('身份证号码校验位不对，可能有一位输错了，请核对')
  expect(await axe(page)).toEqual([])
  await page.getByLabel('居民身份证号码').fill('11010519491231002X')
  await page.getByRole('button', { name: '保存实名信息' }).click()
  await poll(() => page.getByText('1101**********002X').count()).toBe(1)
  await page.getByRole('button', { name: '显示完整号码' }).click()
  await poll(() => page.getByText('11010519491231002X').count()).toBe(1)
  await page.screenshot({ path: join(ARTIFACTS, 'me-real-name-elderly.png') })

  await page.getByLabel('单位名称').fill('示例市晨光餐饮有限公司')
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44')
  await page.getByRole('button', { name: '保存企业信息' }).click()
  await poll(() => page.locator('#credit-code-error').textContent()).toBe('统一社会信用代码校验位不对，可能有一位输错了，请核对')
  await page.getByLabel('统一社会信用代码').fill('91350100m000100y43')
  await page.getByRole('button', { name: '保存企业信息' }).click()
  await poll(() => page.getByText('91350100M000100Y43').count()).toBe(1)
  expect(await axe(page)).toEqual([])

  // The session survives a reload (HttpOnly cookie), then ends on sign-out.
  await page.reload()
  await poll(() => page.getByText('139****5678').count()).toBe(1)
  expect(await page.evaluate(() => document.cookie)).not.toContain('tb_session')
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL(new RegExp(`${e2e.product.url}/$`))
  await page.goto(`${e2e.product.url}/me`)
  await page.waitForURL(/\/login/)
  expect(errors).toEqual([])
  await context.close()
})

it('a clerk looks a citizen up; the citizen sees who looked and why', async () => {
  const phone = '13912340000'
  const citizen = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })
  const page = await citizen.newPage()
  await page.goto(`${e2e.product.url}/login`)
  await page.getByLabel('手机号码').fill(phone)
  await page.getByLabel('我已阅读并同意《用户服务协议》《隐私政策》').check()
  await page.getByRole('button', { name: '获取验证码' }).click()
  await poll(() => page.getByText('验证码已发送').count()).toBe(1)
  await page.getByLabel('短信验证码').fill(await inboxCode(phone))
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL(/\/me$/)

  const staff = await e2e.browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN' })
  const desk = await staff.newPage()
  await desk.goto(`${e2e.product.url}/staff`)
  await desk.waitForURL(/\/staff\/login/)
  await desk.getByLabel('用户名').fill('clerk')
  await desk.getByLabel('密码').fill('wrong')
  await desk.getByRole('button', { name: '登录', exact: true }).click()
  await poll(() => desk.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).count()).toBe(1)
  await desk.getByLabel('密码').fill('Tongban@2026')
  await desk.getByRole('button', { name: '登录', exact: true }).click()
  await desk.waitForURL(/\/staff$/)
  await desk.getByLabel('群众手机号码').fill(phone)
  await desk.getByRole('button', { name: '查询', exact: true }).click()
  await poll(() => desk.locator('#purpose-identity_check').count()).toBe(1)
  await poll(() => desk.getByText('请选择查询事由').count()).toBeGreaterThan(0)
  await desk.getByLabel('窗口核验身份').check()
  await desk.getByRole('button', { name: '查询', exact: true }).click()
  await poll(() => desk.getByText('139****0000').count()).toBe(1)
  expect(await axe(desk)).toEqual([])
  await desk.screenshot({ path: join(ARTIFACTS, 'staff-lookup.png') })

  await page.getByRole('link', { name: '谁查看了我的信息' }).click()
  await poll(() => page.getByText(/王芳/).count()).toBe(1)
  expect(await page.getByText(/窗口核验身份/).count()).toBe(1)
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: join(ARTIFACTS, 'access-log.png') })
  await staff.close()
  await citizen.close()
})

it('an agent gets a resident\'s consent by the code the resident reads out', async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`${e2e.product.url}/staff/login`)
  await page.getByLabel('用户名').fill('agent')
  await page.getByLabel('密码').fill('Tongban@2026')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL(/\/staff$/)
  await poll(() => page.getByRole('heading', { name: '代办授权' }).count()).toBe(1)
  await page.getByRole('button', { name: '发送授权短信' }).click()
  await poll(() => page.getByText('请选择要代办的事项').count()).toBeGreaterThan(0)

  const phone = '13912349999'
  await page.getByLabel('群众本人手机号码').fill(phone)
  await poll(() => page.locator('#consent-item option').count()).toBeGreaterThan(40)
  await page.getByLabel('代办事项').selectOption({ label: '最低生活保障申请' })
  await page.getByRole('button', { name: '发送授权短信' }).click()
  await poll(() => page.getByText(/已向 139\*\*\*\*9999 发送授权短信/).count()).toBe(1)
  const list = await (await fetch(`${e2e.product.url}/dev/inbox.json`)).json() as { phone: string; text: string }[]
  const sms = list.find((m) => m.phone === phone)!.text
  expect(sms).toContain('刘梅')
  expect(sms).toContain('最低生活保障申请')
  await page.getByLabel('群众告知的验证码').fill(/验证码(\d{6})/.exec(sms)![1]!)
  await page.getByRole('button', { name: '确认授权' }).click()
  await poll(() => page.getByText(/已取得 139\*\*\*\*9999 的授权/).count()).toBe(1)
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: join(ARTIFACTS, 'agent-consent.png') })
  await context.close()
})
