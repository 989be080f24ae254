/**
 * Independent subpackages (独立分包, `independent: true` in app.config.ts):
 * WeChat opens their pages — a hall's QR code scanned — without
 * downloading the main package, so they may use nothing of it: not
 * app.js's setup, not its taro.js, vendors.js or common.js, not its
 * base.wxml, comp or app.wxss.
 *
 * Taro 4.2's vite runner knows no independent subpackages (only its webpack
 * runner builds them apart): it makes one bundle whose every page leans on
 * the main package's chunks and on app.js having run. So one is built as a
 * mini-program of its own, a second `taro build` (package.json `build`):
 *
 * - the main build leaves its pages out (`leaveOutIndependent`): app.json
 *   still lists the subpackage as app.config.ts says, with `independent`;
 * - `TONGBAN_INDEPENDENT=<root> taro build --type weapp --blended` builds
 *   `src/<root>` (its own app.config.ts and app.ts) into `dist/<root>`, so
 *   Taro's runtime, Vue, base.wxml, comp and the chunks land inside it.
 *   `--blended` makes Taro's entry create and launch the Vue app without
 *   calling App(), which an independent subpackage must not do; then
 *   `independentPackage` has every page require that entry first (so the
 *   app and its Platform exist before the page mounts, whichever page
 *   WeChat opens) and import its styles (WeChat applies the main app.wxss
 *   to no page here), and drops the app.json it made.
 *
 * test/miniprogram/queue.test.ts walks the built subpackage's requires,
 * imports and components and fails on any that leaves it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'

/** The environment variable naming the subpackage root the independent build makes. */
export const INDEPENDENT_ENV = 'TONGBAN_INDEPENDENT'

/** The part of Taro's compiler context (vite runner) read here. */
interface TaroContext {
  app: { config: { subPackages?: SubPackage[]; subpackages?: SubPackage[] } }
  pages: { name: string }[]
}

interface SubPackage { root: string; pages?: string[]; independent?: boolean }

/** Taro's vite runner keeps its compiler context on this module's meta (@tarojs/runner-utils VITE_COMPILER_LABEL). */
const COMPILER_LABEL = 'taro:compiler'

function taroContext(plugin: { getModuleInfo(id: string): { meta?: Record<string, unknown> } | null }): TaroContext {
  const ctx = plugin.getModuleInfo(COMPILER_LABEL)?.meta?.viteCompilerContext as TaroContext | undefined
  if (!ctx?.pages || !ctx.app) throw new Error('tongban:independent: Taro’s compiler context not found (is this the vite runner?)')
  return ctx
}

/** Roots of the subpackages app.config.ts marks independent ('packages/queue'). */
export function independentRoots(config: TaroContext['app']['config']): string[] {
  return (config.subPackages ?? config.subpackages ?? []).filter((s) => s.independent).map((s) => s.root.replace(/^\/+|\/+$/g, ''))
}

/** Main build: the independent subpackages' pages are built by their own build, not here. */
export function leaveOutIndependent(): Plugin {
  return {
    name: 'tongban:leave-out-independent',
    // Taro's pipeline plugin (enforce: 'pre') has put its context on the label's meta in its buildStart, which
    // runs before this one; the app entry that emits each page's chunk loads only after buildStart.
    buildStart() {
      const ctx = taroContext(this)
      const roots = independentRoots(ctx.app.config).map((r) => `${r}/`)
      if (!roots.length) return
      ctx.pages = ctx.pages.filter((p) => !roots.some((r) => p.name.startsWith(r)))
    },
  }
}

/**
 * Independent build: every page requires the subpackage's own entry (app.js: Taro's runtime set up, the Vue
 * app with its Platform made) before anything else and imports its app.wxss (theme, shared component styles);
 * the app.json of this build is not WeChat's (the main one lists the subpackage), so it is dropped, and so is
 * the project.config.json Taro's CLI writes into the output even with `--blended` (it reads the flag from the
 * wrong place in 4.2): WeChat DevTools opens dist/, whose own one is the main build's.
 */
export function independentPackage(): Plugin {
  let pages: string[] = []
  return {
    name: 'tongban:independent-package',
    buildStart() {
      pages = taroContext(this).pages.map((p) => p.name)
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.values(bundle)
        const entry = files.find((f) => f.type === 'chunk' && f.fileName === 'app.js')
        if (!entry) this.error('tongban:independent: the build made no app.js')
        const hasAppStyle = files.some((f) => f.type === 'asset' && f.fileName === 'app.wxss')
        for (const page of pages) {
          const rel = (file: string) => path.posix.relative(path.posix.dirname(page), file)
          const chunk = files.find((f) => f.type === 'chunk' && f.fileName === `${page}.js`)
          if (!chunk || chunk.type !== 'chunk') {
            this.error(`tongban:independent: no script for page ${page}`)
          }
          // After the "use strict" directive, which must stay first.
          const strict = /^\s*(["'])use strict\1;?/.exec(chunk.code)?.[0] ?? ''
          chunk.code = `${strict}require("${rel('app.js')}");${chunk.code.slice(strict.length)}`
          if (!hasAppStyle) continue
          const line = `@import "${rel('app.wxss')}";\n`
          const css = files.find((f) => f.type === 'asset' && f.fileName === `${page}.wxss`)
          if (css && css.type === 'asset') css.source = line + String(css.source)
          else this.emitFile({ type: 'asset', fileName: `${page}.wxss`, source: line })
        }
        for (const [key, file] of Object.entries(bundle)) {
          if (file.type === 'asset' && file.fileName === 'app.json') delete bundle[key]
        }
      },
    },
    writeBundle(options) {
      if (options.dir) fs.rmSync(path.join(options.dir, 'project.config.json'), { force: true })
    },
  }
}
