/**
 * The citizen's first journey in Chromium at 375×812, against the server
 * `npm start` runs: search "sfz" → ID card items → open one → answer a
 * situation → the checklist changes; answers survive a reload; offline, the
 * guide still opens and says it may be stale; axe finds nothing on any page
 * in normal and elderly mode. Screenshots go to test/artifacts/.
 */
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { ARTIFACTS, useProduct } from './support'

const e2e = useProduct()

async function newContext(opts: { elderly?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', deviceScaleFactor: 1 })
  if (opts.elderly) await context.addInitScript(() => localStorage.setItem('tb.settings', '{"elderly":true}'))
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  return { context, page, errors }
}

/** Waits for the page to catch up; a weak CI machine may take seconds, not the default one. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 })

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })

describe('find and understand a service', () => {
  it('searches in initials, opens a guide and gets a checklist that follows the answers', async () => {
    const { context, page, errors } = await newContext()
    await page.goto(e2e.product.url)
    await poll(() => page.getByRole('link', { name: '示例市公安局' }).count()).toBe(1)
    await shot(page, 'home')

    await page.getByLabel('搜索事项').fill('sfz')
    await page.getByRole('button', { name: '搜索' }).click()
    await page.waitForURL(/\/search\?q=sfz/)
    const results = page.getByRole('list', { name: '搜索结果' }).getByRole('link')
    await poll(() => results.count()).toBeGreaterThan(1)
    const firstTwo = [await results.nth(0).locator('.name').textContent(), await results.nth(1).locator('.name').textContent()]
    expect(firstTwo.sort()).toEqual(['居民身份证换领', '居民身份证补领'])
    await shot(page, 'search-sfz')

    await results.filter({ hasText: '居民身份证换领' }).click()
    await page.waitForURL(/\/items\//)
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('居民身份证换领')
    const summary = page.locator('.summary')
    const before = await summary.textContent()
    expect(before).toMatch(/共 \d+ 项材料/)
    const guardian = page.getByRole('listitem').filter({ hasText: '监护人居民身份证' })
    await poll(() => guardian.getByText('可能需要').count()).toBe(1)
    await shot(page, 'guide')

    await page.getByRole('radio', { name: /未满十六周岁/ }).click()
    await poll(() => guardian.getByText('可能需要').count()).toBe(0)
    expect(await guardian.count()).toBe(1)
    expect(await summary.textContent()).not.toBe(before)
    await shot(page, 'guide-answered')

    await page.reload()
    await poll(() => page.getByRole('radio', { name: /未满十六周岁/ }).isChecked()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens a shared guide link with the guide in the page itself (no second trip for it)', async () => {
    const { context, page, errors } = await newContext()
    const guideRequests: string[] = []
    // The guide itself (its appointment halls, a separate small list, are not the guide).
    page.on('request', (r) => { if (/^\/api\/items\/[^/]+$/.test(new URL(r.url()).pathname)) guideRequests.push(r.url()) })
    await page.goto(`${e2e.product.url}/items/GA-0001`)
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('居民身份证换领')
    expect(await page.title()).toBe('居民身份证换领 — 通办')
    await poll(() => page.getByRole('heading', { name: '您需要准备的材料' }).count()).toBe(1)
    // Moving to another guide inside the app fetches that one as usual.
    // (Waiting for its answer, not for the heading to change: the heading says 办事指南 while loading,
    // before Playwright has even reported the request.)
    const next = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/items/GA-0002')
    await page.evaluate(() => { history.pushState({}, '', '/items/GA-0002'); dispatchEvent(new PopStateEvent('popstate')) })
    await next
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toMatch(/^(居民身份证换领|办事指南)$/)
    expect(guideRequests.map((u) => new URL(u).pathname)).toEqual(['/api/items/GA-0002'])
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens a guide seen before with no network, and says it may be out of date', async () => {
    const { context, page } = await newContext()
    await page.goto(`${e2e.product.url}/search?q=${encodeURIComponent('居民身份证补领')}`)
    await page.getByRole('list', { name: '搜索结果' }).getByRole('link').first().click()
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('居民身份证补领')
    // Wait until the service worker controls the page, as it does on a citizen's second visit.
    await page.evaluate(async () => { await navigator.serviceWorker.ready })
    await page.reload()
    await poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('居民身份证补领')

    await context.setOffline(true)
    await page.reload()
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('居民身份证补领')
    await poll(() => page.getByText('当前没有网络').count()).toBe(1)
    await poll(() => page.getByText(/保存在本机的内容，联网后会自动更新/).count()).toBe(1)
    expect(await page.getByRole('heading', { name: '您需要准备的材料' }).count()).toBe(1)
    await shot(page, 'guide-offline')

    await context.setOffline(false)
    await poll(() => page.getByText(/保存在本机的内容，联网后会自动更新/).count()).toBe(0)
    await context.setOffline(true)

    // A page never opened before says so plainly instead of showing a blank screen.
    await page.goto(`${e2e.product.url}/items/MZ-0001`).catch(() => {})
    await poll(() => page.getByRole('alert').first().textContent()).toMatch(/网络|加载失败/)
    await context.close()
  })

  it('switches elderly mode on, keeps it across reloads, and enlarges text and targets', async () => {
    const { context, page } = await newContext()
    await page.goto(e2e.product.url)
    const toggle = page.getByRole('switch', { name: /长辈模式/ })
    await toggle.click()
    await poll(() => toggle.getAttribute('aria-checked')).toBe('true')
    await page.reload()
    await poll(() => page.getByRole('switch', { name: /长辈模式/ }).getAttribute('aria-checked')).toBe('true')
    const style = await page.evaluate(() => {
      const s = getComputedStyle(document.body)
      return { font: parseFloat(s.fontSize), line: parseFloat(s.lineHeight) / parseFloat(s.fontSize) }
    })
    expect(style.font).toBeGreaterThanOrEqual(18)
    expect(style.line).toBeGreaterThanOrEqual(1.5)
    await shot(page, 'home-elderly')

    for (const path of ['/search?q=shebaoka', '/items/GA-0001']) {
      await page.goto(e2e.product.url + path)
      await poll(() => page.locator('[aria-busy="true"]').count()).toBe(0)
      await poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1)
      const small = await page.evaluate(() => [...document.querySelectorAll('a, button, label, [role=switch], input:not([type=radio]):not([type=checkbox])')]
        .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('p, li, dd, .sr-only'))
        .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 20) || el.getAttribute('aria-label') || el.tagName, h: el.getBoundingClientRect().height }))
        .filter((t) => t.h < 44))
      expect(small, path).toEqual([])
    }
    await page.goto(`${e2e.product.url}/search?q=shebaoka`)
    await poll(() => page.getByRole('list', { name: '搜索结果' }).getByRole('link').count()).toBeGreaterThan(0)
    await shot(page, 'search-elderly')
    await context.close()
  })
})

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  const pages = ['/', '/search?q=sfz', '/search?lifeEvent=birth', '/search?q=没有这个事项', '/items/GA-0001', '/items/NOPE-0000', '/halls', '/no/such/page']
  for (const elderly of [false, true]) {
    it(`finds no violations on any page in ${elderly ? 'elderly' : 'normal'} mode`, async () => {
      const { context, page } = await newContext({ elderly })
      const found: Record<string, string[]> = {}
      for (const path of pages) {
        await page.goto(e2e.product.url + path)
        await page.waitForLoadState('networkidle')
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
        const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
        if (r.violations.length) found[path] = r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
        if (elderly && path === '/items/GA-0001') await shot(page, 'guide-elderly')
      }
      expect(found).toEqual({})
      await context.close()
    })
  }
})
