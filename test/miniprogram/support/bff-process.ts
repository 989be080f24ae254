/**
 * The real BFF (server/src/testing.ts) in a Node process of its own, for
 * tests that run under happy-dom: there the global fetch is the DOM's (it
 * applies CORS), and the BFF's SMS client, which fetches the local fake SMS
 * provider, must not use it. Started by startBffProcess() in bff.ts over an
 * IPC channel; exits when that channel closes.
 */
import { resolve } from 'node:path'

interface TestServer {
  url: string
  app: {
    sessions: { create(accountId: string, userAgent?: string): Promise<{ token: string }> }
    db: { query(sql: string, params?: unknown[]): Promise<unknown[]> }
  }
  close(): Promise<void>
}

// Imported by path, as bff.ts does: the server's sources stay out of this test project's type check.
const TESTING = resolve(import.meta.dirname, '../../../server/src/testing.ts')
const { startTestServer } = (await import(/* @vite-ignore */ TESTING)) as { startTestServer(): Promise<TestServer> }

type Request =
  | { id: number; op: 'signInElsewhere'; accountId: string }
  | { id: number; op: 'signInByPhone'; phone: string }
  | { id: number; op: 'backdateCase'; caseNo: string; days: number }
  | { id: number; op: 'close' }

const send = (message: unknown) => process.send?.(message)

const server = await startTestServer()
let closing = false

async function shutdown(): Promise<void> {
  if (closing) return
  closing = true
  await server.close().catch(() => undefined)
  process.exit(0)
}

process.on('disconnect', () => void shutdown())
process.on('message', (raw) => {
  const req = raw as Request
  void (async () => {
    try {
      if (req.op === 'close') {
        send({ id: req.id, ok: true })
        await shutdown()
        return
      }
      if (req.op === 'backdateCase') {
        // Every step of the case happened `days` earlier: its clocks (computed from the events' times) run on from there.
        const shift = [req.caseNo, `${req.days} days`]
        await server.app.db.query(`update case_events set at = at - $2::interval where case_id = (select id from cases where case_no = $1)`, shift)
        await server.app.db.query(`update cases set submitted_at = submitted_at - $2::interval where case_no = $1`, shift)
        send({ id: req.id, ok: true })
        return
      }
      if (req.op === 'signInByPhone') {
        // An account made by an agent's consent: signed in without the SMS the consent's text just rate-limited.
        const [account] = (await server.app.db.query('select id from accounts where phone = $1', [req.phone])) as { id: string }[]
        if (!account) throw new Error(`no account for ${req.phone}`)
        send({ id: req.id, ok: true, value: (await server.app.sessions.create(account.id)).token })
        return
      }
      const { token } = await server.app.sessions.create(req.accountId, 'another device')
      send({ id: req.id, ok: true, value: token })
    } catch (e) {
      send({ id: req.id, ok: false, error: String(e) })
    }
  })()
})

send({ ready: true, url: server.url })
