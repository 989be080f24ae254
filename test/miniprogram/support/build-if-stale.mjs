#!/usr/bin/env node
/**
 * Builds miniprogram/dist (`npm run build -w miniprogram`: the main build,
 * then the independent subpackage's) when dist/app.json or the independent
 * subpackage's entry is missing or older than any source the build reads. Run it under a lock
 * (see ensure-built.ts) so parallel test files build at most once.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const mp = join(root, 'miniprogram')
// The main build writes the first, the independent subpackage's build (packages/queue) the second.
const markers = [join(mp, 'dist', 'app.json'), join(mp, 'dist', 'packages', 'queue', 'app.js')]

const SOURCES = [
  join(mp, 'src'), join(mp, 'config'), join(mp, 'package.json'), join(mp, 'babel.config.cjs'),
  join(root, 'packages/core/src'), join(root, 'packages/app/src'),
]

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

const built = Math.min(...markers.map((m) => (existsSync(m) ? statSync(m).mtimeMs : 0)))
const sources = Math.max(...SOURCES.map(newestMtime))
if (built > sources && process.env.MINIPROGRAM_FORCE_BUILD !== '1') {
  console.log('miniprogram/dist is up to date')
  process.exit(0)
}
console.log('building miniprogram/dist …')
const started = Date.now()
// Vitest runs with NODE_ENV=test, which Taro's build does not survive.
const res = spawnSync('npm', ['run', 'build', '-w', 'miniprogram'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
if (res.status !== 0) process.exit(res.status ?? 1)
console.log(`miniprogram built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
