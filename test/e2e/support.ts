/**
 * E2E support: the product (product.ts), Debian's Chromium, sign-in and
 * form helpers, axe and screenshots.
 */
import { afterAll, beforeAll } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core'
import { shanghaiDate, type RealName } from '@tongban/core'
import { realNameFor, residentIdFor } from '../../server/src/testing-people'

export { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, freePort, ROOT, startProduct, type Product } from './product'
export { realNameFor, residentIdFor }
import { ARTIFACTS, browserClockAt, browserEnv, CHROMIUM, CHROMIUM_ARGS, ROOT, startProduct, type Product } from './product'

/**
 * Debian's Chromium for a test file. Under faketime it runs behind a
 * Playwright browser server in a child process on the real clock
 * (browser-server.mjs: Chromium dies under libfaketime, and Playwright's
 * cookie jar must count by the browser's clock), and each context's pages run
 * Playwright's clock from the faked time, so the browser, the product and the
 * test agree on the day.
 */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true })
  if (browserClockAt() === null) return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: browserEnv() })
  const child = spawn(process.execPath, [join(ROOT, 'test/e2e/browser-server.mjs')], {
    env: { ...browserEnv(), TB_CHROMIUM: CHROMIUM, TB_CHROMIUM_ARGS: JSON.stringify(CHROMIUM_ARGS) }, stdio: ['pipe', 'pipe', 'inherit'],
  })
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) resolve(out.split('\n')[0]!)
    })
    child.once('exit', (code) => reject(new Error(`browser server exited with ${code}`)))
  })
  const browser = await chromium.connect(endpoint)
  const close = browser.close.bind(browser)
  browser.close = async (...args: Parameters<Browser['close']>) => {
    await close(...args)
    const exited = new Promise((r) => child.once('exit', r))
    child.stdin!.end()
    await exited
  }
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args)
    await context.clock.install({ time: browserClockAt()! })
    return context
  }
  return browser
}

/**
 * Fills the 食品经营许可 form as a seller would (no materials but the 营业执照, no pledge): used by the citizen's and
 * the agent's journeys. The company typed first (a wrong credit code said at once), then the applicant's own shop
 * chosen from the wallet's 营业执照, which fills 经营者名称 and 统一社会信用代码 read-only and takes that licence; the
 * 负责人 is the applicant's real name, read-only. `poll` waits on a value.
 */
export async function fillFoodLicence(page: Page, poll: (fn: () => Promise<string | null>) => { toMatch(re: RegExp): Promise<void> }): Promise<void> {
  await page.getByRole('radio', { name: /^其他企业/ }).check()
  await page.locator('#f-operatorName').fill('示例市好味餐饮有限公司')
  await page.locator('#f-creditCode').fill('91350100M000100Y44')
  await page.locator('#f-creditCode').blur()
  await poll(() => page.locator('#f-creditCode-error').textContent()).toMatch(/校验位/)
  await page.getByRole('radio', { name: /电子营业执照/ }).check()
  await poll(() => page.locator('#f-creditCode').inputValue()).toMatch(/^92350102/)
  const readOnly = async (id: string) => (await page.locator(id).getAttribute('readonly')) !== null
  await poll(async () => String((await readOnly('#f-operatorName')) && (await readOnly('#f-creditCode')) && (await readOnly('#f-legalPerson')) && (await readOnly('#f-legalPersonId')))).toMatch(/^true$/)
  await poll(() => page.getByRole('group', { name: '营业执照' }).textContent()).toMatch(/电子证照，无需上传/)
  await page.locator('#f-premisesRegion').selectOption('330000')
  await page.getByRole('combobox', { name: '城市' }).selectOption('330100')
  await page.getByRole('combobox', { name: '区县' }).selectOption('330106')
  await page.locator('#f-premisesAddress').fill('文三路100号1楼')
  await page.locator('#f-premisesArea').fill('60')
  await page.getByRole('radio', { name: '食品销售经营者' }).check()
  await page.getByRole('checkbox', { name: '预包装食品销售' }).check()
}

/** axe's WCAG 2.1 AA + best-practice findings on the page, one line each (expect `[]`). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright')
  return (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze())
    .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** The bytes of a download (saved to test/artifacts/: a browser behind a server, as under faketime, has no local path). */
export async function downloaded(download: Download): Promise<Buffer> {
  const path = join(ARTIFACTS, `download-${Date.now().toString(36)}-${download.suggestedFilename().replace(/[^\w.-]/g, '_')}`)
  await download.saveAs(path)
  return readFileSync(path)
}

/** A whole-page PNG in test/artifacts/ to look at. */
export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** Today (YYYY-MM-DD, Shanghai) as the running product reads it: its clock may have been moved (`moveClock`). */
export async function productToday(url: string): Promise<string> {
  const res = await fetch(`${url}/dev/clock`)
  if (!res.ok) throw new Error(`GET /dev/clock answered ${res.status}`)
  const { now } = await res.json() as { now: string }
  return shanghaiDate(Date.parse(now))
}

/** Runs the product's clock from `at` (ISO with zone) on, or back on real time with null (POST /dev/clock). */
export async function moveClock(url: string, at: string | null): Promise<void> {
  const res = await fetch(`${url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) })
  if (!res.ok) throw new Error(`POST /dev/clock answered ${res.status}: ${await res.text()}`)
}

/**
 * A phone-sized context (375×812, zh-CN) signed in as this citizen through the dev SMS inbox, with a real name
 * (applying needs one; the journeys' resident 吴秀兰 with an ID number of this phone's own unless told otherwise;
 * `false`: none, as a new phone first signs in).
 */
export async function citizenContext(browser: Browser, url: string, phone: string, realName: RealName | false = realNameFor(phone, '吴秀兰')): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  await context.request.post(`${url}/api/auth/sms/send`, { data: { phone } })
  const inbox = await (await context.request.get(`${url}/dev/inbox.json`)).json() as { phone: string; text: string }[]
  const code = /验证码为(\d{6})/.exec(inbox.find((m) => m.phone === phone && /验证码为\d{6}/.test(m.text))!.text)![1]!
  await context.request.post(`${url}/api/auth/sms/verify`, { data: { phone, code } })
  if (realName) await giveRealName(context, url, realName)
  return context
}

/**
 * Gives the citizen of `phone` a real name without a text message (one a minute per phone): they open the
 * mini-program, sign in with WeChat, bind the phone (the account that phone has takes the WeChat identity) and give
 * it, as 我的 there does. For a resident an agent asked consent of a moment ago. Uses the BFF's fake WeChat API.
 */
export async function giveRealNameByWechat(url: string, phone: string, realName: RealName): Promise<void> {
  const get = async (path: string) => {
    const res = await fetch(`${url}${path}`)
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`)
    return (await res.json()) as { code: string }
  }
  const send = async (method: string, path: string, body: unknown, token?: string) => {
    const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as { token: string }
  }
  const signedIn = await send('POST', '/api/auth/wechat/login', { code: (await get(`/dev/wechat/login-code?openid=e2e-${phone}`)).code })
  const bound = await send('POST', '/api/auth/wechat/phone', { code: (await get(`/dev/wechat/phone-code?phone=${phone}`)).code }, signedIn.token)
  await send('PUT', '/api/me/profile', realName, bound.token)
}

/** Gives the context's citizen a real name (实名信息, as 我的 does); throws unless it was taken. */
export async function giveRealName(context: BrowserContext, url: string, realName: RealName): Promise<void> {
  const res = await context.request.put(`${url}/api/me/profile`, { data: realName })
  if (!res.ok()) throw new Error(`PUT /api/me/profile answered ${res.status()}: ${await res.text()}`)
}

/** A desk-sized page (1024×900) signed in on /staff as a demo staff member; page errors from the sign-in on go to `errors`. */
export async function staffPage(browser: Browser, url: string, username: string, errors?: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  const page = await context.newPage()
  if (errors) page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${url}/staff/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill('Tongban@2026')
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(/\/staff$/)
  return { context, page }
}

/** The product and Chromium for one test file: started before its tests, stopped after. */
export function useProduct(env: Record<string, string> = {}): { readonly product: Product; readonly browser: Browser } {
  const ctx = {} as { product: Product; browser: Browser }
  beforeAll(async () => {
    ctx.product = await startProduct(env)
    ctx.browser = await launchChromium()
  })
  afterAll(async () => {
    await ctx.browser?.close()
    await ctx.product?.stop()
  })
  return ctx
}
