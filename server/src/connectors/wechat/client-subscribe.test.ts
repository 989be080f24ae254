import { afterEach, describe, expect, it } from 'vitest'
import { createWechatClient, type SubscribeMessage } from './client'
import { fakeAcceptsValue } from './fake-subscribe'
import { startFakeWechatServer, type FakeWechatServer, type FakeWechatServerOptions } from './fake-server'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const TEMPLATE = { id: 'tmplProgress', keywords: ['character_string1', 'thing2', 'phrase3', 'time4'] }
const SEND = '/cgi-bin/message/subscribe/send'
const TOKEN = '/cgi-bin/stable_token'

async function setup(opts: FakeWechatServerOptions = {}) {
  const server: FakeWechatServer = await startFakeWechatServer({ templates: [TEMPLATE], ...opts })
  cleanups.push(() => server.close())
  const paths: string[] = []
  const wx = createWechatClient({
    baseUrl: server.url, appId: server.appId, appSecret: server.appSecret,
    fetch: (input, init) => {
      paths.push(new URL(String(input)).pathname)
      return fetch(input, init)
    },
  })
  server.issueLoginCode('oUser1')
  return { server, wx, paths }
}

const message = (over: Partial<SubscribeMessage> = {}): SubscribeMessage => ({
  touser: 'oUser1',
  templateId: TEMPLATE.id,
  page: 'pages/case/detail?caseNo=SJ-1',
  data: { character_string1: { value: 'SJ-1' }, thing2: { value: '户籍迁入' }, phrase3: { value: '已受理' }, time4: { value: '2026年12月7日 15:01' } },
  ...over,
})

describe('sendSubscribeMessage against the fake', () => {
  it('sends with an accepted template, uses the acceptance, and the fake lists what it took', async () => {
    const { server, wx } = await setup()
    server.grantSubscription('oUser1', TEMPLATE.id, 2)
    const r = await wx.sendSubscribeMessage(message({ miniprogramState: 'trial' }))
    expect(r).toEqual({ ok: true, msgid: expect.stringMatching(/^\d+$/) })
    expect(server.subscriptionsLeft('oUser1', TEMPLATE.id)).toBe(1)
    expect(server.sentMessages()).toEqual([{
      touser: 'oUser1', template_id: TEMPLATE.id, page: 'pages/case/detail?caseNo=SJ-1', data: message().data,
      at: expect.any(String), miniprogram_state: 'trial', lang: 'zh_CN',
    }])
  })

  it('one acceptance is one message: the next send → not_subscribed (43101)', async () => {
    const { server, wx } = await setup()
    server.grantSubscription('oUser1', TEMPLATE.id)
    expect((await wx.sendSubscribeMessage(message())).ok).toBe(true)
    expect(await wx.sendSubscribeMessage(message())).toMatchObject({ ok: false, code: 'not_subscribed', errcode: 43101, retryable: false })
    expect(server.sentMessages()).toHaveLength(1)
  })

  it('unknown openid → invalid_openid (40003); unknown template → invalid_template (40037)', async () => {
    const { server, wx } = await setup()
    server.grantSubscription('oUser1', TEMPLATE.id)
    expect(await wx.sendSubscribeMessage(message({ touser: 'oStranger' }))).toMatchObject({ ok: false, code: 'invalid_openid', errcode: 40003 })
    expect(await wx.sendSubscribeMessage(message({ templateId: 'nope' }))).toMatchObject({ ok: false, code: 'invalid_template', errcode: 40037 })
    expect(server.subscriptionsLeft('oUser1', TEMPLATE.id)).toBe(1)
  })

  it('a value over its keyword\'s limit → invalid_data (47003) naming the keyword, and uses no acceptance', async () => {
    const { server, wx } = await setup()
    server.grantSubscription('oUser1', TEMPLATE.id)
    const long = message({ data: { ...message().data, thing2: { value: '城乡居民基本养老保险待遇申领含丧葬补助金等' } } })
    const r = await wx.sendSubscribeMessage(long)
    expect(r).toMatchObject({ ok: false, code: 'invalid_data', errcode: 47003, message: expect.stringContaining('data.thing2.value invalid') })
    const missing = message({ data: { character_string1: { value: 'SJ-1' } } })
    expect(await wx.sendSubscribeMessage(missing)).toMatchObject({ errcode: 47003, message: expect.stringContaining('data.thing2.value') })
    expect(server.subscriptionsLeft('oUser1', TEMPLATE.id)).toBe(1)
    expect(server.sentMessages()).toEqual([])
  })

  it('a page outside the app → invalid_page (41030), when the fake knows the pages', async () => {
    const { server, wx } = await setup({ pages: ['pages/case/detail'] })
    server.grantSubscription('oUser1', TEMPLATE.id)
    expect(await wx.sendSubscribeMessage(message({ page: 'pages/nowhere' }))).toMatchObject({ code: 'invalid_page', errcode: 41030 })
    expect((await wx.sendSubscribeMessage(message())).ok).toBe(true)
  })

  it('45009 / 45011 come back as rate_limited with their errcode, not retried by the client', async () => {
    const { server, wx, paths } = await setup()
    server.grantSubscription('oUser1', TEMPLATE.id)
    await wx.accessToken()
    paths.length = 0
    server.failNext(1, 45011, SEND)
    expect(await wx.sendSubscribeMessage(message())).toMatchObject({ ok: false, code: 'rate_limited', errcode: 45011 })
    server.failNext(1, 45009, SEND)
    expect(await wx.sendSubscribeMessage(message())).toMatchObject({ ok: false, code: 'rate_limited', errcode: 45009 })
    expect(paths).toEqual([SEND, SEND])
    expect(server.subscriptionsLeft('oUser1', TEMPLATE.id)).toBe(1)
  })

  it('token expiry mid-run: 42001 → one refresh, the message sent once', async () => {
    const { server, wx, paths } = await setup()
    server.grantSubscription('oUser1', TEMPLATE.id, 2)
    expect((await wx.sendSubscribeMessage(message())).ok).toBe(true)
    server.expireTokens()
    paths.length = 0
    expect((await wx.sendSubscribeMessage(message())).ok).toBe(true)
    expect(paths).toEqual([SEND, TOKEN, SEND])
    expect(server.sentMessages()).toHaveLength(2)
    expect(server.tokenRequests()).toBe(2)
  })

  it('an empty touser is refused before any call', async () => {
    const { wx, paths } = await setup()
    expect(await wx.sendSubscribeMessage(message({ touser: '' }))).toMatchObject({ ok: false, code: 'invalid_openid' })
    expect(paths).toEqual([])
  })
})

describe('the fake\'s own value rules', () => {
  it.each([
    ['thing1', '一二三四五六七八九十一二三四五六七八九十', true],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十一', false],
    ['phrase1', '需补正', true],
    ['phrase1', '需补正!', false],
    ['phrase1', '审核中审核中', false],
    ['character_string1', 'SJ-330100-20261124-0001', true],
    ['character_string1', '粤B12345', false],
    ['character_string1', 'A'.repeat(33), false],
    ['time1', '2026年12月7日 15:01', true],
    ['time1', '明天', false],
    ['number1', '12.5', true],
    ['number1', '12a', false],
    ['amount1', '¥12.50', true],
    ['phone_number1', '+86-0766-66888866', true],
    ['phone_number1', '+86-0766-66888866-1', false],
    ['name1', '欧阳娜娜娜娜娜娜娜娜娜', false],
    ['thing1', '', false],
    ['unknown1', 'x', false],
  ])('%s = %j → %s', (key, value, ok) => {
    expect(fakeAcceptsValue(key, value)).toBe(ok)
  })
})
