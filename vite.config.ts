/**
 * Builds the PWA (root: packages/web) and holds the Vitest projects:
 * core, app, server (node), web (happy-dom), miniprogram (node, built dist).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { VitePWA } from 'vite-plugin-pwa'

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url))

/**
 * Vant's icon font lists a CDN copy after its inlined woff2. We never load
 * anything from another origin (CSP font-src 'self' data:), so drop it.
 */
const noRemoteFonts = {
  name: 'tongban:no-remote-fonts',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!id.includes('vant') || !id.endsWith('.css')) return null
    return code.replace(/,\s*url\((?:https?:)?\/\/[^)]*\)\s*format\("[a-z0-9]+"\)/g, '')
  },
}

/**
 * Writes .br and .gz beside every text asset once at build time (brotli at
 * its best level is too slow to do per request); the BFF serves them with
 * @fastify/static's preCompressed.
 */
const precompress = {
  name: 'tongban:precompress',
  apply: 'build' as const,
  closeBundle: { order: 'post' as const, sequential: true, handler() {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
      const p = join(dir, f)
      return statSync(p).isDirectory() ? walk(p) : [p]
    })
    for (const file of walk(r('./packages/web/dist'))) {
      if (!/\.(m?js|css|html|svg|webmanifest|json)$/.test(file)) continue
      const data = readFileSync(file)
      if (data.length < 1024) continue
      writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }))
      writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }))
    }
  } },
}

export default defineConfig({
  root: r('./packages/web'),
  plugins: [
    noRemoteFonts,
    vue(),
    Components({ resolvers: [VantResolver()], dts: false }),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      includeManifestIcons: false,
      manifest: {
        name: '通办 — 政务服务一网通办',
        short_name: '通办',
        description: '查办事指南、备齐材料、网上申请、进度随时看',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b66c3',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The worker is our own TypeScript program (src/sw/sw.ts): precaching, the shell for every page
      // address, guides cached as read, and Background Sync of the submission queue.
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // pdf.js (the workbench's PDF viewer, ~0.5 MB + its 1.3 MB worker) is fetched when staff open a PDF, never precached on citizens' phones.
        globIgnores: ['**/*.br', '**/*.gz', '**/pdfjs-*.js'],
      },
    }),
    precompress,
  ],
  build: {
    outDir: r('./packages/web/dist'),
    emptyOutDir: true,
    target: 'es2020',
    // .vite/manifest.json: the BFF preloads a page's chunks in the shell it serves for that page's address.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          // Each lazily loaded page would otherwise pull a JS and a CSS file per small shared component:
          // on HTTP/1.1's six connections that is waves of requests, and every stylesheet that arrives
          // restyles the page once more. Two groups keep a page to a few files.
          groups: [
            { name: 'ui', test: /[\\/]components[\\/]common[\\/](PageState|PageHeader|Tag|LightBadge)\.vue|[\\/]composables[\\/]format\.ts/ },
            { name: 'pdfjs', test: /[\\/]node_modules[\\/]pdfjs-dist[\\/]/ },
            { name: 'guide', test: /[\\/]components[\\/]guide[\\/]|[\\/]app[\\/]src[\\/]catalogue[\\/]checklist|[\\/]core[\\/]src[\\/]catalogue[\\/]materials/ },
          ],
        },
      },
    },
  },
  server: {
    // The Host stays the dev server's (changeOrigin off), so the BFF's cross-site check sees the page's own origin.
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false }, '/healthz': { target: 'http://localhost:8080', changeOrigin: false } },
  },
  test: {
    projects: [
      {
        
        test: { name: 'core', root: r('.'), include: ['packages/core/src/**/*.test.ts'], environment: 'node' },
      },
      {
        
        test: { name: 'server', root: r('.'), include: ['server/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'web',
          root: r('.'),
          include: ['packages/app/src/**/*.test.ts', 'packages/web/src/**/*.test.ts'],
          environment: 'happy-dom',
          server: { deps: { inline: ['vant'] } },
        },
      },
      {
        
        test: { name: 'miniprogram', root: r('.'), include: ['test/miniprogram/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 300_000 },
      },
      {
        
        test: { name: 'e2e', root: r('.'), include: ['test/e2e/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 300_000, fileParallelism: false },
      },
    ],
  },
})
