/**
 * Web Push in Chromium, through the built service worker and the BFF:
 * a push message shown as a notification whose tap takes the app to the
 * case, and the 网页通知 setting in each of its states. Headless Chromium
 * cannot get a real subscription (it needs Google's push service), so
 * PushManager.subscribe is stubbed with a subscription from web-push-testing
 * made for the BFF's own VAPID key; the BFF's sending to that push service
 * is server/src/messages/channels/webpush.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import webpush from 'web-push'
import type { BrowserContext, Page } from 'playwright-core'
import { startPushTestingService, type PushTestingService, type TestSubscription } from '../../server/src/messages/channels/web-push-testing'
import { axeViolations, citizenContext, screenshot, useProduct } from './support'

const vapid = webpush.generateVAPIDKeys()
const e2e = useProduct({ VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey })
let pushService: PushTestingService
beforeAll(async () => { pushService = await startPushTestingService() })
afterAll(async () => { await pushService?.close() })

const CASE_NO = 'MZ-0001-20261207-0003'

async function workerReady(page: Page): Promise<void> {
  await page.evaluate(async () => { await navigator.serviceWorker.ready })
}

it('shows a pushed message as a notification, and a tap on it takes the open app to the case', async () => {
  const ctx = await citizenContext(e2e.browser, e2e.product.url, '13911118001', false)
  await ctx.grantPermissions(['notifications'], { origin: e2e.product.url })
  const page = await ctx.newPage()
  await page.goto(`${e2e.product.url}/me/message-settings`)
  await workerReady(page)
  const cdp = await ctx.newCDPSession(page)
  const registration = new Promise<string>((resolve) => cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string }[] }) => {
    if (e.registrations[0]) resolve(e.registrations[0].registrationId)
  }))
  await cdp.send('ServiceWorker.enable')
  const message = { title: '您的申请已受理', body: `办件 ${CASE_NO} 已受理，承诺5个工作日内办结。`, url: `/cases/${CASE_NO}`, tag: CASE_NO }
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: e2e.product.url, registrationId: await registration, data: JSON.stringify(message) })

  const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications())
    .map((n) => ({ title: n.title, body: n.body, tag: n.tag, icon: n.icon, url: (n.data as { url: string }).url })))
  await expect.poll(shown, { timeout: 10_000 }).toEqual([{ ...message, icon: `${e2e.product.url}/icons/icon-192.png` }])

  // CDP cannot click a notification: the worker gets the click event Chromium would send it for that notification.
  const [worker] = ctx.serviceWorkers()
  await worker!.evaluate(async () => {
    // The worker's own globals (this file is typed for pages, not workers).
    const sw = self as unknown as EventTarget & { registration: { getNotifications(): Promise<Notification[]> } }
    const { NotificationEvent } = self as unknown as { NotificationEvent: new (type: string, init: { notification: Notification }) => Event }
    const [notification] = await sw.registration.getNotifications()
    sw.dispatchEvent(new NotificationEvent('notificationclick', { notification: notification! }))
  })
  await page.waitForURL(`${e2e.product.url}/cases/${CASE_NO}`, { timeout: 10_000 })
  await expect.poll(shown).toEqual([])
  await ctx.close()
})

/** A context whose browser "subscribes" with this web-push-testing subscription (and says which key it was asked for). */
async function stubbedPush(phone: string, sub: TestSubscription, opts: { grant: boolean }): Promise<BrowserContext> {
  const ctx = await citizenContext(e2e.browser, e2e.product.url, phone, false)
  if (opts.grant) await ctx.grantPermissions(['notifications'], { origin: e2e.product.url })
  await ctx.addInitScript((s: { endpoint: string; keys: { p256dh: string; auth: string } }) => {
    const store = 'tb-test-push-subscription'
    const b64url = (buf: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    const make = (key: ArrayBuffer) => ({
      endpoint: s.endpoint, expirationTime: null, options: { applicationServerKey: key, userVisibleOnly: true },
      toJSON: () => ({ endpoint: s.endpoint, expirationTime: null, keys: s.keys }),
      unsubscribe: async () => { sessionStorage.removeItem(store); return true },
    })
    const fromStore = () => {
      const key = sessionStorage.getItem(store)
      if (!key) return null
      const raw = atob(key.replace(/-/g, '+').replace(/_/g, '/'))
      return make(Uint8Array.from(raw, (c) => c.charCodeAt(0)).buffer)
    }
    PushManager.prototype.getSubscription = async function () { return fromStore() as unknown as PushSubscription }
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = options?.applicationServerKey as Uint8Array
      sessionStorage.setItem(store, b64url(key.buffer as ArrayBuffer))
      return fromStore() as unknown as PushSubscription
    }
  }, { endpoint: sub.endpoint, keys: sub.keys })
  return ctx
}

const stateOf = (page: Page) => page.getByRole('region', { name: '网页通知' }).getByRole('status').textContent()

it('the 网页通知 setting: 未开启, on with a tap (the subscription handed to the BFF), off again on both sides', async () => {
  const sub = await pushService.subscribe(vapid.publicKey)
  const ctx = await stubbedPush('13911118002', sub, { grant: true })
  const page = await ctx.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${e2e.product.url}/me/message-settings`)
  await workerReady(page)
  await expect.poll(() => stateOf(page)).toBe('当前状态：未开启')

  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/push-subscriptions') && r.request().method() === 'POST')
  await page.getByRole('button', { name: '开启通知' }).click()
  const res = await saved
  expect(res.status()).toBe(201)
  expect(res.request().postDataJSON()).toEqual({ endpoint: sub.endpoint, keys: sub.keys })
  await expect.poll(() => stateOf(page)).toBe('当前状态：已开启')
  // It subscribed with the BFF's key: the one the push service checks each message's signature against.
  expect(await page.evaluate(() => sessionStorage.getItem('tb-test-push-subscription'))).toBe(vapid.publicKey)
  await page.getByRole('region', { name: '网页通知' }).scrollIntoViewIfNeeded()
  await screenshot(page, 'push-setting-on')
  expect(await axeViolations(page)).toEqual([])

  await page.reload()
  await expect.poll(() => stateOf(page)).toBe('当前状态：已开启')
  const removed = page.waitForResponse((r) => r.url().endsWith('/api/me/push-subscriptions') && r.request().method() === 'DELETE')
  await page.getByRole('button', { name: '关闭通知' }).click()
  expect((await removed).status()).toBe(204)
  await expect.poll(() => stateOf(page)).toBe('当前状态：未开启')
  expect(await page.evaluate(() => sessionStorage.getItem('tb-test-push-subscription'))).toBeNull()
  expect(errors).toEqual([])
  await ctx.close()
})

it('the 网页通知 setting says 已拒绝 when notifications are refused, and 不支持 without the Push API', async () => {
  const sub = await pushService.subscribe(vapid.publicKey)
  const refused = await stubbedPush('13911118003', sub, { grant: false })
  const page = await refused.newPage()
  // A person who chose 屏蔽 at the prompt: the permission denied (headless Chromium leaves the prompt pending instead).
  const cdp = await refused.newCDPSession(page)
  const { targetInfo } = await cdp.send('Target.getTargetInfo')
  await cdp.send('Browser.setPermission', { permission: { name: 'notifications' }, setting: 'denied', origin: e2e.product.url, browserContextId: targetInfo.browserContextId })
  await page.goto(`${e2e.product.url}/me/message-settings`)
  expect(await page.evaluate(() => Notification.permission)).toBe('denied')
  await expect.poll(() => stateOf(page)).toBe('当前状态：已拒绝（去浏览器设置里打开）')
  expect(await page.getByRole('button', { name: '开启通知' }).count()).toBe(0)
  await page.getByRole('region', { name: '网页通知' }).scrollIntoViewIfNeeded()
  await screenshot(page, 'push-setting-denied')
  await refused.close()

  const old = await citizenContext(e2e.browser, e2e.product.url, '13911118004', false)
  await old.addInitScript(() => { delete (window as { PushManager?: unknown }).PushManager })
  const oldPage = await old.newPage()
  await oldPage.goto(`${e2e.product.url}/me/message-settings`)
  await expect.poll(() => stateOf(oldPage)).toBe('当前状态：不支持')
  await old.close()
})
