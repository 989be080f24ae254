/**
 * The PWA's shell (index.html) for page addresses. A guide opened from a
 * shared link (/items/:code, the way most citizens arrive from a WeChat
 * group) gets its page's code preloaded and the guide itself inlined, so the
 * phone renders it after one round trip for the scripts instead of three
 * (shell → app code → page code and the guide). Every other page gets the
 * built shell as it is.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyReply } from 'fastify'
import type { CatalogueService } from '../catalogue/service'

/** Vite's build manifest: one entry per source module that became a chunk. */
type Manifest = Record<string, { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }>

const GUIDE_PAGE = 'src/pages/GuidePage.vue'
const GUIDE_PATH = /^\/items\/([A-Za-z0-9-]{1,64})$/

export interface PageShell {
  send(path: string, reply: FastifyReply): Promise<FastifyReply>
}

export function pageShell(webRoot: string, catalogue: CatalogueService): PageShell {
  const indexFile = join(webRoot, 'index.html')
  const manifestFile = join(webRoot, '.vite/manifest.json')
  // Read again whenever a build replaces them (a running server must not point at deleted chunks).
  let built: { stamp: string; index: string; guideHints: string[] } | null = null
  const current = () => {
    const stamp = [indexFile, manifestFile].map((f) => statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? 0).join('/')
    if (built?.stamp !== stamp) {
      const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : {}
      built = { stamp, index: readFileSync(indexFile, 'utf8'), guideHints: preloadHints(manifest, GUIDE_PAGE) }
    }
    return built
  }

  return {
    async send(path, reply) {
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8')
      const { index, guideHints } = current()
      const code = GUIDE_PATH.exec(path)?.[1]
      const guide = code ? await catalogue.guide(code) : null
      if (!code || !guide) return reply.send(index)
      // The guide as the API serialised it once: embedded as is, not parsed and written again per page.
      const boot = `{"guide":{"code":${JSON.stringify(code)},"etag":${JSON.stringify(guide.etag)},"item":${guide.json}}}`
      const head = [
        ...guideHints,
        // A data block, not a script: CSP's script-src 'self' does not apply and nothing runs.
        `<script type="application/json" id="tb-boot">${escapeScriptData(boot)}</script>`,
      ].join('\n    ')
      let html = index.replace('</head>', `\n    ${head}\n  </head>`)
      if (guide.item.name) html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(guide.item.name)} — 通办</title>`)
      return reply.send(html)
    },
  }
}

/** modulepreload and stylesheet links for a lazily loaded page and what it imports, less what the entry loads already. */
export function preloadHints(manifest: Manifest, page: string): string[] {
  if (!manifest[page]) return []
  const entryChunks = new Set<string>()
  const walk = (key: string, into: Set<string>) => {
    if (into.has(key) || !manifest[key]) return
    into.add(key)
    for (const i of manifest[key]!.imports ?? []) walk(i, into)
  }
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) walk(key, entryChunks)
  const pageChunks = new Set<string>()
  walk(page, pageChunks)
  const links: string[] = []
  for (const key of pageChunks) {
    if (entryChunks.has(key)) continue
    const chunk = manifest[key]!
    links.push(`<link rel="modulepreload" crossorigin href="/${chunk.file}">`)
    // Applied with the first paint, not restyled in when Vite's loader adds them later (it skips a sheet already linked).
    for (const css of chunk.css ?? []) links.push(`<link rel="stylesheet" crossorigin href="/${css}">`)
  }
  return links
}

/** JSON inside <script>: no "</script>" or "<!--" can end or change the block. */
export function escapeScriptData(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
