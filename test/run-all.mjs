// `npm test`: every check, in the order a failure is cheapest to find.
//   1. type check (vue-tsc -b over every project)
//   2. build the PWA and the mini-program (the browser and simulator tests use the builds)
//   3. unit and integration tests (core, app, server on PGlite and PostgreSQL, mini-program)
//   4. browser tests (journey, axe, Lighthouse) — alone, so Chromium has the CPU
// Ends with one line "tests: N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const npx = (args, env = {}) => {
  console.log(`\n▶ ${args.join(' ')}`)
  const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}
const step = (name, status) => {
  if (status !== 0) {
    console.error(`\n✗ ${name} failed`)
    console.log('tests: 0 passed, 1 failed')
    process.exit(status || 1)
  }
}

mkdirSync('test/artifacts', { recursive: true })
step('type check', npx(['vue-tsc', '-b']))
step('PWA build', npx(['vite', 'build', '--logLevel', 'warn']))
step('mini-program build', npx(['npm', 'run', 'build', '-w', 'miniprogram']))

const runs = [
  ['unit', ['--project', 'core', '--project', 'server', '--project', 'web', '--project', 'miniprogram']],
  ['browser', ['--project', 'e2e']],
]
let passed = 0, failed = 0, skipped = 0, status = 0
for (const [name, projects] of runs) {
  const out = resolve(`test/artifacts/vitest-${name}.json`)
  rmSync(out, { force: true })
  const s = npx(['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`])
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'))
    passed += r.numPassedTests
    failed += r.numFailedTests
    skipped += r.numPendingTests + (r.numTodoTests ?? 0)
    if (r.numTotalTests === 0) status ||= 1
  } else {
    failed += 1
  }
  status ||= s
}
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(status || (failed ? 1 : 0))
