/**
 * Mini-program main package: the bytes of every file in miniprogram/dist
 * except those under the subpackage roots that app.json lists
 * (`subPackages` or `subpackages`, each with a `root`) — what WeChat
 * downloads before the first page (limit 2 MB per package). Subpackages are
 * printed one by one. Does not build: run `npm run build -w miniprogram`
 * first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { kb, line, ROOT, verdict } from './util'

const B = 'miniprogram'
const DIST = join(ROOT, 'miniprogram/dist')
const GOAL_KB = 600
const LIMIT_KB = 2048

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

export async function run(): Promise<void> {
  const appJson = join(DIST, 'app.json')
  if (!existsSync(appJson)) {
    line(B, 'skipped: run npm run build -w miniprogram first')
    return
  }
  const app = JSON.parse(readFileSync(appJson, 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/^\/+|\/+$/g, ''))
  const sub = new Map(roots.map((r) => [r, 0]))
  let main = 0
  let files = 0
  for (const file of walk(DIST)) {
    const rel = relative(DIST, file).split(sep).join('/')
    const size = statSync(file).size
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`))
    if (root !== undefined) sub.set(root, sub.get(root)! + size)
    else { main += size; files++ }
  }
  line(B, `main package: ${kb(main)} in ${files} files (goal ≤ ${GOAL_KB} KB: ${verdict(main <= GOAL_KB * 1024)}; WeChat limit ${LIMIT_KB / 1024} MB: ${verdict(main <= LIMIT_KB * 1024)})`)
  if (sub.size === 0) line(B, '  no subpackages in app.json')
  for (const [root, size] of sub) line(B, `  subpackage ${root}: ${kb(size)}`)
}
