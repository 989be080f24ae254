// Before `npm start` runs `node --enable-source-maps server/dist/main.js`:
// builds what is missing or older than its sources — the PWA
// (packages/web/dist) and the BFF (server/dist/main.js). No TypeScript loader
// at run time; tests and `npm run dev` keep tsx.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const at = (p) => join(ROOT, p)

/** Newest modification time of the files under these paths (node_modules and dist skipped). */
function newest(paths) {
  let latest = 0
  const walk = (p) => {
    if (!existsSync(p)) return
    const s = statSync(p)
    if (!s.isDirectory()) { latest = Math.max(latest, s.mtimeMs); return }
    for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') walk(join(p, name))
  }
  for (const p of paths) walk(at(p))
  return latest
}

function stale(output, sources) {
  return !existsSync(at(output)) || statSync(at(output)).mtimeMs < newest(sources)
}

function run(args) {
  console.log(`▶ npm ${args.join(' ')}`)
  const r = spawnSync('npm', args, { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const CORE = ['packages/core/src', 'packages/core/package.json']
if (stale('packages/web/dist/index.html', [...CORE, 'packages/app/src', 'packages/web', 'vite.config.ts'])) run(['run', 'build:web'])
if (stale('server/dist/main.js', [...CORE, 'server/src', 'server/seed', 'server/rolldown.config.ts', 'server/package.json'])) run(['run', 'build:server'])

