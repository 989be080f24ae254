// Renders the app icons (PNG) from one SVG with Debian's Chromium. Run once when the logo changes:
//   node test/tools/make-icons.mjs
import { chromium } from 'playwright-core'

const logo = (size, pad) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
<rect width="64" height="64" ${pad ? '' : 'rx="14"'} fill="#0b66c3"/>
<g transform="translate(32 32) scale(${pad ? 0.62 : 0.8}) translate(-32 -32)">
<path d="M14 18h36M32 18v32M17 34h30" stroke="#fff" stroke-width="7" stroke-linecap="round"/></g></svg>`

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] })
for (const [name, size, pad] of [['icon-192', 192, false], ['icon-512', 512, false], ['icon-maskable-512', 512, true]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } })
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${logo(size, pad)}`)
  await page.screenshot({ path: `packages/web/public/icons/${name}.png`, omitBackground: !pad })
  await page.close()
}
await browser.close()
