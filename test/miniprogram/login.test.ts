// @vitest-environment happy-dom
/**
 * Signing in on the built mini-program (miniprogram/dist) under
 * miniprogram-simulate, against the real BFF: its SMS goes to the local
 * fake provider, and the test reads the code from /dev/inbox.json as a
 * developer would in the browser. Each test signs in with a phone of its own
 * (one code a minute per phone).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AGREEMENT_CONSENT, AGREEMENTS, AUTH_MESSAGES, maskMobile, type AccountView } from '@tongban/core'
import { TOKEN_KEY } from '@tongban/app'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { getJson, realBffWanted, smsCodeFor, startBffProcess, type TestBff } from './support/bff'
import { attr, startMiniProgram, waitFor, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'


let bff: TestBff
let mp: MiniProgram

let n = 0
/** A phone number no other test here has used. */
const newPhone = () => `137${String(40_000_000 + ++n).slice(-8)}`

/** The fake BFF has no sign-in: these tests need the real one. */
describe.skipIf(!realBffWanted())('登录 and 我的', () => {
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
    // Every test starts signed out, with no calls recorded.
    mp.wx.storage.delete(TOKEN_KEY)
    mp.wx.calls.length = 0
    mp.wx.modalConfirms = true
  })

  const storedToken = () => mp.wx.storage.get(TOKEN_KEY) as string | undefined
  const called = (name: string) => mp.wx.calls.filter((c) => c.name === name).map((c) => c.options as Record<string, unknown>)
  const sent = (path: string) => mp.wx.requests.filter((r) => r.method === 'POST' && r.url.endsWith(path))

  function field(page: OpenedPage, cls: string): RenderedNode {
    const node = page.findByClass(cls)
    if (!node) throw new Error(`no .${cls} on the page:\n${page.text()}`)
    return node
  }

  function button(page: OpenedPage, label: string): RenderedNode {
    const node = page.findTappable(label)
    if (!node) throw new Error(`no button “${label}” on the page:\n${page.text()}`)
    return node
  }

  /** Ticks 我已阅读并同意《用户服务协议》《隐私政策》. */
  async function agree(page: OpenedPage): Promise<void> {
    await page.tap(field(page, 'agree__box'))
    await waitFor(() => page.findByClass('agree__mark--on'), 5_000, 'the ticked box')
  }

  /** Types the phone, ticks the agreements, asks for a code, and reads it from the dev inbox. */
  async function askForCode(page: OpenedPage, phone: string): Promise<string> {
    await page.waitForText((t) => t.includes('获取验证码'))
    await agree(page)
    await page.type(field(page, 'login__input--phone'), phone)
    await page.tap(button(page, '获取验证码'))
    await page.waitForText((t) => /\d+秒后重新获取/.test(t))
    return smsCodeFor(bff, phone)
  }

  async function signIn(phone: string): Promise<string> {
    const page = await mp.openPage('pages/login/index')
    const code = await askForCode(page, phone)
    await page.type(field(page, 'login__input--code'), code)
    await page.tap(button(page, '登录'))
    const token = await waitFor(storedToken, 10_000, 'the session token in storage')
    page.unload()
    return token
  }

  it('sends no code, signs nobody in and leaves WeChat alone before the agreements are ticked', async () => {
    const page = await mp.openPage('pages/login/index')
    await page.waitForText((t) => t.includes('获取验证码'))
    const box = field(page, 'agree__box')
    expect(attr(box, 'ariaRole')).toBe('checkbox')
    expect(attr(box, 'ariaLabel')).toBe('我已阅读并同意《用户服务协议》《隐私政策》')
    expect(String(attr(box, 'ariaChecked'))).toBe('false')
    expect(page.text()).toContain('我已阅读并同意 《用户服务协议》 《隐私政策》')

    await page.type(field(page, 'login__input--phone'), newPhone())
    await page.tap(button(page, '获取验证码'))
    await page.waitForText((t) => t.includes(AGREEMENT_CONSENT.required))
    expect(attr(field(page, 'agree__error'), 'ariaRole')).toBe('alert')
    expect(called('showToast')).toContainEqual(expect.objectContaining({ title: AGREEMENT_CONSENT.required }))
    await page.type(field(page, 'login__input--code'), '123456')
    await page.tap(button(page, '登录'))
    await page.tap(button(page, '微信一键登录'))
    await new Promise((r) => setTimeout(r, 100))
    expect(sent('/api/auth/sms/send')).toEqual([])
    expect(sent('/api/auth/sms/verify')).toEqual([])
    expect(called('login')).toEqual([])

    // Ticked: the refusal goes, and the box reads out as checked.
    await agree(page)
    await page.waitForText((t) => !t.includes(AGREEMENT_CONSENT.required))
    expect(String(attr(field(page, 'agree__box'), 'ariaChecked'))).toBe('true')
    page.unload()
  })

  it('opens 《用户服务协议》 and 《隐私政策》 from the login page, with the core’s text', async () => {
    const page = await mp.openPage('pages/login/index')
    await page.waitForText((t) => t.includes('《隐私政策》'))
    await page.tap(button(page, '《隐私政策》'))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: '/pages/agreement/index?id=privacy' }))
    await page.tap(button(page, '《用户服务协议》'))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: '/pages/agreement/index?id=terms' }))
    page.unload()

    for (const id of ['privacy', 'terms'] as const) {
      const doc = await mp.openPage('pages/agreement/index', { id })
      const text = await doc.waitForText((t) => t.includes(AGREEMENTS[id].title))
      for (const s of AGREEMENTS[id].sections) {
        expect(text).toContain(s.heading)
        for (const p of s.paragraphs) expect(text).toContain(p)
      }
      expect(text).toContain(`版本日期：${AGREEMENTS[id].version}`)
      expect(called('setNavigationBarTitle')).toContainEqual(expect.objectContaining({ title: AGREEMENTS[id].title }))
      doc.unload()
    }
  })

  it('shows the core’s message under the phone field for a bad number, and asks the BFF nothing', async () => {
    const page = await mp.openPage('pages/login/index')
    await page.waitForText((t) => t.includes('获取验证码'))
    await agree(page)
    await page.type(field(page, 'login__input--phone'), '1380013800')
    await page.tap(button(page, '获取验证码'))
    await page.waitForText((t) => t.includes(AUTH_MESSAGES.phone))
    expect(textOfClass(page, 'login__error--phone')).toBe('请输入11位中国大陆手机号码')

    // 登录 with no code says what is missing for both fields, at once.
    await page.tap(button(page, '登录'))
    await page.waitForText((t) => t.includes(AUTH_MESSAGES.code))
    expect(textOfClass(page, 'login__error--code')).toBe('请输入6位数字验证码')
    expect(sent('/api/auth/sms/send')).toEqual([])
    expect(sent('/api/auth/sms/verify')).toEqual([])

    // Typing again clears the field's message.
    await page.type(field(page, 'login__input--phone'), '13800138000')
    await page.waitForText((t) => !t.includes(AUTH_MESSAGES.phone))
    page.unload()
  })

  it('signs in with the code from the SMS: the token is kept and 我的 shows the masked phone', async () => {
    const phone = newPhone()
    const page = await mp.openPage('pages/login/index')
    await page.waitForText((t) => t.includes('开发环境：验证码可在电脑浏览器打开 /dev/inbox 查看'))

    const code = await askForCode(page, phone)
    expect(page.text()).toMatch(/(60|59)秒后重新获取/)
    expect(page.text()).toContain('验证码已发送')
    expect(sent('/api/auth/sms/send').at(-1)?.status).toBe(202)

    await page.type(field(page, 'login__input--code'), code)
    await page.tap(button(page, '登录'))
    const token = await waitFor(storedToken, 10_000, 'the session token in storage')
    expect(token).toMatch(/\S{20,}/)
    // Opened directly (nothing to go back to): on to 我的, a tab.
    await waitFor(() => called('switchTab').length > 0, 5_000, 'switchTab')
    expect(called('switchTab')[0]).toMatchObject({ url: '/pages/me/index' })
    expect(called('showToast')).toContainEqual(expect.objectContaining({ title: '登录成功' }))
    page.unload()

    // The BFF knows this token as the phone's session.
    const me = await getJson<AccountView>(`${bff.url}/api/me`, { Authorization: `Bearer ${token}` })
    expect(me).toMatchObject({ status: 200, body: { phone } })

    const mePage = await mp.openPage('pages/me/index')
    const text = await mePage.waitForText((t) => t.includes(maskMobile(phone)))
    // The page asked the BFF who is signed in, with the stored token.
    const asked = await waitFor(() => mp.wx.requests.filter((r) => r.url.endsWith('/api/me') && r.status !== null).at(-1), 5_000, 'GET /api/me')
    expect(asked).toMatchObject({ method: 'GET', status: 200, header: { Authorization: `Bearer ${token}` } })
    expect(maskMobile(phone)).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(text).not.toContain(phone)
    expect(text).toContain('退出登录')
    expect(text).toContain('退出其他设备')
    mePage.unload()
  })

  it('says the code is wrong and how many tries are left, clears 已发送, and keeps no token', async () => {
    const phone = newPhone()
    const page = await mp.openPage('pages/login/index')
    const code = await askForCode(page, phone)
    const wrong = code.replace(/\d$/, (d) => String((Number(d) + 1) % 10))
    await page.type(field(page, 'login__input--code'), wrong)
    await page.tap(button(page, '登录'))
    await page.waitForText((t) => t.includes('验证码不正确，还可以再试4次'))
    expect(textOfClass(page, 'login__error--code')).toBe('验证码不正确，还可以再试4次')
    expect(page.text()).not.toContain('验证码已发送')
    expect(sent('/api/auth/sms/verify').at(-1)?.status).toBe(400)
    expect(storedToken()).toBeUndefined()
    expect(called('redirectTo')).toEqual([])
    page.unload()
  })

  it('我的 offers 登录 when nobody is signed in, and shows the account on coming back', async () => {
    const me = await mp.openPage('pages/me/index')
    await me.waitForText((t) => t.includes('还没有登录'))
    await me.tap(button(me, '登录'))
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: '/pages/login/index' }))

    // The login page opens over 我的, so signing in goes back to it.
    const phone = newPhone()
    const login = await mp.openPage('pages/login/index')
    const code = await askForCode(login, phone)
    await login.type(field(login, 'login__input--code'), code)
    await login.tap(button(login, '登录'))
    await waitFor(() => called('navigateBack').length > 0, 10_000, 'navigateBack')
    expect(called('redirectTo')).toEqual([])
    login.unload()
    await me.waitForText((t) => t.includes(maskMobile(phone)) && !t.includes('还没有登录'))
    me.unload()
  })

  it('退出其他设备 asks first, then says how many devices were signed out', async () => {
    const phone = newPhone()
    const token = await signIn(phone)
    const { body: account } = await getJson<AccountView>(`${bff.url}/api/me`, { Authorization: `Bearer ${token}` })
    const others = [await bff.signInElsewhere!(account.id), await bff.signInElsewhere!(account.id)]

    const page = await mp.openPage('pages/me/index')
    await page.waitForText((t) => t.includes(maskMobile(phone)))

    // 取消 changes nothing.
    mp.wx.modalConfirms = false
    await page.tap(button(page, '退出其他设备'))
    await waitFor(() => called('showModal').length === 1, 5_000, 'the confirmation')
    await new Promise((r) => setTimeout(r, 100))
    expect(sent('/api/auth/logout-others')).toEqual([])

    mp.wx.modalConfirms = true
    mp.wx.calls.length = 0
    await page.tap(button(page, '退出其他设备'))
    await waitFor(() => called('showToast').length > 0, 5_000, 'a toast')
    expect(called('showModal')).toEqual([expect.objectContaining({ title: '退出其他设备' })])
    expect(called('showToast')).toEqual([expect.objectContaining({ title: '已退出其他 2 台设备' })])
    for (const other of others) {
      expect((await getJson(`${bff.url}/api/me`, { Authorization: `Bearer ${other}` })).status).toBe(401)
    }
    expect((await getJson(`${bff.url}/api/me`, { Authorization: `Bearer ${token}` })).status).toBe(200)
    page.unload()
  })

  it('退出登录 forgets the token on the phone and at the BFF', async () => {
    const phone = newPhone()
    const token = await signIn(phone)
    const page = await mp.openPage('pages/me/index')
    await page.waitForText((t) => t.includes(maskMobile(phone)))
    await page.tap(button(page, '退出登录'))
    await page.waitForText((t) => t.includes('还没有登录'))
    expect(storedToken()).toBeUndefined()
    expect((await getJson(`${bff.url}/api/me`, { Authorization: `Bearer ${token}` })).status).toBe(401)
    page.unload()
  })

  it('the login page follows elderly mode switched on at home', async () => {
    const home = await mp.openPage('pages/home/index')
    await home.waitForText((t) => t.includes('长辈模式'))

    await home.tap(home.findByClass('home__elderly')!)
    await waitFor(() => String(mp.wx.storage.get('tb.settings') ?? '').includes('true'), 5_000, 'elderly mode saved')
    const login = await mp.openPage('pages/login/index')
    const rootClass = () => {
      const root = login.component.toJSON().children[0]
      return root && typeof root !== 'string' ? String(attr(root, 'class')) : ''
    }
    await login.waitForText(() => rootClass().includes('tb-page--elderly'))
    login.unload()

    await home.tap(home.findByClass('home__elderly')!)
    await waitFor(() => String(mp.wx.storage.get('tb.settings') ?? '').includes('false'), 5_000, 'elderly mode off')
    home.unload()
  })

  it('renders every element it is given (no missing WXML templates)', () => {
    expect(mp.renderErrors).toEqual([])
  })
})

function textOfClass(page: OpenedPage, cls: string): string {
  const node = page.findByClass(cls)
  return node ? collapse(textOfNode(node)) : ''
}

function textOfNode(node: RenderedNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textOfNode).join(' ')
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}
