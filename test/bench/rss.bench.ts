/**
 * Idle memory of the BFF as `npm start` runs it: the compiled
 * server/dist/main.js (built first with `npm run build:server`) under node
 * with the flags of package.json's start script, in a child process on a free port we pick, API only
 * (WEB_ROOT=''), LOG_LEVEL=warn. Once /healthz answers 200 we make a few
 * requests (search, catalogue snapshot, guides), wait 3 s and read VmRSS
 * (and the peak, VmHWM) from /proc/<pid>/status.
 *
 * Three starts: PGlite in a new temporary DATA_DIR (first start: creates and
 * seeds the database), PGlite again on that same directory (every later
 * start), and — when PostgreSQL answers at postgres://postgres@127.0.0.1:5432/test
 * — PostgreSQL in a schema of its own (dropped afterwards). With PGlite the
 * figure includes the embedded database; the PostgreSQL one is the BFF's own.
 * For scale, the bench also prints the RSS of plain node idling on an empty
 * script (and of `node --import tsx`, which `npm start` used to run under).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { line, mb, ROOT, sleep, verdict } from './util'

const B = 'rss'
const PG_URL = 'postgres://postgres@127.0.0.1:5432/test'
const GOAL_BFF_MB = 120
const GOAL_PGLITE_FIRST_MB = 350
const GOAL_PGLITE_REOPEN_MB = 300
const IDLE_MS = 3000

/** node's arguments in `npm start` (package.json), so the bench measures exactly what it runs. */
function startArgs(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  const m = /\bnode ((?:--[\w-]+(?:=\S+)? )*)server\/dist\/main\.js/.exec(start)
  if (!m) throw new Error(`npm start does not run node … server/dist/main.js: ${start}`)
  return [...m[1]!.trim().split(/\s+/).filter(Boolean), 'server/dist/main.js']
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kbOf = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
  return { rss: kbOf('VmRSS'), peak: kbOf('VmHWM') }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/** Start the BFF, load it a little, let it idle, read its memory. */
async function measure(label: string, env: Record<string, string>): Promise<{ rss: number; peak: number; startMs: number }> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child = spawn(process.execPath, startArgs(), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WEB_ROOT: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000) })
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${label}: BFF exited with ${child.exitCode}: ${stderr}`)
      if (performance.now() - started > 90_000) throw new Error(`${label}: /healthz not 200 after 90 s: ${stderr}`)
      const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false)
      if (ok) break
      await sleep(100)
    }
    const startMs = performance.now() - started
    const list = (await (await fetch(`${base}/api/items?pageSize=5`)).json()) as { items: { code: string }[] }
    for (const q of ['sfz', '身份证', 'shebao']) await (await fetch(`${base}/api/items?q=${encodeURIComponent(q)}`)).arrayBuffer()
    await (await fetch(`${base}/api/catalogue`)).arrayBuffer()
    for (const { code } of list.items) await (await fetch(`${base}/api/items/${code}`)).arrayBuffer()
    await sleep(IDLE_MS)
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${label}: BFF exited (${child.exitCode ?? child.signalCode}) while idle: ${stderr}`)
    return { ...memory(child.pid!), startMs }
  } finally {
    await stop(child)
  }
}

function report(label: string, m: { rss: number; peak: number; startMs: number }, goalMb: number, note: string): void {
  line(B, `${label.padEnd(28)} idle RSS ${mb(m.rss).padStart(9)} (goal ≤ ${goalMb} MB${note}: ${verdict(m.rss <= goalMb * 1024 * 1024)})  peak ${mb(m.peak)}  healthy after ${(m.startMs / 1000).toFixed(1)} s`)
}

async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await c.connect()
    await c.end()
    return true
  } catch {
    return false
  }
}

/** What node (and tsx's loader) cost before any of our code runs. */
async function idleNode(args: string[]): Promise<number> {
  const child = spawn(process.execPath, [...args, '-e', 'setInterval(() => {}, 1 << 30)'], { cwd: ROOT, stdio: 'ignore' })
  try {
    await sleep(1500)
    return memory(child.pid!).rss
  } finally {
    await stop(child)
  }
}

export async function run(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build:server', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) throw new Error(`npm run build:server failed (${build.status ?? build.signal})`)
  line(B, `measuring node ${startArgs().join(' ')}, as npm start runs it`)
  line(B, `for scale, an empty script idles at ${mb(await idleNode([]))} in plain node (as below), ${mb(await idleNode(['--import', 'tsx']))} under node --import tsx`)
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-'))
  try {
    report('PGlite, new data dir', await measure('PGlite first start', { DATA_DIR: dataDir }), GOAL_PGLITE_FIRST_MB, ' with PGlite, first start')
    report('PGlite, existing data dir', await measure('PGlite restart', { DATA_DIR: dataDir }), GOAL_PGLITE_REOPEN_MB, ' with PGlite, reopening')
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }

  if (!(await postgresReachable())) {
    line(B, `PostgreSQL not reachable at ${PG_URL}: the BFF-only figure is skipped`)
    return
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`
  try {
    report('PostgreSQL (BFF alone)', await measure('PostgreSQL', { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema }), GOAL_BFF_MB, '')
  } finally {
    const c = new pg.Client({ connectionString: PG_URL })
    await c.connect()
    await c.query(`drop schema if exists ${schema} cascade`)
    await c.end()
  }
}
