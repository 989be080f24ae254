import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, makeProblem, PUSH_MESSAGES, type PushSubscriptionBody } from '@tongban/core'
import { offline, testPlatform } from '@tongban/app/testing'
import { keyBytes, usePushSubscription } from './usePushSubscription'

const SERVER_KEY = 'BKOGkBcaxl7D20szml-nTH0Khl_i8Y5iE_IvK5EKe1rJ7npvhvXH6xWTOzywdw2RsWSqU2_yi2BZff7TbQUar-w'
const OLD_KEY = 'BFr1HSAGYxGmyGaKzcQmOXdRashhdlW4YysxYl0XgIrxX1FQwfrWqSPLrarzF2W4BQNpcBi-bWmYCFsd2Hlxfvg'

/** A browser's push machinery, faked on happy-dom's window: permission, the worker's registration, the push manager. */
class FakeBrowser {
  permission: NotificationPermission = 'default'
  answer: NotificationPermission = 'granted'
  asked = 0
  sub: (PushSubscription & { key: Uint8Array }) | null = null
  subscribedWith: Uint8Array[] = []

  install() {
    const browser = this
    const makeSub = (key: Uint8Array) => {
      const n = browser.subscribedWith.length - 1
      const sub = {
        endpoint: `https://fcm.googleapis.com/fcm/send/browser-${n}`, key,
        options: { applicationServerKey: key.buffer, userVisibleOnly: true },
        toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) } }),
        unsubscribe: async () => { if (browser.sub === sub) browser.sub = null; return true },
      } as unknown as PushSubscription & { key: Uint8Array }
      return sub
    }
    const pushManager = {
      getSubscription: async () => browser.sub,
      subscribe: async (o: PushSubscriptionOptionsInit) => {
        const key = o.applicationServerKey as Uint8Array
        browser.subscribedWith.push(key)
        browser.sub = makeSub(key)
        return browser.sub
      },
    }
    const registration = { pushManager } as unknown as ServiceWorkerRegistration
    const notification = Object.defineProperties(function Notification() {}, {
      permission: { get: () => browser.permission },
      requestPermission: { value: async () => { browser.asked++; browser.permission = browser.answer; return browser.answer } },
    })
    vi.stubGlobal('Notification', notification)
    vi.stubGlobal('PushManager', function PushManager() {})
    Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { ready: Promise.resolve(registration), getRegistration: async () => registration } })
    return this
  }
}

let browser: FakeBrowser
beforeEach(() => { browser = new FakeBrowser().install() })
afterEach(() => {
  vi.unstubAllGlobals()
  delete (navigator as { serviceWorker?: unknown }).serviceWorker
})

function setup(calls: Parameters<typeof testPlatform>[0] = {}) {
  const sent: PushSubscriptionBody[] = []
  const removed: string[] = []
  const t = testPlatform({
    'push.vapidPublicKey': async () => ({ publicKey: SERVER_KEY }),
    'push.list': async () => sent.filter((b) => !removed.includes(b.endpoint)).map((b) => ({ endpoint: b.endpoint, createdAt: '2026-12-07T02:00:00.000Z', lastSuccessAt: null })),
    'push.subscribe': async ({ body }) => { sent.push(body); return { endpoint: body.endpoint, createdAt: '2026-12-07T02:00:00.000Z' } },
    'push.unsubscribe': async ({ body }) => { removed.push(body.endpoint) },
    ...calls,
  })
  return { push: t.within(() => usePushSubscription()), sent, removed }
}

describe('usePushSubscription (网页通知)', () => {
  it('says 不支持 where the browser has no Push API, and asks nothing', async () => {
    vi.stubGlobal('PushManager', undefined)
    delete (window as { PushManager?: unknown }).PushManager
    const { push } = setup()
    await push.refresh()
    expect(push.label.value).toBe('不支持')
    await push.enable()
    expect(browser.asked).toBe(0)
  })

  it('never asks for permission on its own: only enable() (a tap) does', async () => {
    const { push } = setup()
    await push.refresh()
    expect(push.label.value).toBe('未开启')
    expect(browser.asked).toBe(0)
  })

  it('turned on: asks, subscribes with the server\'s key and hands the subscription to the BFF', async () => {
    const { push, sent } = setup()
    await push.enable()
    expect(browser.asked).toBe(1)
    expect(browser.subscribedWith).toEqual([keyBytes(SERVER_KEY)])
    expect(sent).toEqual([{ endpoint: 'https://fcm.googleapis.com/fcm/send/browser-0', keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) } }])
    expect(push.label.value).toBe('已开启')
    await push.refresh()
    expect(push.label.value).toBe('已开启')
  })

  it('says 未开启 where the browser is subscribed but the BFF sends nothing there (signed out since), and 开启 ties it again', async () => {
    browser.permission = 'granted'
    await navigator.serviceWorker.ready.then((r) => r.pushManager.subscribe({ applicationServerKey: keyBytes(SERVER_KEY) }))
    const { push, sent } = setup()
    await push.refresh()
    expect(push.label.value).toBe('未开启')
    await push.enable()
    expect(browser.subscribedWith).toHaveLength(1) // the browser's own subscription, handed over again
    expect(sent.map((s) => s.endpoint)).toEqual(['https://fcm.googleapis.com/fcm/send/browser-0'])
    expect(push.label.value).toBe('已开启')
  })

  it('trusts the browser when the BFF cannot be asked', async () => {
    browser.permission = 'granted'
    await navigator.serviceWorker.ready.then((r) => r.pushManager.subscribe({ applicationServerKey: keyBytes(SERVER_KEY) }))
    const { push } = setup({ 'push.list': offline })
    await push.refresh()
    expect(push.label.value).toBe('已开启')
  })

  it('says 已拒绝 when the person refuses, and on every visit after', async () => {
    browser.answer = 'denied'
    const { push, sent } = setup()
    await push.enable()
    expect(push.label.value).toBe('已拒绝（去浏览器设置里打开）')
    expect(sent).toEqual([])
    await push.refresh()
    expect(push.state.value).toBe('denied')
  })

  it('stays 未开启 when the prompt is dismissed', async () => {
    browser.answer = 'default'
    const { push } = setup()
    await push.enable()
    expect(push.state.value).toBe('off')
    expect(browser.subscribedWith).toEqual([])
  })

  it('subscribes again when the browser\'s subscription was made with another server key', async () => {
    browser.permission = 'granted'
    await navigator.serviceWorker.ready.then((r) => r.pushManager.subscribe({ applicationServerKey: keyBytes(OLD_KEY) }))
    const { push, sent } = setup()
    await push.enable()
    expect(browser.subscribedWith.map((k) => k.length)).toEqual([65, 65])
    expect(browser.subscribedWith[1]).toEqual(keyBytes(SERVER_KEY))
    expect(sent.map((s) => s.endpoint)).toEqual(['https://fcm.googleapis.com/fcm/send/browser-1'])
  })

  it('shows the BFF\'s words when it refuses the subscription, and drops it from the browser', async () => {
    const refusal = new ApiError(makeProblem('VALIDATION', { errors: [{ path: 'endpoint', code: 'unknown_service', message: PUSH_MESSAGES.endpointService }] }))
    const { push } = setup({ 'push.subscribe': async () => { throw refusal } })
    await push.enable()
    expect(push.error.value).toBe(PUSH_MESSAGES.endpointService)
    expect(push.state.value).toBe('off')
    expect(browser.sub).toBeNull()
  })

  it('says the network failed, and keeps the browser subscribed to try again', async () => {
    const { push } = setup({ 'push.subscribe': offline })
    await push.enable()
    expect(push.error.value).toBe('网络连接失败，请检查网络后重试')
    expect(push.state.value).toBe('off')
    expect(browser.sub).not.toBeNull()
  })

  it('turned off: tells the BFF and unsubscribes the browser — even when the BFF cannot be reached', async () => {
    const { push, removed } = setup()
    await push.enable()
    await push.disable()
    expect(removed).toEqual(['https://fcm.googleapis.com/fcm/send/browser-0'])
    expect(browser.sub).toBeNull()
    expect(push.label.value).toBe('未开启')

    const cut = setup({ 'push.unsubscribe': offline })
    await cut.push.enable()
    await cut.push.disable()
    expect(browser.sub).toBeNull()
    expect(cut.push.state.value).toBe('off')
  })
})
