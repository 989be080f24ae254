// Renders the mini-program's tab bar icons (PNG: WeChat's tabBar takes no SVG, ≤ 40 KB, 81×81 px advised) from the
// same paths as the PWA's TabBar.vue (and the 消息 bell below), grey and selected blue, with Debian's Chromium. Run when an icon changes:
//   node test/tools/make-tab-icons.mjs
import fs from 'node:fs'
import { chromium } from 'playwright-core'

const source = fs.readFileSync('packages/web/src/components/common/TabBar.vue', 'utf8')
const icons = Object.fromEntries([...source.matchAll(/tab: '(\w+)'.*?icon: '([^']+)'/g)].map((m) => [m[1], m[2]]))
// The mini-program's 消息 tab (a bell, in the same 24-unit stroke style): the PWA has no such tab — its 消息中心 is
// reached from 我的 — so its path is drawn here.
icons.messages = 'M6 10a6 6 0 0 1 12 0v4l2 3H4l2-3zM10 20a2 2 0 0 0 4 0'
const COLORS = { '': '#4e5560', '-selected': '#0b66c3' }
const SIZE = 81

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] })
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } })
for (const [tab, d] of Object.entries(icons)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 24 24"><path d="${d}" fill="none" stroke="${color}" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"/></svg>`)
    await page.screenshot({ path: `miniprogram/src/assets/tab/${tab}${suffix}.png`, omitBackground: true })
  }
}
await browser.close()
console.log(Object.keys(icons).join(' '))
