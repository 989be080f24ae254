/**
 * PWA first-load size: reads packages/web/dist/index.html, takes the entry
 * module script, every <link rel="modulepreload"> and every stylesheet it
 * names — what the browser fetches before the home route can render — and
 * sums their gzip sizes (node:zlib, level 9). A chunk the home route loads
 * lazily (router `() => import(...)`) is not named in index.html and so is
 * not counted here. For context it also prints the gzip total of all JS and
 * CSS in dist. Does not build: run `npm run build:web` first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { kb, line, ROOT, verdict } from './util'

const B = 'bundle'
const DIST = join(ROOT, 'packages/web/dist')
const GOAL_KB = 80

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

/** Local URLs of the entry script, modulepreloads and stylesheets in index.html. */
export function firstLoadUrls(html: string): string[] {
  const urls = new Set<string>()
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1]
    const isScript = /^<script/i.test(tag) && attr('type') === 'module' && attr('src')
    const rel = attr('rel')?.toLowerCase()
    const isLink = /^<link/i.test(tag) && (rel === 'modulepreload' || rel === 'stylesheet') && attr('href')
    const url = isScript ? attr('src') : isLink ? attr('href') : undefined
    if (url && !/^(https?:)?\/\//.test(url)) urls.add(url.split(/[?#]/)[0]!)
  }
  return [...urls]
}

export async function run(): Promise<void> {
  const index = join(DIST, 'index.html')
  if (!existsSync(index)) {
    line(B, 'skipped: run npm run build:web first')
    return
  }
  let total = 0
  for (const url of firstLoadUrls(readFileSync(index, 'utf8'))) {
    const file = join(DIST, url.replace(/^\.?\//, ''))
    if (!existsSync(file)) {
      line(B, `  ${url}: named in index.html but missing from dist`)
      continue
    }
    const size = gz(file)
    total += size
    line(B, `  ${relative(DIST, file).padEnd(48)} ${kb(size).padStart(9)} gzip`)
  }
  line(B, `home route first load (JS+CSS named in index.html): ${kb(total)} gzip (goal ≤ ${GOAL_KB} KB: ${verdict(total <= GOAL_KB * 1024)})`)

  const assets = walk(DIST).filter((f) => /\.(m?js|css)$/.test(f) && !/(^|\/)(sw|workbox-[^/]*)\.js$/.test(f))
  const all = assets.reduce((sum, f) => sum + gz(f), 0)
  line(B, `for context: all ${assets.length} JS/CSS files in dist (service worker excluded): ${kb(all)} gzip`)
}
