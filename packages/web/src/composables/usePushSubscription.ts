/**
 * This browser's Web Push subscription, as 消息设置 shows and changes it:
 * whether the browser can do it at all, whether the person refused
 * notifications, and whether this browser is subscribed with the BFF. The
 * permission prompt is asked for only in enable(), which a tap calls —
 * browsers ignore or penalise a prompt that no gesture led to. Turning it on
 * subscribes with the BFF's VAPID key and hands the subscription to the BFF;
 * turning it off tells the BFF and unsubscribes the browser.
 */
import { computed, ref, type Ref } from 'vue'
import { API, ApiError } from '@tongban/core'
import { usePlatform } from '@tongban/app'

export type PushState = 'unsupported' | 'denied' | 'subscribed' | 'off'

export const PUSH_STATE_LABELS: Readonly<Record<PushState, string>> = {
  unsupported: '不支持',
  denied: '已拒绝（去浏览器设置里打开）',
  subscribed: '已开启',
  off: '未开启',
}

const WORDS = {
  noWorker: '通知暂时开启不了，请刷新页面后再试',
  failed: '通知没有开启成功，请稍后再试',
} as const

/** How long to wait for the service worker before saying it is not there (dev servers register none). */
const WORKER_WAIT_MS = 10_000

function supported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
}

/** The application server key as pushManager.subscribe wants it (bytes of the base64url string). */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=')
  const raw = atob(b64)
  const out = new Uint8Array(new ArrayBuffer(raw.length))
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i)
  return out
}

function sameKey(sub: PushSubscription, key: Uint8Array): boolean {
  const had = sub.options?.applicationServerKey
  if (!had) return true // Older browsers do not say; keep the subscription.
  const bytes = new Uint8Array(had)
  return bytes.length === key.length && bytes.every((b, i) => b === key[i])
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), WORKER_WAIT_MS))
  return Promise.race([navigator.serviceWorker.ready, timeout])
}

const problemText = (e: unknown, fallback: string) =>
  e instanceof ApiError ? (e.problem.errors?.[0]?.message ?? e.problem.title) : fallback

export interface PushSubscriptionControl {
  state: Ref<PushState>
  label: Readonly<Ref<string>>
  /** A change is under way (the button waits). */
  busy: Ref<boolean>
  /** Why the last change did not go through, in words to show; '' when it did. */
  error: Ref<string>
  /** Reads the state without asking anything (on mount). */
  refresh(): Promise<void>
  /** From a tap only: asks permission, subscribes, tells the BFF. */
  enable(): Promise<void>
  /** Tells the BFF, then unsubscribes this browser. */
  disable(): Promise<void>
}

export function usePushSubscription(): PushSubscriptionControl {
  const { api } = usePlatform()
  const state = ref<PushState>(supported() ? 'off' : 'unsupported')
  const busy = ref(false)
  const error = ref('')

  async function current(): Promise<PushSubscription | null> {
    const reg = await navigator.serviceWorker.getRegistration()
    return reg ? reg.pushManager.getSubscription() : null
  }

  /** Does the BFF send this person's messages to that endpoint? Unknown (null) when it cannot be asked. */
  async function known(endpoint: string): Promise<boolean | null> {
    try {
      return (await api.call(API.push.list)).some((s) => s.endpoint === endpoint)
    } catch {
      return null
    }
  }

  async function refresh(): Promise<void> {
    if (!supported()) { state.value = 'unsupported'; return }
    if (Notification.permission === 'denied') { state.value = 'denied'; return }
    const sub = Notification.permission === 'granted' ? await current() : null
    // On only where the BFF sends there too: after signing out, or for someone else signed in at this
    // browser, the browser is still subscribed but nothing comes until 开启通知 ties it to them.
    state.value = sub && (await known(sub.endpoint)) !== false ? 'subscribed' : 'off'
  }

  async function run(change: () => Promise<void>): Promise<void> {
    if (busy.value) return
    busy.value = true
    error.value = ''
    try {
      await change()
    } finally {
      busy.value = false
    }
  }

  const enable = () => run(async () => {
    if (!supported()) { state.value = 'unsupported'; return }
    const permission = await Notification.requestPermission()
    if (permission !== 'granted') { state.value = permission === 'denied' ? 'denied' : 'off'; return }
    const reg = await registration()
    if (!reg) { error.value = WORDS.noWorker; return }
    let sub: PushSubscription | null = null
    try {
      const key = keyBytes((await api.call(API.push.vapidPublicKey)).publicKey)
      sub = await reg.pushManager.getSubscription()
      // Made with another server key (the BFF's changed): the push service would refuse our messages.
      if (sub && !sameKey(sub, key)) { await sub.unsubscribe(); sub = null }
      sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key })
      const json = sub.toJSON()
      await api.call(API.push.subscribe, { body: { endpoint: sub.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } } })
      state.value = 'subscribed'
    } catch (e) {
      // The BFF refused this subscription (an unknown push service): no use keeping it in the browser.
      if (sub && e instanceof ApiError && e.problem.status === 400) await sub.unsubscribe().catch(() => false)
      error.value = problemText(e, WORDS.failed)
      state.value = 'off'
    }
  })

  const disable = () => run(async () => {
    if (!supported()) { state.value = 'unsupported'; return }
    const sub = await current()
    if (sub) {
      try {
        await api.call(API.push.unsubscribe, { body: { endpoint: sub.endpoint } })
      } catch {
        // Unsubscribed below all the same: the push service then answers 410 and the BFF forgets it.
      }
      await sub.unsubscribe().catch(() => false)
    }
    state.value = Notification.permission === 'denied' ? 'denied' : 'off'
  })

  return { state, label: computed(() => PUSH_STATE_LABELS[state.value]), busy, error, refresh, enable, disable }
}
