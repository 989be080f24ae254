/**
 * NutUI's icon components (@nutui/icons-vue-taro) draw their marks with an
 * icon font, and importing any of them imports its stylesheet: the whole
 * font, in woff2, woff and ttf, base64 in the main package's vendors.wxss
 * (85.6 KB). Our pages show six of its ~200 marks — the radio and checkbox
 * circles and ticks, a button's spinner, the search box's clear button — so
 * that stylesheet is answered with ours (src/ui/icon-marks.css), which draws
 * those six in CSS and carries no font.
 */
import path from 'node:path'
import type { Plugin } from 'vite'

const FONT_SHEET = /[\\/]@nutui[\\/]icons-vue-taro[\\/]dist[\\/]style_iconfont\.css$/

export function iconMarks(replacement: string): Plugin {
  return {
    name: 'tongban:icon-marks',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('style_iconfont.css')) return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      return resolved && FONT_SHEET.test(resolved.id) ? path.resolve(replacement) : null
    },
  }
}
