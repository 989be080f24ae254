// @vitest-environment happy-dom
/**
 * What WeChat's review and a villager meet first, on the built mini-program
 * (miniprogram/dist) against the real BFF: the app.json that reaches WeChat
 * (the privacy check on, the tab bar), the privacy consent popup WeChat's
 * privacy calls wait for, a refused camera or album said with the way to
 * WeChat's settings, the restart prompt of a downloaded update, what each
 * shareable page forwards, and titles that say where the citizen is.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ACCESS_PURPOSE_LABELS, LIFE_EVENT_LABELS, type CatalogueSnapshot } from '@tongban/core'
import { TOKEN_KEY } from '@tongban/app'
import { DIST, ensureMiniprogramBuilt } from './support/ensure-built'
import { fetchCatalogue, getJson, postJson, realBffWanted, signInThroughBff, startBffProcess, type TestBff } from './support/bff'
import { attr, byId, startMiniProgram, tappableIn, waitFor, type MiniProgram, type OpenedPage, type RenderedNode } from './support/mini-runtime'

const APPLY = 'packages/apply/pages/form/index'
const QUERY = { code: 'SJ-0001', answers: JSON.stringify({ category: 'catering' }) }
const PHONE = '13761230017'

interface AppJson {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  __usePrivacyCheck__?: boolean
  tabBar?: { list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[] }
}

const appJson = (): AppJson => JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as AppJson

describe('app.json as built', () => {
  beforeAll(() => ensureMiniprogramBuilt())

  it('turns WeChat’s privacy check on (Taro passes __usePrivacyCheck__ through)', () => {
    expect(appJson().__usePrivacyCheck__).toBe(true)
  })

  it('has a tab bar 首页 · 办件 · 消息 · 我的, every tab page in the main package', () => {
    const app = appJson()
    expect(app.tabBar?.list.map((t) => [t.text, t.pagePath])).toEqual([
      ['首页', 'pages/home/index'], ['办件', 'pages/cases/index'], ['消息', 'pages/messages/index'], ['我的', 'pages/me/index'],
    ])
    for (const tab of app.tabBar!.list) expect(app.pages).toContain(tab.pagePath)
    for (const sub of app.subPackages) {
      for (const tab of app.tabBar!.list) expect(sub.pages.map((p) => `${sub.root}/${p}`)).not.toContain(tab.pagePath)
    }
  })

  it('gives each tab an icon WeChat takes: a PNG in the package, within its 40 KB, square', () => {
    for (const tab of appJson().tabBar!.list) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon, tab.text).toMatch(/\.png$/)
        const png = readFileSync(join(DIST, icon!))
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
        expect(png.length).toBeLessThan(40 * 1024)
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([81, 81])
      }
      expect(tab.selectedIconPath).not.toBe(tab.iconPath)
    }
  })
})

/**
 * Runs of two or more escaped CJK characters (U+4E00–U+9FFF) written as `\uXXXX`: what Taro's terser default
 * (ascii_only) made of every Chinese word, 6 bytes a character instead of UTF-8's 3. A lone escape stays allowed:
 * a regex's range (`[\u4e00-\u9fff]`) must be written so.
 */
const ESCAPED_CHINESE = /(?:\\u(?:4e|[5-8][0-9a-f]|9[0-9a-f])[0-9a-f]{2}){2,}/gi

function builtJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    return e.isDirectory() ? builtJs(path) : e.name.endsWith('.js') ? [path] : []
  })
}

describe('the built JS', () => {
  beforeAll(() => ensureMiniprogramBuilt())

  it('tells escaped Chinese from UTF-8 (the check below would catch terser’s ascii_only)', () => {
    expect('const t="\\u8bf7\\u8f93\\u5165\\u624b\\u673a\\u53f7"'.match(ESCAPED_CHINESE)).toEqual(['\\u8bf7\\u8f93\\u5165\\u624b\\u673a\\u53f7'])
    expect('const t="请输入手机号";const r=/[\\u4e00-\\u9fff]/'.match(ESCAPED_CHINESE)).toBeNull()
  })

  it('holds Chinese as UTF-8, not \\uXXXX escapes, in every file of dist', () => {
    const files = builtJs(DIST)
    expect(files.length).toBeGreaterThan(10)
    const escaped = files.flatMap((f) => {
      const runs = readFileSync(f, 'utf8').match(ESCAPED_CHINESE) ?? []
      return runs.length ? [`${f.slice(DIST.length + 1)}: ${runs.length} runs, e.g. ${runs[0]!.slice(0, 36)}`] : []
    })
    expect(escaped).toEqual([])
    // And the words are there as themselves: the login page's own.
    expect(files.some((f) => readFileSync(f, 'utf8').includes('首次登录自动注册'))).toBe(true)
  })
})

describe.skipIf(!realBffWanted())('on the phone', () => {
  let bff: TestBff
  let mp: MiniProgram
  let catalogue: CatalogueSnapshot
  let photo: string

  const called = (name: string) => mp.wx.calls.filter((c) => c.name === name).map((c) => c.options as Record<string, unknown>)

  beforeAll(async () => {
    ensureMiniprogramBuilt()
    bff = await startBffProcess()
    catalogue = await fetchCatalogue(bff)
    mp = startMiniProgram(DIST, { bffUrl: bff.url })
    // Signed in with a real name (applying needs one): the apply page shows its form.
    mp.wx.storage.set(TOKEN_KEY, await signInThroughBff(bff, PHONE))
    const dir = mkdtempSync(join(tmpdir(), 'release-test-'))
    photo = join(dir, 'kitchen.png')
    // A 1×1 PNG.
    writeFileSync(photo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'))
  })

  afterAll(async () => {
    await bff?.close()
  })

  beforeEach(() => {
    mp.wx.calls.length = 0
    mp.wx.privacyAgreed = true
    mp.wx.deniedPermissions = []
    mp.wx.modalConfirms = true
  })



  const share = (page: OpenedPage) => (page.component.instance as unknown as { onShareAppMessage(o: { from: string }): { title: string; path: string } }).onShareAppMessage({ from: 'menu' })

  describe('a refused phone permission', () => {
    it('says the album was refused and offers WeChat’s settings (wx.openSetting)', async () => {
      mp.wx.deniedPermissions = ['album']
      const page = await mp.openPage(APPLY, QUERY)
      await page.waitForText((t) => t.includes('从相册选择'))
      await page.tap(tappableIn(byId(page, 'field-kitchenFlowFile'), '从相册选择'))
      await page.waitForText((t) => t.includes('您没有允许通办使用相册'))
      await waitFor(() => called('openSetting').length > 0, 5_000, 'wx.openSetting')
      expect(called('showModal')).toContainEqual(expect.objectContaining({ title: '无法使用相册', confirmText: '去设置' }))
      page.unload()
    })

    it('says the camera was refused, and 暂不 leaves the settings closed', async () => {
      mp.wx.deniedPermissions = ['camera']
      mp.wx.modalConfirms = false
      const page = await mp.openPage(APPLY, QUERY)
      await page.waitForText((t) => t.includes('拍照'))
      await page.tap(tappableIn(byId(page, 'field-kitchenFlowFile'), '拍照'))
      await page.waitForText((t) => t.includes('您没有允许通办使用相机'))
      await waitFor(() => called('showModal').length > 0, 5_000, 'the modal')
      await new Promise((r) => setTimeout(r, 50))
      expect(called('showModal')[0]).toMatchObject({ title: '无法使用相机' })
      expect(called('openSetting')).toEqual([])
      page.unload()
    })

    it('a cancelled picker says nothing', async () => {
      const page = await mp.openPage(APPLY, QUERY)
      await page.waitForText((t) => t.includes('从相册选择'))
      await page.tap(tappableIn(byId(page, 'field-kitchenFlowFile'), '从相册选择'))
      await waitFor(() => called('chooseMedia').length > 0, 5_000, 'chooseMedia')
      await new Promise((r) => setTimeout(r, 50))
      expect(page.text()).not.toContain('您没有允许')
      expect(called('showModal')).toEqual([])
      page.unload()
    })
  })

  describe('privacy consent (WeChat’s privacy agreement flow)', () => {
    it('asks through its popup before the album opens; 不同意 opens nothing and says why', async () => {
      mp.wx.privacyAgreed = false
      const page = await mp.openPage(APPLY, QUERY)
      await page.waitForText((t) => t.includes('从相册选择'))
      mp.wx.privacyResolutions.length = 0
      await page.tap(tappableIn(byId(page, 'field-kitchenFlowFile'), '从相册选择'))
      const text = await page.waitForText((t) => t.includes('隐私保护提示'))
      expect(text).toContain('从相册选择照片需要您先阅读并同意《用户服务协议》和《隐私政策》')
      expect(called('requirePrivacyAuthorize')).toHaveLength(1)
      // WeChat is told the popup was shown.
      expect(mp.wx.privacyResolutions).toEqual([{ event: 'exposureAuthorization' }])
      const dialog = page.findByClass('privacy-consent')!
      expect(attr(dialog, 'ariaRole')).toBe('dialog')

      await page.tap(page.findTappable('不同意')!)
      await page.waitForText((t) => !t.includes('隐私保护提示') && t.includes('您没有同意《隐私政策》'))
      expect(mp.wx.privacyResolutions.at(-1)).toEqual({ event: 'disagree' })
      expect(called('chooseMedia')).toEqual([])
      page.unload()
    })

    it('同意并继续 is WeChat’s agreePrivacyAuthorization button: once it fires, the album opens', async () => {
      mp.wx.privacyAgreed = false
      const page = await mp.openPage(APPLY, QUERY)
      await page.waitForText((t) => t.includes('从相册选择'))
      await page.tap(tappableIn(byId(page, 'field-kitchenFlowFile'), '从相册选择'))
      await page.waitForText((t) => t.includes('隐私保护提示'))
      const agree = byId(page, 'privacy-agree')
      expect(agree.tagName).toBe('wx-button')
      expect(attr(agree, 'openType')).toBe('agreePrivacyAuthorization')

      mp.wx.pickedFiles.push(photo)
      await page.trigger(agree, 'agreeprivacyauthorization', {})
      await page.waitForText((t) => !t.includes('隐私保护提示') && t.includes('已上传：设备布局和工艺流程图.png'))
      expect(mp.wx.privacyResolutions.at(-1)).toEqual({ event: 'agree', buttonId: 'privacy-agree' })
      expect(called('chooseMedia')).toHaveLength(1)
      page.unload()
    })
  })

  it('谁查看了我的信息 (which 《隐私政策》 points to) is on 我的, with a clerk’s look-up', async () => {
    const clerk = (await postJson<{ token: string }>(`${bff.url}/api/staff/login`, { username: 'clerk', password: 'Tongban@2026' })).body.token
    const looked = await getJson(`${bff.url}/api/staff/citizens?phone=${PHONE}&purpose=identity_check`, { Authorization: `Bearer ${clerk}` })
    expect(looked.status).toBe(200)

    const me = await mp.openPage('pages/me/index')
    await me.waitForText((t) => t.includes('谁查看了我的信息'))
    await me.tap(me.findTappable('谁查看了我的信息')!)
    expect(called('navigateTo')).toContainEqual(expect.objectContaining({ url: '/packages/apply/pages/access-log/index' }))
    me.unload()

    const page = await mp.openPage('packages/apply/pages/access-log/index')
    const text = await page.waitForText((t) => t.includes(ACCESS_PURPOSE_LABELS.identity_check))
    expect(text).toContain('窗口人员')
    expect(text).toContain('查看了：手机号码')
    page.unload()
  })

  it('asks to restart once a new version has downloaded (wx.getUpdateManager)', async () => {
    mp.wx.update.ready()
    await waitFor(() => mp.wx.update.applied > 0, 5_000, 'applyUpdate')
    expect(called('showModal')).toContainEqual(expect.objectContaining({ title: '新版本已准备好', confirmText: '重新打开' }))
  })

  describe('sharing and titles', () => {
    it('a guide is forwarded under its item’s name, and titled with it', async () => {
      const item = catalogue.items[0]!
      const page = await mp.openPage('pages/guide/index', { code: item.code })
      await page.waitForText((t) => t.includes(item.name))
      await waitFor(() => called('setNavigationBarTitle').some((o) => o.title === item.name), 5_000, 'the title')
      expect(share(page)).toEqual({ title: `${item.name}｜办事指南`, path: `/pages/guide/index?code=${item.code}` })
      page.unload()
    })

    it('the query page is forwarded as itself, without anyone’s number', async () => {
      const page = await mp.openPage('packages/apply/pages/query/index')
      expect(share(page)).toEqual({ title: '办件查询：输入办件编号和手机号后4位，不用登录查进度', path: '/packages/apply/pages/query/index' })
      page.unload()
    })

    it('a case is forwarded (to oneself) by its number, not its item', async () => {
      const page = await mp.openPage('packages/apply/pages/case/index', { caseNo: 'SJ-0001-20261207-0001' })
      expect(share(page)).toEqual({ title: '我的办件 SJ-0001-20261207-0001', path: '/packages/apply/pages/case/index?caseNo=SJ-0001-20261207-0001' })
      page.unload()
    })

    it('a life event’s list is titled with the life event, not 搜索结果', async () => {
      const event = catalogue.items.find((i) => i.lifeEvents.length)!.lifeEvents[0]!
      const page = await mp.openPage('pages/search/index', { lifeEvent: event })
      await page.waitForText((t) => t.includes('共找到'))
      await waitFor(() => called('setNavigationBarTitle').some((o) => o.title === LIFE_EVENT_LABELS[event]), 5_000, 'the title')
      page.unload()
    })

    it('a search is titled with what was searched', async () => {
      const page = await mp.openPage('pages/search/index', { q: encodeURIComponent('身份证') })
      await page.waitForText((t) => t.includes('共找到'))
      await waitFor(() => called('setNavigationBarTitle').some((o) => o.title === '搜索“身份证”'), 5_000, 'the title')
      page.unload()
    })
  })

  it('renders every element it is given (no missing WXML templates)', () => {
    expect(mp.renderErrors).toEqual([])
  })
})
