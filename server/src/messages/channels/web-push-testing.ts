/**
 * Test support: a real push service on this machine — the npm package
 * `web-push-testing` (it checks each request's VAPID JWT against the key the
 * subscription was made with and decrypts the payload) — started on a free
 * port as a child process, stopped by close(). It listens on every
 * interface (the package gives no choice), so only tests start it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'

export interface TestSubscription {
  endpoint: string
  keys: { p256dh: string; auth: string }
  clientHash: string
}

export interface PushTestingService {
  url: string
  /** What a browser's pushManager.subscribe would give, for this application server key. */
  subscribe(applicationServerKey: string): Promise<TestSubscription>
  /** The decrypted payloads the subscription received, oldest first. */
  messages(clientHash: string): Promise<string[]>
  /** From now on the endpoint answers 410 Gone, as after the browser dropped it. */
  expire(clientHash: string): Promise<void>
  close(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

export async function startPushTestingService(): Promise<PushTestingService> {
  const port = await freePort()
  const script = createRequire(import.meta.url).resolve('web-push-testing/src/bin/server.js')
  const child: ChildProcess = spawn(process.execPath, [script, String(port)], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString() })
  const url = `http://127.0.0.1:${port}`
  const post = async (path: string, body?: object) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) })

  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`web-push-testing exited (${child.exitCode}): ${stderr}`)
    try {
      if ((await post('/status')).ok) break
    } catch { /* not listening yet */ }
    if (i > 100) { child.kill(); throw new Error(`web-push-testing did not start on port ${port}: ${stderr}`) }
    await new Promise((r) => setTimeout(r, 100))
  }

  return {
    url,
    async subscribe(applicationServerKey) {
      // userVisibleOnly must be the string "true": a JSON boolean is refused (400).
      const res = await post('/subscribe', { applicationServerKey, userVisibleOnly: 'true' })
      if (!res.ok) throw new Error(`subscribe answered ${res.status}: ${await res.text()}`)
      return ((await res.json()) as { data: TestSubscription }).data
    },
    async messages(clientHash) {
      const res = await post('/get-notifications', { clientHash })
      if (!res.ok) throw new Error(`get-notifications answered ${res.status}: ${await res.text()}`)
      return ((await res.json()) as { data: { messages: string[] } }).data.messages
    },
    async expire(clientHash) {
      const res = await post(`/expire-subscription/${clientHash}`)
      if (!res.ok) throw new Error(`expire-subscription answered ${res.status}`)
    },
    async close() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill()
      await exited
    },
  }
}
