/**
 * Makes sure miniprogram/dist is a build of the current sources. Test files
 * call it in beforeAll; the flock keeps parallel callers to one build.
 */
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

export const REPO_ROOT = resolve(import.meta.dirname, '../../..')
export const DIST = resolve(REPO_ROOT, 'miniprogram/dist')

export function ensureMiniprogramBuilt(): void {
  const script = resolve(import.meta.dirname, 'build-if-stale.mjs')
  execFileSync('flock', ['/tmp/tongban-miniprogram-build.lock', process.execPath, script], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 600_000,
  })
}
