// Screenshot a page at 375×812 in Debian's Chromium: node test/tools/shot.mjs URL OUT.png [elderly]
// PARTS=n saves a long page as n slices. LOGIN=<phone> signs in first (dev inbox code);
// CLICK=<button name> presses a button before the screenshot.
import { chromium } from 'playwright-core'
const [,, url, out, elderly] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] })
const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, locale: 'zh-CN' })
const page = await ctx.newPage()
page.on('console', (m) => console.log('console:', m.type(), m.text()))
page.on('pageerror', (e) => console.log('pageerror:', e.message))
if (elderly) await page.addInitScript(() => localStorage.setItem('tb.settings', '{"elderly":true}'))
if (process.env.LOGIN) {
  const base = new URL(url).origin
  const phone = process.env.LOGIN
  await ctx.request.post(`${base}/api/auth/sms/send`, { data: { phone } })
  const inbox = await (await ctx.request.get(`${base}/dev/inbox.json`)).json()
  const code = /验证码为(\d{6})/.exec(inbox.filter((m) => m.phone === phone).at(-1).text)[1]
  await ctx.request.post(`${base}/api/auth/sms/verify`, { data: { phone, code } })
}
await page.goto(url, { waitUntil: 'networkidle' })
await page.waitForTimeout(500)
if (process.env.CLICK) {
  await page.getByRole('button', { name: process.env.CLICK }).first().click()
  await page.waitForTimeout(500)
}
if (process.env.PARTS) {
  // Long pages: several 375×812 slices, out-1.png, out-2.png …
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  const parts = Math.min(Number(process.env.PARTS), Math.ceil(height / 812))
  for (let i = 0; i < parts; i++) {
    await page.screenshot({ path: out.replace(/\.png$/, `-${i + 1}.png`), fullPage: true, clip: { x: 0, y: i * 812, width: 375, height: Math.min(812, height - i * 812) } })
  }
} else {
  await page.screenshot({ path: out })
}
await browser.close()
