/**
 * The product as `npm start` runs it (server/src/main.ts with the built PWA,
 * embedded PGlite in a temp dir), and where Chromium is: used by the browser
 * tests and by the benchmarks (no test runner needed here).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const ARTIFACTS = join(ROOT, 'test/artifacts')
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run']

/**
 * The environment Chromium runs in: ours, without libfaketime's preload.
 * Chromium's zygote dies under it, so when the suite runs under `faketime`
 * (to prove no test depends on the day it runs) the browser keeps the real
 * clock and `browserClockAt` gives its pages the faked one instead.
 */
export function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME')) env[k] = v
  return env
}

/** Under faketime, the time this process reads (the faked one), for the browser's pages; otherwise null. */
export function browserClockAt(): number | null {
  return process.env.FAKETIME !== undefined || (process.env.LD_PRELOAD ?? '').includes('faketime') ? Date.now() : null
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => (a && typeof a === 'object' ? res(a.port) : rej(new Error('no port'))))
    })
  })
}

export interface Product {
  url: string
  stop(): Promise<void>
}

/** Starts the server the way `npm start` does (after its build step). */
export async function startProduct(env: Record<string, string> = {}): Promise<Product> {
  if (!existsSync(join(ROOT, 'packages/web/dist/index.html'))) {
    throw new Error('packages/web/dist is missing: run `npm run build:web` first (npm test does)')
  }
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-e2e-'))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '100000', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error('server did not become healthy in 60 s')
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
