/**
 * Every route of the PWA fits a phone: opened at 320 and 375 px wide, in
 * normal and elderly mode, no page scrolls sideways. A citizen's pages are
 * opened signed in with a case of their own; the staff pages signed in as
 * the window clerk. The test fails on any route of `packages/web/src/router.ts`
 * it does not open, so a new page cannot skip it. On overflow it names the
 * elements that stick out; a hint cut off by its box, or a collapsible section with no
 * expand marker, fails it too. Screenshots of the narrowest elderly view go to
 * test/artifacts/layout-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { CaseDetail, SubmitCaseBody } from '@tongban/core'
import { ARTIFACTS, citizenContext, moveClock, residentIdFor, ROOT, useProduct } from './support'

const e2e = useProduct()

const WIDTHS = [320, 375] as const
const PHONE = '13877770320'

/** The router's paths, read from its source (the e2e project does not load .vue files). */
function routerPaths(): string[] {
  const source = readFileSync(join(ROOT, 'packages/web/src/router.ts'), 'utf8')
  return [...source.matchAll(/\{ path: '([^']+)'/g)].map((m) => m[1]!)
}

interface Place { route: string; url: string; as: 'citizen' | 'staff' | 'admin' | 'guest' }

/** Placeholders wider than their box (the hint cut off), as `#id "hint"`. */
async function cutHints(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')!
    const cut: string[] = []
    for (const input of Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]'))) {
      if (!input.placeholder || input.getClientRects().length === 0) continue
      const css = getComputedStyle(input)
      ctx.font = `${css.fontWeight} ${css.fontSize} ${css.fontFamily}`
      const room = input.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight)
      if (ctx.measureText(input.placeholder).width > room + 1) cut.push(`#${input.id} "${input.placeholder}"`)
    }
    return cut
  })
}

/** Collapsible sections that show no sign of opening (no native marker, no drawn one), as their text. */
async function markerless(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('summary'))
    .filter((s) => getComputedStyle(s).display !== 'list-item' && ['none', 'normal'].includes(getComputedStyle(s, '::after').content)
      && ['none', 'normal'].includes(getComputedStyle(s, '::before').content))
    .map((s) => `"${(s.textContent ?? '').trim().slice(0, 20)}"`))
}

/** Elements whose right edge passes the viewport: the deepest ones, as `tag.class "text"`. */
async function overflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const culprits: string[] = []
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.right <= width + 0.5) continue
      // Only the deepest: a parent sticking out because of its child is the child's fault.
      if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 0.5)) continue
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''
      culprits.push(`${el.tagName.toLowerCase()}${cls} right=${Math.round(r.right)} "${(el.textContent ?? '').trim().slice(0, 20)}"`)
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 8) }
  })
}

async function context(browser: Browser, as: Place['as']): Promise<BrowserContext> {
  if (as === 'citizen') return citizenContext(browser, e2e.product.url, PHONE)
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  if (as === 'staff' || as === 'admin') {
    const username = as === 'staff' ? 'clerk' : 'hall_admin'
    const res = await ctx.request.post(`${e2e.product.url}/api/staff/login`, { data: { username, password: 'Tongban@2026' } })
    expect(res.status(), `${username} signs in`).toBe(200)
  }
  return ctx
}

describe('every route fits a phone, normal and elderly', () => {
  const contexts = new Map<Place['as'], BrowserContext>()
  let places: Place[] = []

  beforeAll(async () => {
    // A case of the citizen's own, for the case and supplement pages.
    for (const as of ['guest', 'citizen', 'staff', 'admin'] as const) contexts.set(as, await context(e2e.browser, as))
    const owner = contexts.get('citizen')!
    const body: SubmitCaseBody = {
      itemCode: 'MZ-0001', formVersion: 1, answers: {}, delivery: 'pickup', personalDataConsent: true,
      values: {
        applicantName: '吴秀兰', idNumber: residentIdFor(PHONE), phone: PHONE, region: { province: '330000', city: '330100', district: '330106' },
        address: '杏花村7组2号', members: [{ name: '吴秀兰', relation: 'self', idNumber: residentIdFor(PHONE), monthlyIncome: 450 }],
        savings: 800, reason: '年过七旬独自生活，没有固定收入。', checkAuth: true, pledge: true,
      },
    }
    const created = await owner.request.post(`${e2e.product.url}/api/cases`, { data: body, headers: { 'idempotency-key': 'layout-e2e-000000000001' } })
    expect(created.status()).toBe(201)
    const { caseNo } = await created.json() as CaseDetail
    // A queue number for the ticket page, taken in the hall's hours on the product's clock (whatever hour this runs).
    await moveClock(e2e.product.url, '2026-12-14T10:00:00+08:00')
    const taken = await contexts.get('guest')!.request.post(`${e2e.product.url}/api/halls/sls-zwfwzx/tickets`, { data: { category: 'A', deviceId: 'layout-e2e-00000000001' } })
    expect(taken.status()).toBe(201)
    const ticketId = (await taken.json() as { id: string }).id

    places = [
      { route: '/', url: '/', as: 'guest' },
      { route: '/search', url: '/search?q=%E4%BD%8E%E4%BF%9D', as: 'guest' },
      { route: '/items/:code', url: '/items/SJ-0001', as: 'guest' },
      { route: '/items/:code/apply', url: '/items/SJ-0001/apply', as: 'citizen' },
      { route: '/cases/:caseNo', url: `/cases/${caseNo}`, as: 'citizen' },
      { route: '/cases/:caseNo/supplement', url: `/cases/${caseNo}/supplement`, as: 'citizen' },
      { route: '/me/cases', url: '/me/cases', as: 'citizen' },
      { route: '/query', url: '/query', as: 'guest' },
      { route: '/login', url: '/login', as: 'guest' },
      { route: '/me', url: '/me', as: 'citizen' },
      { route: '/me/licences', url: '/me/licences', as: 'citizen' },
      { route: '/me/access-log', url: '/me/access-log', as: 'citizen' },
      { route: '/messages', url: '/messages', as: 'citizen' },
      { route: '/me/message-settings', url: '/me/message-settings', as: 'citizen' },
      { route: '/staff/login', url: '/staff/login', as: 'guest' },
      { route: '/staff/consents/:consentId/apply', url: '/staff/consents/00000000-0000-4000-8000-000000000000/apply', as: 'staff' },
      { route: '/staff/cases/:caseNo', url: `/staff/cases/${caseNo}`, as: 'staff' },
      { route: '/staff', url: '/staff', as: 'staff' },
      { route: '/halls', url: '/halls', as: 'guest' },
      { route: '/agreements/:id', url: '/agreements/privacy', as: 'guest' },
      { route: '/verify/:id', url: '/verify/00000000-0000-4000-8000-000000000000', as: 'guest' },
      { route: '/:rest(.*)*', url: '/no-such-page', as: 'guest' },
      { route: '/h/:hallId', url: '/h/sls-zwfwzx', as: 'guest' },
      { route: '/h/:hallId/appointments', url: '/h/sls-zwfwzx/appointments?item=GA-0002', as: 'citizen' },
      { route: '/tickets/:id', url: `/tickets/${ticketId}`, as: 'guest' },
      { route: '/hall/:hallId/display', url: '/hall/sls-zwfwzx/display', as: 'guest' },
      { route: '/kiosk/:hallId', url: '/kiosk/sls-zwfwzx', as: 'guest' },
      { route: '/staff/queue', url: '/staff/queue', as: 'staff' },
      { route: '/staff/hall', url: '/staff/hall', as: 'admin' },
    ]
  })

  afterAll(async () => {
    for (const ctx of contexts.values()) await ctx.close()
    await moveClock(e2e.product.url, null)
  })

  it('opens every route of the router', () => {
    expect(places.map((p) => p.route).sort(), 'every route of the router is opened here').toEqual(routerPaths().sort())
  })

  // One test per mode and width (each well inside the time limit on a loaded machine); one tab per signed-in role,
  // navigated from route to route.
  const modes = [false, true].flatMap((elderly) => WIDTHS.map((width) => ({ elderly, width })))
  it.each(modes)('no page scrolls sideways at $width px (elderly: $elderly)', async ({ elderly, width }) => {
    const tabs = new Map<Place['as'], Page>()
    for (const [as, ctx] of contexts) {
      const page = await ctx.newPage()
      await page.setViewportSize({ width, height: 812 })
      await page.addInitScript((on: boolean) => localStorage.setItem('tb.settings', JSON.stringify({ elderly: on })), elderly)
      tabs.set(as, page)
    }
    const found: string[] = []
    for (const place of places) {
      const page = tabs.get(place.as)!
      await page.goto(`${e2e.product.url}${place.url}`)
      // Settled: the page's own data has come (no skeleton, no pending request).
      await page.waitForLoadState('networkidle')
      await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, null, { timeout: 15_000 }).catch(() => undefined)
      // Signed in where it must be: no page was swapped for the sign-in page.
      expect(new URL(page.url()).pathname, place.url).toBe(place.url.split('?')[0])
      const o = await overflow(page)
      const where = `${place.url} at ${width}px${elderly ? ' elderly' : ''}`
      if (o.scrollWidth > o.width) found.push(`${where}: ${o.scrollWidth}px wide — ${o.culprits.join('; ')}`)
      for (const hint of await cutHints(page)) found.push(`${where}: hint cut off — ${hint}`)
      for (const summary of await markerless(page)) found.push(`${where}: no expand marker — ${summary}`)
      if (width === 320 && elderly) await page.screenshot({ path: join(ARTIFACTS, `layout-320-elderly${place.route.replace(/[^a-z]+/g, '-')}.png`), fullPage: true })
    }
    for (const page of tabs.values()) await page.close()
    expect(found).toEqual([])
  })
})

describe('the app’s navigation', () => {
  it('has a tab bar on the top-level pages: 办件 and 我的 in one tap; 长辈模式 switches from 我的', async () => {
    const ctx = await citizenContext(e2e.browser, e2e.product.url, '13877770375')
    const page = await ctx.newPage()
    await page.goto(e2e.product.url)
    const tabs = page.getByRole('navigation', { name: '主导航' })
    expect(await tabs.getByRole('link').allTextContents()).toEqual(['首页', '办件', '消息', '我的'])
    expect(await tabs.getByRole('link', { name: '首页' }).getAttribute('aria-current')).toBe('page')

    await tabs.getByRole('link', { name: '办件' }).click()
    await page.waitForURL(/\/me\/cases$/)
    expect(await tabs.getByRole('link', { name: '办件' }).getAttribute('aria-current')).toBe('page')
    // A top-level page: no 返回 to nowhere.
    expect(await page.getByRole('button', { name: /返回/ }).count()).toBe(0)

    await tabs.getByRole('link', { name: '我的' }).click()
    await page.waitForURL(/\/me$/)
    const elderly = page.getByRole('switch', { name: '长辈模式' })
    await elderly.click()
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true)
    await page.screenshot({ path: join(ARTIFACTS, 'me-tabs-elderly.png'), fullPage: true })
    // Inner pages have no tab bar, and keep the mode.
    await page.goto(`${e2e.product.url}/items/SJ-0001`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true)
    await ctx.close()
  })
})
