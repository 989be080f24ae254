/**
 * Taro build configuration for the WeChat mini-program (and an optional H5
 * build). The BFF base URL and the appid are fixed at build time (release.ts:
 * TARO_APP_API_BASE, TARO_APP_ID; TARO_APP_RELEASE=1 insists on both, HTTPS).
 */
import fs from 'node:fs'
import path from 'node:path'
import { defineConfig } from '@tarojs/cli'
import { ariaComponents } from './aria'
import { asyncRequire } from './async-require'
import { iconMarks } from './icon-marks'
import { independentPackage, INDEPENDENT_ENV, leaveOutIndependent } from './independent'
import { subpackageChunks } from './subpackage-chunks'
import { buildTarget } from './release'

const TARGET = buildTarget(process.env)

/**
 * Set (`packages/queue`) for the second build of `npm run build`: that independent subpackage built as a
 * mini-program of its own, from src/<root> into dist/<root> (independent.ts). Unset: the main build.
 */
const INDEPENDENT = process.env[INDEPENDENT_ENV]
if (INDEPENDENT !== undefined && !/^packages\/[a-z-]+$/.test(INDEPENDENT)) throw new Error(`${INDEPENDENT_ENV} must name a subpackage root such as packages/queue, not "${INDEPENDENT}"`)

/**
 * npm nests some @tarojs packages under miniprogram/node_modules (their vite 4
 * and rollup 3 peers clash with the root's vite 8 and rollup 4). Code outside
 * this folder (NutUI, Taro's own H5 runtime) must resolve the same copies.
 */
function nestedTaroPackages(): Record<string, string> {
  const dir = path.resolve(__dirname, '..', 'node_modules', '@tarojs')
  if (!fs.existsSync(dir)) return {}
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [`@tarojs/${name}`, path.join(dir, name)]))
}

export default defineConfig<'vite'>({
  projectName: 'tongban-miniprogram',
  date: '2026-11-23',
  // 375 so that CSS px are device px: "18px" stays 18px on a phone.
  designWidth: 375,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: INDEPENDENT ? `src/${INDEPENDENT}` : 'src',
  // H5 goes elsewhere so it never overwrites the mini-program package.
  outputRoot: INDEPENDENT ? `dist/${INDEPENDENT}` : process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist',
  // aria-plugin: the ARIA attributes into base.wxml (Taro 4.2 drops them; see aria.ts). The independent
  // subpackage renders no NutUI (no HTML elements), so it goes without plugin-html's runtime.
  plugins: [
    ...(INDEPENDENT ? [] : ['@tarojs/plugin-html']),
    [path.resolve(__dirname, 'aria-plugin.ts'), { components: ariaComponents() }],
  ],
  defineConstants: {
    'process.env.TARO_APP_API_BASE': JSON.stringify(TARGET.apiBase),
    'process.env.TARO_APP_ID': JSON.stringify(TARGET.appid),
  },
  alias: nestedTaroPackages(),
  // Chinese text as UTF-8 (3 bytes a character) instead of Taro's default \uXXXX escapes (6): WeChat reads
  // UTF-8 sources, and the guide's, the agreements' and every message's words weigh half in the main package.
  terser: { enable: true, config: { output: { ascii_only: false } } },
  framework: 'vue3',
  compiler: {
    type: 'vite',
    // 申请 (packages/apply) keeps its code and the region list out of the main package; 搜索's
    // pinyin (packages/search) is an async subpackage, loaded with require.async.
    // NutUI's icon font (85.6 KB) gives way to the six marks we show, drawn in CSS.
    // An independent subpackage (packages/queue) is built by a second build of its own (independent.ts).
    vitePlugins: INDEPENDENT ? [independentPackage(), asyncRequire()] : [iconMarks(path.resolve(__dirname, '..', 'src', 'ui', 'icon-marks.css')), ...(process.env.TARO_ENV === 'h5' ? [] : [
      leaveOutIndependent(),
      subpackageChunks({ root: 'packages/apply', sourceDir: path.resolve(__dirname, '..', 'src'), packages: ['@vant/area-data'] }),
      subpackageChunks({
        root: 'packages/search',
        sourceDir: path.resolve(__dirname, '..', 'src'),
        packages: ['pinyin-pro'],
        files: [path.resolve(__dirname, '..', '..', 'packages', 'core', 'src', 'catalogue', 'pinyin.ts')],
      }),
      asyncRequire(),
    ])],
  },
  mini: {
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false },
    },
  },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    postcss: {
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false },
    },
  },
})
