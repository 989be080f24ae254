// @vitest-environment happy-dom
/**
 * 登录后预约 from the independent subpackage 排队取号 (appointments.test.ts
 * checks that its pages open `/pages/login/index?next=<the booking page>`):
 * the main package's login page, opened with that `next`, signs the
 * citizen in by SMS and goes on to the booking page in its place
 * (redirectTo), not to 我的. WeChat downloads the main package when an
 * independent subpackage opens one of its pages; the simulator runs one
 * package per process, so the main package is started here, in a file of
 * its own. The BFF runs in this process with its SMS kept here: its default
 * provider posts through `fetch`, happy-dom's in this environment.
 */
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_KEY } from '@tongban/app'
import { DIST, REPO_ROOT, ensureMiniprogramBuilt } from './support/ensure-built'
import { startMiniProgram, waitFor, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

const BOOKING = '/packages/queue/pages/appointments/index?hallId=sls-zwfwzx'
const PHONE = '13966880002'

interface TestServer {
  url: string
  app: { inject(opts: { method?: string; url: string; payload?: unknown }): Promise<{ statusCode: number }> }
  close(): Promise<void>
}

const sent: { phone: string; template: string; params: Record<string, string> }[] = []
const sms = { send: async (m: { phone: string; template: string; params: Record<string, string> }) => { sent.push(m); return { ok: true as const, providerId: `test-${sent.length}` } } }

let server: TestServer
let mp: MiniProgram

beforeAll(async () => {
  ensureMiniprogramBuilt()
  const { startTestServer } = (await import(/* @vite-ignore */ resolve(REPO_ROOT, 'server/src/testing.ts'))) as {
    startTestServer(opts: { config: Record<string, unknown>; sms: typeof sms }): Promise<TestServer>
  }
  server = await startTestServer({ config: { processRole: 'web' }, sms })
  mp = startMiniProgram(DIST, { bffUrl: server.url })
})

afterAll(async () => {
  await server?.close()
})

const called = (name: string) => mp.wx.calls.filter((c) => c.name === name).map((c) => c.options as Record<string, unknown>)
function found(node: RenderedNode | null, what: string, page: OpenedPage): RenderedNode {
  if (!node) throw new Error(`no ${what} on the page:\n${page.text()}`)
  return node
}

describe('登录后预约', () => {
  it('signs in on the main package’s login page and goes on to the booking page', async () => {
    const page = await mp.openPage('pages/login/index', { next: encodeURIComponent(BOOKING) })
    await page.waitForText((t) => t.includes('获取验证码'))
    await page.tap(found(page.findByClass('agree__box'), 'the agreements box', page))
    await waitFor(() => page.findByClass('agree__mark--on'), 5_000, 'the ticked box')
    await page.type(found(page.findByClass('login__input--phone'), 'the phone field', page), PHONE)
    await page.tap(found(page.findTappable('获取验证码'), '获取验证码', page))
    const code = await waitFor(() => sent.find((m) => m.phone === PHONE && m.template === 'login_code')?.params.code, 10_000, 'the SMS code')
    await page.type(found(page.findByClass('login__input--code'), 'the code field', page), code)
    await page.tap(found(page.findTappable('登录'), '登录', page))
    await waitFor(() => mp.wx.storage.get(TOKEN_KEY), 10_000, 'the session token in storage')
    expect(await waitFor(() => called('redirectTo')[0], 5_000, 'the booking page')).toMatchObject({ url: BOOKING })
    expect(called('switchTab')).toEqual([])
    page.unload()
  })
})
