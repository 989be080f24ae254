/**
 * The BFF the simulated mini-program talks to: the real one
 * (server/src/testing.ts: Fastify + in-memory PGlite + demo catalogue) when
 * it exists, otherwise a small local fake serving the same two routes.
 */
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import http from 'node:http'
import { resolve } from 'node:path'
import { shanghaiDate, type CatalogueSnapshot, type Item, type RealName } from '@tongban/core'
import { realNameFor } from '../../../server/src/testing-people'
import { REPO_ROOT } from './ensure-built'
import { startFakeBff } from './fake-bff'

/** Today (YYYY-MM-DD, Asia/Shanghai) for a mini-program test that needs the real day: the one helper these tests take it from. */
export function today(now = Date.now()): string {
  return shanghaiDate(now)
}

export interface TestBff {
  url: string
  kind: 'real' | 'fake'
  close(): Promise<void>
  /**
   * Signs the account in on "another device" straight through the BFF's
   * session service (startBffProcess only): a second SMS code for the same
   * phone would have to wait a minute.
   */
  signInElsewhere?(accountId: string): Promise<string>
  /**
   * Moves every event of a case (and its submission) `days` calendar days
   * into the past, straight in the BFF's database (startBffProcess only):
   * the case's clocks then show the light they would after that time.
   */
  backdateCase?(caseNo: string, days: number): Promise<void>
}

const TESTING = resolve(REPO_ROOT, 'server/src/testing.ts')

/** Whether startBff() will start the real BFF (the fake one has no sign-in). */
export function realBffWanted(): boolean {
  return process.env.MINIPROGRAM_TEST_BFF !== 'fake' && existsSync(TESTING)
}

/** MINIPROGRAM_TEST_BFF=fake forces the local fake (e.g. while the BFF is being changed). */
export async function startBff(): Promise<TestBff> {
  if (realBffWanted()) {
    const mod = (await import(/* @vite-ignore */ TESTING)) as { startTestServer(): Promise<{ url: string; close(): Promise<void> }> }
    const server = await mod.startTestServer()
    return { url: server.url.replace(/\/+$/, ''), kind: 'real', close: () => server.close() }
  }
  const fake = await startFakeBff()
  return { ...fake, kind: 'fake' }
}

/**
 * The real BFF in a child process (support/bff-process.ts). Use it under
 * happy-dom whenever the BFF itself makes HTTP calls (sending an SMS):
 * in this process they would go through the DOM's fetch.
 */
export async function startBffProcess(): Promise<TestBff> {
  const child = fork(resolve(import.meta.dirname, 'bff-process.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let next = 0
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('the BFF process did not start within 120 s')), 120_000)
    child.once('exit', (code) => reject(new Error(`the BFF process exited (${code}) before it was ready`)))
    child.on('message', (raw) => {
      const m = raw as { ready?: boolean; url?: string; id?: number; ok?: boolean; value?: unknown; error?: string }
      if (m.ready && m.url) {
        clearTimeout(timer)
        resolveUrl(m.url.replace(/\/+$/, ''))
        return
      }
      const w = m.id === undefined ? undefined : waiting.get(m.id)
      if (!w) return
      waiting.delete(m.id!)
      if (m.ok) w.resolve(m.value)
      else w.reject(new Error(m.error ?? 'the BFF process failed'))
    })
  })
  function call<T>(message: Record<string, unknown>): Promise<T> {
    const id = ++next
    return new Promise<T>((res, rej) => {
      waiting.set(id, { resolve: (v) => res(v as T), reject: rej })
      child.send({ id, ...message })
    })
  }
  return {
    url,
    kind: 'real',
    signInElsewhere: (accountId) => call<string>({ op: 'signInElsewhere', accountId }),
    backdateCase: (caseNo, days) => call<void>({ op: 'backdateCase', caseNo, days }),
    async close() {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      await call({ op: 'close' }).catch(() => undefined)
      await exited
    },
  }
}

/** node:http, not fetch: under happy-dom, fetch is the DOM's and applies CORS. */
export function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  return new Promise((resolvePromise, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        try {
          resolvePromise({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T })
        } catch (e) {
          reject(e)
        }
      })
    }).on('error', reject)
  })
}

export async function fetchCatalogue(bff: TestBff): Promise<CatalogueSnapshot> {
  const { status, body } = await getJson<CatalogueSnapshot>(`${bff.url}/api/catalogue`)
  if (status !== 200) throw new Error(`GET /api/catalogue answered ${status}`)
  return body
}

export async function fetchItem(bff: TestBff, code: string): Promise<Item> {
  const { status, body } = await getJson<Item>(`${bff.url}/api/items/${encodeURIComponent(code)}`)
  if (status !== 200) throw new Error(`GET /api/items/${code} answered ${status}`)
  return body
}

/** The SMS code last sent to `phone`, from the BFF's dev inbox (newest first). */
export async function smsCodeFor(bff: TestBff, phone: string): Promise<string> {
  const { status, body } = await getJson<{ phone: string; text: string; at: string }[]>(`${bff.url}/dev/inbox.json`)
  if (status !== 200) throw new Error(`GET /dev/inbox.json answered ${status}`)
  const message = body.find((m) => m.phone === phone && /验证码为\d{6}/.test(m.text)) // the newest code: a progress message may have come since
  const code = message && /验证码为(\d{6})/.exec(message.text)?.[1]
  if (!code) throw new Error(`no code for ${phone} in the dev inbox: ${JSON.stringify(body.slice(0, 3))}`)
  return code
}

/**
 * Signs a citizen in by SMS code straight through the BFF and, as applying needs one, gives them a real name
 * (realNameFor(phone): 王芳 with an ID number of their own, unless told otherwise; `false`: none, a new phone as it
 * first signs in).
 * Returns the session token.
 */
export async function signInThroughBff(bff: TestBff, phone: string, realName: RealName | false = realNameFor(phone)): Promise<string> {
  const sent = await postJson(`${bff.url}/api/auth/sms/send`, { phone })
  if (sent.status !== 202) throw new Error(`sms/send answered ${sent.status}`)
  const code = await smsCodeFor(bff, phone)
  const verified = await postJson<{ token: string }>(`${bff.url}/api/auth/sms/verify`, { phone, code })
  if (verified.status !== 200) throw new Error(`sms/verify answered ${verified.status}`)
  const token = verified.body.token
  if (realName) {
    const given = await putJson(`${bff.url}/api/me/profile`, realName, { Authorization: `Bearer ${token}` })
    if (given.status !== 200) throw new Error(`me/profile answered ${given.status}: ${JSON.stringify(given.body)}`)
  }
  return token
}

/** POSTs JSON with node:http (see getJson), e.g. to use a code up before the mini-program does. */
export function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  return sendJson<T>('POST', url, body, headers)
}

/** PUTs JSON, e.g. a draft saved "on another device". */
export function putJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  return sendJson<T>('PUT', url, body, headers)
}

function sendJson<T>(method: string, url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: T }> {
  const payload = JSON.stringify(body)
  return new Promise((resolvePromise, reject) => {
    const req = http.request(url, { method, headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        try {
          resolvePromise({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T })
        } catch (e) {
          reject(e)
        }
      })
    })
    req.on('error', reject)
    req.end(payload)
  })
}

/** A wx.login code the BFF's fake WeChat API accepts once for `openid` (GET /dev/wechat/login-code). */
export async function wechatLoginCode(bff: TestBff, openid: string): Promise<string> {
  const { status, body } = await getJson<{ code: string }>(`${bff.url}/dev/wechat/login-code?openid=${encodeURIComponent(openid)}`)
  if (status !== 200) throw new Error(`GET /dev/wechat/login-code answered ${status}`)
  return body.code
}

/** A getPhoneNumber code for `phone` the BFF's fake WeChat API accepts once (GET /dev/wechat/phone-code). */
export async function wechatPhoneCode(bff: TestBff, phone: string): Promise<string> {
  const { status, body } = await getJson<{ code: string }>(`${bff.url}/dev/wechat/phone-code?phone=${encodeURIComponent(phone)}`)
  if (status !== 200) throw new Error(`GET /dev/wechat/phone-code answered ${status}`)
  return body.code
}

export { realNameFor, residentIdFor } from '../../../server/src/testing-people'
