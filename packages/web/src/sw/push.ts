/**
 * Web Push in the worker: a push message from the BFF (server
 * messages/channels/webpush.ts, JSON {id, title, body, url, tag}) is shown as a
 * notification (then the BFF is told it was shown) — one per case, a newer one replacing the older — and a tap
 * on it focuses the tab already showing that page, or takes an open tab of
 * the app there, or opens it. When the browser replaces the subscription
 * (pushsubscriptionchange), the new one is handed to the BFF so messages
 * keep coming with the app closed.
 */
import { API } from '@tongban/core'

export interface PushData {
  /** The message's id, when the BFF sent it (a receipt goes back once it is shown). */
  id: string | null
  title: string
  body: string
  /** A path of this app (the case page); anything else opens the home page. */
  url: string
  tag: string
}

const ICON = '/icons/icon-192.png'
const FALLBACK: PushData = { id: null, title: '通办', body: '您有一条新的办件消息，点击查看。', url: '/', tag: 'tongban' }

/** Only our own pages: a payload can never send the person elsewhere. */
const ownPath = (url: unknown): url is string => typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && !url.includes('\\')

/** What the payload says, each field checked; an unreadable payload still tells the person something happened. */
export function pushData(text: string | null): PushData {
  let v: Partial<Record<keyof PushData, unknown>> = {}
  try {
    const parsed: unknown = text ? JSON.parse(text) : null
    if (parsed && typeof parsed === 'object') v = parsed as typeof v
  } catch { /* the fallback below */ }
  const str = (x: unknown, fallback: string) => (typeof x === 'string' && x.trim() ? x : fallback)
  const id = typeof v.id === 'string' && /^[0-9a-f-]{36}$/i.test(v.id) ? v.id : null
  return { id, title: str(v.title, FALLBACK.title), body: str(v.body, FALLBACK.body), url: ownPath(v.url) ? v.url : FALLBACK.url, tag: str(v.tag, FALLBACK.tag) }
}

export function notificationOptions(data: PushData): NotificationOptions {
  return { body: data.body, icon: ICON, badge: ICON, tag: data.tag, lang: 'zh-CN', data: { url: data.url } }
}

/**
 * After the notification is on the screen: tells the BFF, so staff see 已送达 on the message (the push service's
 * 201 only says it took it). With the person's session cookie; signed out or offline, nothing is said, and the
 * notification shows all the same.
 */
export async function acknowledgeShown(fetcher: (url: string, init: RequestInit) => Promise<Response>, data: PushData): Promise<void> {
  if (!data.id) return
  await fetcher(API.messages.shown.path.replace(':id', data.id), { method: 'POST', credentials: 'same-origin' }).catch(() => null)
}

/** What the click handler needs from the worker. */
export interface WindowIo {
  origin: string
  /** This app's open windows, those this worker controls first. */
  windows(): Promise<readonly Pick<WindowClient, 'url' | 'focus' | 'navigate'>[]>
  open(url: string): Promise<unknown>
}

/**
 * The tab already on that page is brought forward; else a tab of the app
 * (the installed app's one window, on a phone) goes to the page; else the
 * page opens in a new one.
 */
export async function openNotificationTarget(io: WindowIo, url: unknown): Promise<void> {
  const target = new URL(ownPath(url) ? url : FALLBACK.url, io.origin).href
  const windows = await io.windows()
  const there = windows.find((w) => w.url === target)
  if (there) { await there.focus(); return }
  for (const w of windows) {
    // navigate() refuses a window this worker does not control (opened before it took over): try the next.
    const moved = await w.navigate(target).catch(() => null)
    if (moved) { await moved.focus(); return }
  }
  await io.open(target)
}

/** What renewing a subscription needs from the worker. */
export interface RenewIo {
  subscribe(applicationServerKey: BufferSource): Promise<PushSubscription>
  fetch(url: string, init: RequestInit): Promise<Response>
}

const json = (method: string, body: unknown): RequestInit =>
  ({ method, headers: { 'content-type': 'application/json' }, credentials: 'same-origin', body: JSON.stringify(body) })

/**
 * The browser dropped or replaced the subscription (the push service
 * rotated it): subscribe again where it did not already, hand the new one to
 * the BFF and take the old one back. Signed out, the BFF refuses (401) and
 * nothing is kept: 消息设置 then says 未开启.
 */
export async function renewSubscription(io: RenewIo, old: PushSubscription | null, fresh: PushSubscription | null): Promise<void> {
  let sub = fresh
  if (!sub) {
    let key: BufferSource | null | undefined = old?.options?.applicationServerKey
    if (!key) {
      const res = await io.fetch(API.push.vapidPublicKey.path, { credentials: 'same-origin' })
      if (!res.ok) return
      const b64 = ((await res.json()) as { publicKey: string }).publicKey.replace(/-/g, '+').replace(/_/g, '/')
      key = Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '=')), (c) => c.charCodeAt(0))
    }
    sub = await io.subscribe(key)
  }
  const { keys } = sub.toJSON()
  await io.fetch(API.push.subscribe.path, json('POST', { endpoint: sub.endpoint, keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' } }))
  if (old && old.endpoint !== sub.endpoint) await io.fetch(API.push.unsubscribe.path, json('DELETE', { endpoint: old.endpoint })).catch(() => null)
}
