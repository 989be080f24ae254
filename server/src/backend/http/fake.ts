/**
 * A reference approval system on 127.0.0.1, for the tests and the embedded
 * `APPROVAL_BACKEND=http` demo. It speaks the contract in contract.ts the
 * way a real one would:
 *
 * - `POST /cases` needs our bearer token (401 otherwise), an
 *   `Idempotency-Key` equal to the case number (400), a whole body (422
 *   with the missing fields); a case handed over again answers 200 with the
 *   same externalId, a new one 201. It can be told to fail the next calls
 *   (503, or drop the connection).
 * - Its departments' work is driven from the test (`report`): only for a
 *   case it holds, each status sent as a webhook signed with the shared
 *   secret — its own signing code, written apart from ours so a bug in
 *   contract.ts is not mirrored here.
 */
import { createHmac, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listenLocal } from '../../connectors/fake-http'
import type { HandoverCase, WebhookEvent } from './contract'

type Report = WebhookEvent extends infer W ? W extends unknown ? Omit<W, 'id' | 'caseNo' | 'occurredAt'> : never : never

export interface FakeApprovalOptions {
  token: string
  webhookSecret: string
  /** Where its webhooks go; may be set after the BFF listens. */
  webhookUrl?: string
  now?: () => number
}

export interface FakeApprovalServer {
  url: string
  setWebhookUrl(url: string): void
  /** Cases handed over, by case number, with how many times each was sent. */
  cases(): Map<string, { externalId: string; body: HandoverCase; deliveries: number }>
  /** Handover calls seen (every attempt, failed or not). */
  calls(): number
  /** The next n calls answer this HTTP status (or lose the connection with 'drop'). */
  failNext(n: number, how: number | 'drop'): void
  /** The next call is slow: it answers only once the returned function is called. */
  holdNext(): () => void
  /** A department of the system did something: send it as a signed webhook; the BFF's answer. */
  report(caseNo: string, what: Report, opts?: { id?: string; occurredAt?: string }): Promise<{ status: number; body: unknown; id: string }>
  /** Send a raw webhook with the given headers (forged or stale ones, in tests). */
  deliver(body: string, headers: Record<string, string>): Promise<{ status: number; body: unknown; contentType: string | null }>
  /** The headers a body would be signed with at `seconds` (Unix time). */
  signatureFor(body: string, seconds: number): Record<string, string>
  close(): Promise<void>
}

const REQUIRED: (keyof HandoverCase)[] = ['caseNo', 'itemCode', 'itemName', 'departments', 'acceptedAt', 'acceptedDay', 'form', 'materials']

export async function startFakeApprovalServer(opts: FakeApprovalOptions): Promise<FakeApprovalServer> {
  const now = opts.now ?? Date.now
  let webhookUrl = opts.webhookUrl ?? ''
  const held = new Map<string, { externalId: string; body: HandoverCase; deliveries: number }>()
  let calls = 0
  let failures: { n: number; how: number | 'drop' } = { n: 0, how: 503 }
  let seq = 0
  let held_: Promise<void> | null = null

  const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type })
    res.end(JSON.stringify(body))
  }
  const problem = (res: ServerResponse, status: number, title: string, extra: object = {}) =>
    json(res, status, { type: 'about:blank', title, status, ...extra }, 'application/problem+json')

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    if (req.method !== 'POST' || req.url !== '/cases') return problem(res, 404, 'Not Found')
    calls++
    if (held_) {
      const wait = held_
      held_ = null
      await wait
    }
    if (failures.n > 0) {
      failures.n--
      if (failures.how === 'drop') {
        req.socket.destroy()
        return
      }
      return problem(res, failures.how, 'Service Unavailable')
    }
    if (req.headers.authorization !== `Bearer ${opts.token}`) return problem(res, 401, 'invalid token')
    let body: HandoverCase
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as HandoverCase
    } catch {
      return problem(res, 400, 'body is not JSON')
    }
    const missing = REQUIRED.filter((k) => body[k] === undefined || body[k] === null)
    if (missing.length || !Array.isArray(body.departments) || !body.departments.length) {
      return problem(res, 422, 'incomplete case', { missing: missing.length ? missing : ['departments'] })
    }
    if (req.headers['idempotency-key'] !== body.caseNo) return problem(res, 400, 'Idempotency-Key must be the case number')
    const known = held.get(body.caseNo)
    if (known) {
      known.deliveries++
      return json(res, 200, { externalId: known.externalId })
    }
    const externalId = `SP${String(++seq).padStart(8, '0')}`
    held.set(body.caseNo, { externalId, body, deliveries: 1 })
    return json(res, 201, { externalId })
  }

  const { server, url } = await listenLocal(handle, (res) => problem(res, 500, 'Internal Server Error'))

  const signatureFor = (body: string, seconds: number): Record<string, string> => ({
    'content-type': 'application/json',
    'x-tongban-timestamp': String(seconds),
    'x-tongban-signature': `v1=${createHmac('sha256', opts.webhookSecret).update(`${seconds}.${body}`).digest('hex')}`,
  })

  async function deliver(body: string, headers: Record<string, string>) {
    if (!webhookUrl) throw new Error('fake approval system: no webhook URL yet')
    const res = await fetch(webhookUrl, { method: 'POST', body, headers })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch { /* not JSON */ }
    return { status: res.status, body: parsed, contentType: res.headers.get('content-type') }
  }

  return {
    url,
    setWebhookUrl: (u) => { webhookUrl = u },
    cases: () => held,
    calls: () => calls,
    failNext: (n, how) => { failures = { n, how } },
    holdNext: () => {
      let release = () => {}
      held_ = new Promise<void>((r) => { release = r })
      return release
    },
    async report(caseNo, what, o = {}) {
      if (!held.has(caseNo)) throw new Error(`fake approval system does not hold case ${caseNo}`)
      const id = o.id ?? `evt-${randomUUID()}`
      const body = JSON.stringify({ id, caseNo, occurredAt: o.occurredAt ?? new Date(now()).toISOString(), ...what })
      return { ...(await deliver(body, signatureFor(body, Math.floor(now() / 1000)))), id }
    },
    deliver,
    signatureFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
