/**
 * Keeps a subpackage's code in the subpackage. Taro's vite runner knows no
 * subpackages when it splits chunks: every node_modules file goes to
 * vendors.js and every module imported twice to common.js, both in the main
 * package. This wraps its manualChunks so that the subpackage's own sources
 * and the heavy data only it uses (the region list) land in
 * `<root>/common.js` instead, and makes the subpackage's pages import that
 * chunk's styles (Taro imports only the main package's chunk styles, from
 * app.wxss).
 */
import path from 'node:path'
import type { Plugin } from 'vite'

export interface SubpackageChunkOptions {
  /** The subpackage root as app.config.ts names it: 'packages/apply'. */
  root: string
  /** Absolute source directory (miniprogram/src). */
  sourceDir: string
  /** node_modules packages that only this subpackage imports. */
  packages?: string[]
  /** Other modules (absolute paths, e.g. of a workspace package) that only this subpackage imports. */
  files?: string[]
}

type ManualChunks = (id: string, api: unknown) => string | null | undefined

export function subpackageChunks(options: SubpackageChunkOptions): Plugin {
  const rootDir = `${path.join(options.sourceDir, options.root)}${path.sep}`
  const pagesDir = `${path.join(rootDir, 'pages')}${path.sep}`
  const chunk = `${options.root}/common`
  const modules = (options.packages ?? []).map((p) => `${path.sep}node_modules${path.sep}${p.split('/').join(path.sep)}${path.sep}`)

  function belongs(id: string): boolean {
    if (id.startsWith('\0')) return false
    // Pages stay their own entry chunks; what they import moves.
    if (id.startsWith(rootDir)) return !id.startsWith(pagesDir)
    return modules.some((m) => id.includes(m)) || (options.files ?? []).includes(id)
  }

  return {
    name: 'tongban:subpackage-chunks',
    outputOptions(output) {
      const taro = output.manualChunks as ManualChunks | undefined
      if (typeof taro !== 'function') return null
      output.manualChunks = (id, api) => (belongs(id) ? chunk : taro(id, api))
      return output
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        // Taro renames style assets by their fileName; the bundle keys keep the old names.
        const files = Object.values(bundle)
        const css = `${chunk}.wxss`
        if (!files.some((f) => f.type === 'asset' && f.fileName === css)) return
        for (const file of files) {
          if (file.type !== 'chunk' || !file.fileName.startsWith(`${options.root}/pages/`)) continue
          const pageCss = file.fileName.replace(/\.js$/, '.wxss')
          const line = `@import "${path.posix.relative(path.posix.dirname(pageCss), css)}";\n`
          const existing = files.find((f) => f.type === 'asset' && f.fileName === pageCss)
          if (existing && existing.type === 'asset') existing.source = line + String(existing.source)
          else this.emitFile({ type: 'asset', fileName: pageCss, source: line })
        }
      },
    },
  }
}
