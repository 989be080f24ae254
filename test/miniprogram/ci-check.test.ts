/**
 * WeChat's own quality check of the built package (miniprogram-ci, offline):
 * a dummy appid and a private key made here are enough for
 * checkCodeQuality and analyseCode, which never call WeChat's servers.
 */
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'

const require = createRequire(join(import.meta.dirname, 'ci-check.test.ts'))

const TWO_MB = 2 * 1024 * 1024
/** Our own budget for the main package, well under WeChat's limit: room for the pages still to come. */
const BUDGET = 600 * 1024

interface CheckItem { name: string; success: boolean; text: string; detail?: unknown }
interface AnalyseResult {
  files: { path: string; size: number; subPackage: string | null }[]
  modules: { path: string; errors?: unknown[]; buildError?: unknown }[]
}
interface MiniprogramCi {
  Project: new (options: Record<string, unknown>) => unknown
  checkCodeQuality(project: unknown): Promise<CheckItem[]>
  analyseCode(project: unknown, options?: { silent: boolean }): Promise<AnalyseResult | undefined>
}

let dir: string
let project: unknown
let ci: MiniprogramCi

beforeAll(() => {
  ensureMiniprogramBuilt()
  dir = mkdtempSync(join(tmpdir(), 'tongban-mpci-'))
  const keyPath = join(dir, 'private.wx0000000000000000.key')
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }))
  ci = require('miniprogram-ci') as MiniprogramCi
  project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: DIST,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*'],
  })
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const p = join(root, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

describe('miniprogram-ci', () => {
  it('passes checkCodeQuality with a main package under 2 MB', async () => {
    const items = await ci.checkCodeQuality(project)
    const failed = items.filter((i) => !i.success).map((i) => `${i.name}: ${i.text}`)
    expect(failed).toEqual([])
    const size = items.find((i) => i.name === 'PACKAGE_SIZE_LIMIT')?.detail as { __APP__: number }
    console.log(`main package: ${size.__APP__} bytes`)
    expect(size.__APP__).toBeLessThan(TWO_MB)
    expect(size.__APP__).toBeLessThan(BUDGET)
  })

  it('analyses every module without a build error', async () => {
    const result = await ci.analyseCode(project, { silent: true })
    expect(result).toBeDefined()
    const broken = result!.modules.filter((m) => m.buildError || (m.errors?.length ?? 0) > 0).map((m) => m.path)
    expect(broken).toEqual([])
    const main = result!.files.filter((f) => !f.subPackage).reduce((n, f) => n + f.size, 0)
    expect(main).toBeLessThan(TWO_MB)
    // 我的办件 is a tab, so in the main package (WeChat wants every tab page there).
    for (const page of ['pages/home/index', 'pages/search/index', 'pages/guide/index', 'pages/login/index', 'pages/me/index', 'pages/cases/index', 'pages/agreement/index']) {
      expect(result!.files.map((f) => f.path)).toContain(`${page}.js`)
    }
    // 在线申请 and 办件详情 are downloaded with the apply subpackage, not before the first page.
    for (const page of ['packages/apply/pages/form/index', 'packages/apply/pages/case/index']) {
      expect(result!.files.find((f) => f.path === `${page}.js`)?.subPackage).toBeTruthy()
    }
    // 排队取号 is the independent subpackage packages/queue (a hall's QR code opens it without the main package), 预约办理 too.
    for (const page of ['packages/queue/pages/take/index', 'packages/queue/pages/ticket/index', 'packages/queue/pages/appointments/index']) {
      expect(result!.files.find((f) => f.path === `${page}.js`)?.subPackage).toBe('packages/queue/')
    }
    const queue = result!.files.filter((f) => f.subPackage === 'packages/queue/').reduce((n, f) => n + f.size, 0)
    console.log(`independent subpackage packages/queue: ${queue} bytes`)
    expect(queue).toBeLessThan(TWO_MB)
    // Search's pinyin is the async subpackage packages/search, fetched with require.async on the first search.
    expect(result!.files.find((f) => f.path === 'packages/search/common.js')?.subPackage).toBe('packages/search/')
    // …and preloaded as soon as 搜索 opens, on any network (miniprogram-ci accepted this app.json above).
    const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { preloadRule?: Record<string, { network: string; packages: string[] }> }
    expect(app.preloadRule?.['pages/search/index']).toEqual({ network: 'all', packages: ['packages/search'] })
  })
})

it('carries no icon font: NutUI’s marks that our pages show are drawn in CSS (ui/icon-marks.css)', () => {
  const sheets = filesUnder(DIST).filter((f) => f.endsWith('.wxss'))
  const withFont = sheets.filter((f) => /@font-face|nutui-iconfont|data:font\//.test(readFileSync(f, 'utf8'))).map((f) => relative(DIST, f))
  expect(withFont).toEqual([])
  const css = sheets.map((f) => readFileSync(f, 'utf8')).join('\n')
  // The radio and checkbox marks, a button's spinner, the search box's clear button.
  for (const mark of ['check-normal', 'checked', 'check-checked', 'loading', 'circle-close']) expect(css).toContain(`.nut-icon-${mark}`)
})

it('ships no eval or new Function (forbidden in mini-programs)', () => {
  const offenders = filesUnder(DIST)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => /\beval\s*\(|\bnew\s+Function\s*\(/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(DIST, f))
  expect(offenders).toEqual([])
})
