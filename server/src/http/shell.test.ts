/**
 * The shell served for page addresses: a guide's address gets the guide
 * inlined (the same JSON and ETag as /api/items/:code) and its page's chunks
 * preloaded; everything else gets the built index.html untouched.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing'
import { escapeScriptData, preloadHints } from './shell'

const INDEX = `<!doctype html>
<html lang="zh-CN">
  <head>
    <title>通办 — 政务服务一网通办</title>
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vue-B.js">
  </head>
  <body><div id="app"></div></body>
</html>
`
const MANIFEST = {
  'index.html': { file: 'assets/index-A.js', isEntry: true, imports: ['_vue-B.js'], css: ['assets/index-A.css'] },
  '_vue-B.js': { file: 'assets/vue-B.js' },
  'src/pages/GuidePage.vue': { file: 'assets/GuidePage-C.js', imports: ['_vue-B.js', 'index.html', '_guide-D.js', '_ui-E.js'], css: ['assets/GuidePage-C.css'] },
  '_guide-D.js': { file: 'assets/guide-D.js', imports: ['_vue-B.js', '_ui-E.js'], css: ['assets/guide-D.css'] },
  '_ui-E.js': { file: 'assets/ui-E.js', imports: ['_vue-B.js'] },
}

let root: string
let server: TestServer
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tb-shell-'))
  writeFileSync(join(root, 'index.html'), INDEX)
  mkdirSync(join(root, '.vite'))
  writeFileSync(join(root, '.vite/manifest.json'), JSON.stringify(MANIFEST))
  server = await startTestServer({ config: { webRoot: root } })
})
afterAll(async () => {
  await server?.close()
  rmSync(root, { recursive: true, force: true })
})

const page = (url: string) => server.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })
const bootOf = (html: string) => {
  const m = /<script type="application\/json" id="tb-boot">([^<]*)<\/script>/.exec(html)
  return m ? (JSON.parse(m[1]!) as { guide: { code: string; etag: string; item: { code: string; name: string } } }) : null
}

describe('page shell', () => {
  it('inlines the guide a shared link opens, exactly as the API serves it, and names the page after it', async () => {
    const res = await page('/items/GA-0001')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.headers['cache-control']).toBe('no-cache')
    const api = await server.app.inject('/api/items/GA-0001')
    const boot = bootOf(res.body)
    expect(boot?.guide).toEqual({ code: 'GA-0001', etag: api.headers.etag, item: api.json() })
    expect(res.body).toContain(`<title>${api.json<{ name: string }>().name} — 通办</title>`)
  })

  it('preloads the guide page and what it imports (its styles linked outright), not what the entry already loads', async () => {
    const html = (await page('/items/GA-0001')).body
    const preloaded = [...html.matchAll(/<link rel="(modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)].map((m) => m[2])
    expect(preloaded).toEqual(['/assets/vue-B.js', '/assets/GuidePage-C.js', '/assets/GuidePage-C.css', '/assets/guide-D.js', '/assets/guide-D.css', '/assets/ui-E.js'])
  })

  it('serves the plain shell for other pages, unknown items and malformed codes', async () => {
    for (const url of ['/search', '/items/XX-404', '/items/GA-0001/apply', '/items/%3Cscript%3E']) {
      const res = await page(url)
      expect(res.statusCode, url).toBe(200)
      expect(res.body, url).toBe(INDEX)
    }
  })

  it('keeps the build manifest to itself', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/.vite/manifest.json', headers: { accept: 'application/json' } })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/problem\+json/)
  })

  it('API addresses still answer problem+json, not the shell', async () => {
    const res = await page('/api/nothing-here')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/problem\+json/)
  })
})

describe('shell helpers', () => {
  it('escapes what could end or change a script data block', () => {
    const json = JSON.stringify({ name: '</script><script>alert(1)</script><!-- \u2028' })
    const escaped = escapeScriptData(json)
    expect(escaped).not.toMatch(/<\/script|<!--|\u2028/)
    expect(JSON.parse(escaped)).toEqual(JSON.parse(json))
  })

  it('no hints for a page the manifest does not know', () => {
    expect(preloadHints(MANIFEST, 'src/pages/Nope.vue')).toEqual([])
  })
})

describe('a new build under a running server', () => {
  it('serves the new shell and its chunks, not the ones the build deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-shell-'))
    writeFileSync(join(dir, 'index.html'), INDEX)
    mkdirSync(join(dir, '.vite'))
    writeFileSync(join(dir, '.vite/manifest.json'), JSON.stringify(MANIFEST))
    const s = await startTestServer({ config: { webRoot: dir } })
    try {
      const get = async (url: string) => (await s.app.inject({ url, headers: { accept: 'text/html' } })).body
      expect(await get('/items/GA-0001')).toContain('/assets/GuidePage-C.js')
      const rebuilt = { ...MANIFEST, 'src/pages/GuidePage.vue': { ...MANIFEST['src/pages/GuidePage.vue'], file: 'assets/GuidePage-NEW.js' } }
      writeFileSync(join(dir, 'index.html'), INDEX.replace('index-A.js', 'index-NEW.js'))
      writeFileSync(join(dir, '.vite/manifest.json'), JSON.stringify(rebuilt))
      const later = Date.now() / 1000 + 5
      utimesSync(join(dir, 'index.html'), later, later)
      utimesSync(join(dir, '.vite/manifest.json'), later, later)
      const html = await get('/items/GA-0001')
      expect(html).toContain('/assets/GuidePage-NEW.js')
      expect(html).toContain('/assets/index-NEW.js')
      expect(await get('/search')).toContain('/assets/index-NEW.js')
    } finally {
      await s.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
