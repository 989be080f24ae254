// @vitest-environment happy-dom
/**
 * 微信一键登录 and 绑定手机号 on the built mini-program (miniprogram/dist)
 * under miniprogram-simulate, against the real BFF and its local fake WeChat
 * API: the shim's wx.login answers a code from /dev/wechat/login-code for the
 * test's own openid, and the getPhoneNumber button's event carries a code
 * from /dev/wechat/phone-code, as WeChat's would.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { maskMobile, PROBLEMS, type AccountView, type SessionResult } from '@tongban/core'
import { TOKEN_KEY } from '@tongban/app'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import {
  getJson, postJson, realBffWanted, smsCodeFor, startBffProcess, wechatLoginCode, wechatPhoneCode, type TestBff,
} from './support/bff'
import { attr, startMiniProgram, waitFor, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

/** The brief's words for a refused getPhoneNumber (the page's PHONE_REFUSED). */
const PHONE_REFUSED = '未获得手机号授权，可以稍后在“我的”里绑定'
const WHY_BIND = '绑定后，在网页上用同一手机号登录也是同一个账户'

let bff: TestBff
let mp: MiniProgram

let n = 0
/** A phone number no other test (here or in login.test.ts, 137…) has used. */
const newPhone = () => `136${String(50_000_000 + ++n).slice(-8)}`
/** A WeChat user of this test's own. */
const newOpenid = () => `mp-wx-${Date.now().toString(36)}-${++n}`

describe.skipIf(!realBffWanted())('微信一键登录 and 绑定手机号', () => {
  beforeAll(async () => {
    ensureMiniprogramBuilt()
    // Its own process: the BFF sends SMS over fetch, which happy-dom replaces here.
    bff = await startBffProcess()
    mp = startMiniProgram(DIST, { bffUrl: bff.url })
  })

  afterAll(async () => {
    await bff?.close()
  })

  beforeEach(() => {
    // Every test starts signed out, as a WeChat user of its own, with no calls recorded.
    mp.wx.storage.delete(TOKEN_KEY)
    mp.wx.calls.length = 0
    mp.wx.requests.length = 0
    mp.wx.loginCodes.length = 0
    mp.wx.wechatOpenid = newOpenid()
  })

  const storedToken = () => mp.wx.storage.get(TOKEN_KEY) as string | undefined
  const called = (name: string) => mp.wx.calls.filter((c) => c.name === name).map((c) => c.options as Record<string, unknown>)
  const sent = (path: string) => mp.wx.requests.filter((r) => r.method === 'POST' && r.url.endsWith(path))
  const me = (token: string) => getJson<AccountView>(`${bff.url}/api/me`, { Authorization: `Bearer ${token}` })

  function button(page: OpenedPage, label: string): RenderedNode {
    const node = page.findTappable(label)
    if (!node) throw new Error(`no button “${label}” on the page:\n${page.text()}`)
    return node
  }

  function bindButton(page: OpenedPage): RenderedNode {
    const node = page.findByClass('bind-phone__button')
    if (!node) throw new Error(`no 绑定手机号 button on the page:\n${page.text()}`)
    return node
  }

  /** What WeChat sends the getPhoneNumber button once the citizen allows `phone`. */
  async function allowPhone(page: OpenedPage, phone: string): Promise<void> {
    const code = await wechatPhoneCode(bff, phone)
    await page.trigger(bindButton(page), 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code })
  }

  /** Ticks 我已阅读并同意《用户服务协议》《隐私政策》, which 微信一键登录 waits for. */
  async function agree(page: OpenedPage): Promise<void> {
    await page.tap(page.findByClass('agree__box')!)
    await waitFor(() => page.findByClass('agree__mark--on'), 5_000, 'the ticked box')
  }

  /** Taps 微信一键登录 on a fresh login page; resolves once the token is stored and 绑定手机号 shows. */
  async function wechatSignIn(): Promise<{ page: OpenedPage; token: string }> {
    const page = await mp.openPage('pages/login/index')
    await page.waitForText((t) => t.includes('微信一键登录'))
    await agree(page)
    await page.tap(button(page, '微信一键登录'))
    const token = await waitFor(storedToken, 10_000, 'the session token in storage')
    await page.waitForText((t) => t.includes('暂不绑定'))
    return { page, token }
  }

  /** Signs `phone` in by SMS as the web would, with the code from /dev/inbox.json. */
  async function smsSignIn(phone: string): Promise<SessionResult> {
    const asked = await postJson(`${bff.url}/api/auth/sms/send`, { phone })
    expect(asked.status).toBe(202)
    const code = await smsCodeFor(bff, phone)
    const res = await postJson<SessionResult>(`${bff.url}/api/auth/sms/verify`, { phone, code })
    expect(res.status).toBe(200)
    return res.body
  }

  it('shows 微信一键登录 above the SMS form, which stays as the alternative', async () => {
    const page = await mp.openPage('pages/login/index')
    const text = await page.waitForText((t) => t.includes('微信一键登录') && t.includes('获取验证码'))
    expect(text.indexOf('微信一键登录')).toBeLessThan(text.indexOf('或使用手机号验证码登录'))
    expect(text.indexOf('或使用手机号验证码登录')).toBeLessThan(text.indexOf('手机号码'))
    // The primary button, as NutUI draws it.
    expect(String(attr(button(page, '微信一键登录'), 'class'))).toContain('nut-button--primary')
    page.unload()
  })

  it('one-tap login makes a session: the token is kept, and 我的 shows the account without a phone', async () => {
    const { page, token } = await wechatSignIn()
    expect(called('login')).toHaveLength(1)
    expect(sent('/api/auth/wechat/login').at(-1)?.status).toBe(200)
    expect(token).toMatch(/\S{20,}/)
    const account = await me(token)
    expect(account).toMatchObject({ status: 200, body: { phone: null } })

    // A new WeChat account has no phone: the second step offers to bind one.
    const text = page.text()
    expect(text).toContain('绑定手机号')
    expect(text).toContain(WHY_BIND)
    expect(text).not.toContain('获取验证码')
    expect(attr(bindButton(page), 'openType')).toBe('getPhoneNumber')

    await page.tap(button(page, '暂不绑定'))
    await waitFor(() => called('switchTab').length > 0, 5_000, 'switchTab')
    expect(called('switchTab')[0]).toMatchObject({ url: '/pages/me/index' })
    expect(called('showToast')).toContainEqual(expect.objectContaining({ title: '登录成功' }))
    expect(storedToken()).toBe(token)
    page.unload()

    const mePage = await mp.openPage('pages/me/index')
    const meText = await mePage.waitForText((t) => t.includes('未绑定') && t.includes('退出登录'))
    expect(meText).not.toContain('还没有登录')
    // The same bind button, with the same explanation.
    expect(meText).toContain(WHY_BIND)
    expect(attr(bindButton(mePage), 'openType')).toBe('getPhoneNumber')
    const asked = await waitFor(() => mp.wx.requests.filter((r) => r.url.endsWith('/api/me') && r.status !== null).at(-1), 5_000, 'GET /api/me')
    expect(asked).toMatchObject({ status: 200, header: { Authorization: `Bearer ${token}` } })
    mePage.unload()
  })

  it('binding the phone stores the new token (the old one is revoked), and 我的 shows the masked phone', async () => {
    const phone = newPhone()
    const { page, token: first } = await wechatSignIn()
    const { body: before } = await me(first)

    await allowPhone(page, phone)
    const token = await waitFor(() => storedToken() !== first && storedToken(), 10_000, 'the new session token')
    expect(sent('/api/auth/wechat/phone').at(-1)).toMatchObject({ status: 200, header: { Authorization: `Bearer ${first}` } })
    await waitFor(() => called('switchTab').length > 0, 5_000, 'switchTab')
    expect(called('switchTab')[0]).toMatchObject({ url: '/pages/me/index' })
    expect(called('showToast')).toContainEqual(expect.objectContaining({ title: '手机号已绑定' }))
    page.unload()

    expect(await me(token)).toMatchObject({ status: 200, body: { id: before.id, phone } })
    expect((await me(first)).status).toBe(401)

    const mePage = await mp.openPage('pages/me/index')
    const text = await mePage.waitForText((t) => t.includes(maskMobile(phone)))
    expect(text).not.toContain('未绑定')
    expect(text).not.toContain(phone)
    expect(mePage.findByClass('bind-phone__button')).toBeNull()
    mePage.unload()
  })

  it('binding a phone that signed in by SMS before ends on that same account', async () => {
    const phone = newPhone()
    const web = await smsSignIn(phone)
    expect(web.account.phone).toBe(phone)

    const { page, token: first } = await wechatSignIn()
    const { body: wechatOnly } = await me(first)
    expect(wechatOnly.id).not.toBe(web.account.id)

    await allowPhone(page, phone)
    const token = await waitFor(() => storedToken() !== first && storedToken(), 10_000, 'the new session token')
    await waitFor(() => called('switchTab').length > 0, 5_000, 'switchTab')
    page.unload()
    expect(await me(token)).toMatchObject({ status: 200, body: { id: web.account.id, phone } })
    // The web session of that account is untouched.
    expect(await me(web.token)).toMatchObject({ status: 200, body: { id: web.account.id } })

    const mePage = await mp.openPage('pages/me/index')
    await mePage.waitForText((t) => t.includes(maskMobile(phone)))
    mePage.unload()
  })

  it('a refused phone permission keeps the citizen signed in, and says where to bind later', async () => {
    const { page, token } = await wechatSignIn()
    await page.trigger(bindButton(page), 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' })
    await waitFor(() => called('showToast').length > 0, 5_000, 'a toast')
    expect(called('showToast')).toContainEqual(expect.objectContaining({ title: PHONE_REFUSED }))
    await waitFor(() => called('switchTab').length > 0, 5_000, 'switchTab')
    expect(sent('/api/auth/wechat/phone')).toEqual([])
    expect(storedToken()).toBe(token)
    expect(await me(token)).toMatchObject({ status: 200, body: { phone: null } })
    page.unload()

    // 我的 still knows the citizen, and refusing there too says so on the page.
    const mePage = await mp.openPage('pages/me/index')
    await mePage.waitForText((t) => t.includes('未绑定') && t.includes('退出登录'))
    await mePage.trigger(bindButton(mePage), 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' })
    await mePage.waitForText((t) => t.includes('未获得手机号授权'))
    expect(storedToken()).toBe(token)

    // Then allowing it on 我的 binds it there.
    const phone = newPhone()
    await allowPhone(mePage, phone)
    await mePage.waitForText((t) => t.includes(maskMobile(phone)) && !t.includes('未绑定'))
    const next = storedToken()!
    expect(next).not.toBe(token)
    expect(await me(next)).toMatchObject({ status: 200, body: { phone } })
    await waitFor(() => called('showToast').some((o) => o.title === '手机号已绑定'), 5_000, 'the 手机号已绑定 toast')
    mePage.unload()
  })

  it('a wx.login code used already shows the BFF’s Chinese title and keeps no token', async () => {
    const code = await wechatLoginCode(bff, mp.wx.wechatOpenid)
    expect((await postJson(`${bff.url}/api/auth/wechat/login`, { code })).status).toBe(200)
    mp.wx.loginCodes.push(code)

    const page = await mp.openPage('pages/login/index')
    await page.waitForText((t) => t.includes('微信一键登录'))
    await agree(page)
    await page.tap(button(page, '微信一键登录'))
    await page.waitForText((t) => t.includes(PROBLEMS.WECHAT_CODE_INVALID.title))
    expect(PROBLEMS.WECHAT_CODE_INVALID.title).toBe('微信登录已过期，请重新进入小程序再试')
    expect(sent('/api/auth/wechat/login').at(-1)?.status).toBe(400)
    expect(storedToken()).toBeUndefined()
    expect(called('switchTab')).toEqual([])
    expect(called('navigateBack')).toEqual([])
    // Still on the first step, with the SMS form to fall back on.
    expect(page.text()).toContain('获取验证码')
    expect(page.text()).not.toContain('暂不绑定')
    page.unload()
  })

  it('offline, says the network is gone, not that WeChat is busy', async () => {
    const page = await mp.openPage('pages/login/index')
    await page.waitForText((t) => t.includes('微信一键登录'))
    await agree(page)
    mp.wx.setNetwork(false)
    try {
      await page.tap(button(page, '微信一键登录'))
      const text = await page.waitForText((t) => t.includes(PROBLEMS.NETWORK.title))
      expect(text).not.toContain(PROBLEMS.WECHAT_UNAVAILABLE.title)
      expect(storedToken()).toBeUndefined()
    } finally {
      mp.wx.setNetwork(true)
    }
    page.unload()
  })

  it('renders every element it is given (no missing WXML templates)', () => {
    expect(mp.renderErrors).toEqual([])
  })
})
