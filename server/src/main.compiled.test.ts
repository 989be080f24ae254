/**
 * The compiled BFF that `npm start` runs: `npm run build:server` bundles
 * server/dist/main.js, and plain node (no TypeScript loader) starts it, seeds
 * the demo catalogue into an in-memory PGlite and answers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from './testing'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))

describe('server/dist/main.js', () => {
  let child: ChildProcess
  let base = ''
  let output = ''

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', 'build:server', '--silent'], { cwd: ROOT, encoding: 'utf8' })
    expect(build.status, build.stderr).toBe(0)
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    child = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'memory://', WEB_ROOT: '', LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout!.on('data', (d: Buffer) => { output += d.toString() })
    child.stderr!.on('data', (d: Buffer) => { output += d.toString() })
    const until = Date.now() + 90_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`main.js exited with ${child.exitCode}: ${output}`)
      if (Date.now() > until) throw new Error(`/healthz not 200 after 90 s: ${output}`)
      if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break
      await new Promise((r) => setTimeout(r, 200))
    }
  }, 120_000)

  afterAll(async () => {
    if (!child || child.exitCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  })

  it('starts under plain node and answers /healthz', async () => {
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', db: 'pglite' })
  })

  it('serves the demo catalogue it seeded (bundled seed data, core search)', async () => {
    const body = (await (await fetch(`${base}/api/items?q=sfz`)).json()) as { items: { code: string }[] }
    expect(body.items.map((i) => i.code)).toContain('GA-0001')
    expect((await fetch(`${base}/api/items/GA-0001`)).status).toBe(200)
  })
})
