/**
 * Web Push for the PWA: the BFF's VAPID public key (what a browser
 * subscribes with), and a signed-in person's subscriptions — the browser
 * hands over `PushSubscription.toJSON()` when they turn notifications on,
 * and the endpoint again when they turn them off.
 */
import { defineRoutes } from '../contract/contract'
import { List, Nullable, Obj, Str, type Static } from '../contract/schema'

/** URL-safe base64, padding allowed (some browsers pad). */
const B64URL = '^[A-Za-z0-9_-]+={0,2}$'

/** The words shown at the field when a subscription is refused. */
export const PUSH_MESSAGES = {
  endpoint: '浏览器提供的推送地址不正确，请刷新页面后重新开启通知',
  endpointService: '暂不支持这个浏览器的推送服务，请换用系统自带浏览器或 Chrome、Edge、Firefox、Safari 后再开启通知',
  keys: '浏览器提供的推送密钥不正确，请刷新页面后重新开启通知',
} as const

export const vapidPublicKeySchema = Obj({
  /** The application server key (an uncompressed P-256 point, base64url) for `pushManager.subscribe`. */
  publicKey: Str(),
})
export type VapidPublicKey = Static<typeof vapidPublicKeySchema>

/** `PushSubscription.toJSON()`; `expirationTime` and other members a browser adds are dropped (closed object). */
export const pushSubscriptionBodySchema = Obj({
  endpoint: Str({ minLength: 1, maxLength: 1024 }),
  keys: Obj({
    /** The browser's P-256 key: 65 bytes, 87 characters unpadded. */
    p256dh: Str({ minLength: 86, maxLength: 88, pattern: B64URL }),
    /** The 16-byte auth secret: 22 characters unpadded. */
    auth: Str({ minLength: 22, maxLength: 24, pattern: B64URL }),
  }),
})
export type PushSubscriptionBody = Static<typeof pushSubscriptionBodySchema>

export const pushUnsubscribeBodySchema = Obj({ endpoint: Str({ minLength: 1, maxLength: 1024 }) })

export const pushSubscribedSchema = Obj({ endpoint: Str(), createdAt: Str() })

/** A browser that gets this person's notifications (a signed-out one is not listed: nothing is sent there). */
export const pushSubscriptionViewSchema = Obj({
  endpoint: Str(),
  createdAt: Str(),
  /** When its push service last took a message. */
  lastSuccessAt: Nullable(Str()),
})
export type PushSubscriptionView = Static<typeof pushSubscriptionViewSchema>

const FIELD_MESSAGES = { endpoint: PUSH_MESSAGES.endpoint, 'keys.p256dh': PUSH_MESSAGES.keys, 'keys.auth': PUSH_MESSAGES.keys, keys: PUSH_MESSAGES.keys }

export const pushRoutes = defineRoutes('push', {
  vapidPublicKey: {
    method: 'GET', path: '/api/push/vapid-public-key', access: 'public', summary: '网页推送：服务器公钥（浏览器订阅时使用）',
    response: vapidPublicKeySchema, cache: 'none',
  },
  list: {
    method: 'GET', path: '/api/me/push-subscriptions', access: 'citizen', summary: '收到我的网页通知的浏览器',
    response: List(pushSubscriptionViewSchema), cache: 'personal',
  },
  subscribe: {
    method: 'POST', path: '/api/me/push-subscriptions', access: 'citizen', summary: '开启这个浏览器的网页通知（保存推送订阅）',
    body: pushSubscriptionBodySchema, response: pushSubscribedSchema, messages: FIELD_MESSAGES, cache: 'none',
  },
  unsubscribe: {
    method: 'DELETE', path: '/api/me/push-subscriptions', access: 'citizen', summary: '关闭这个浏览器的网页通知（删除推送订阅）',
    body: pushUnsubscribeBodySchema, noContent: true, messages: { endpoint: PUSH_MESSAGES.endpoint }, cache: 'none',
  },
})
