import { describe, expect, it } from 'vitest'
import { acknowledgeShown, notificationOptions, openNotificationTarget, pushData, renewSubscription, type RenewIo, type WindowIo } from './push'

const payload = { id: '0b8f3a52-6c1e-4f7a-9d2b-3e4f5a6b7c8d', title: '您的申请已受理', body: '办件 MZ-0001-20261207-0003 已受理。', url: '/cases/MZ-0001-20261207-0003', tag: 'MZ-0001-20261207-0003' }

describe('a push message in the service worker', () => {
  it('is shown as the BFF wrote it, one notification per case, the page to open kept with it', () => {
    const data = pushData(JSON.stringify(payload))
    expect(data).toEqual(payload)
    expect(notificationOptions(data)).toMatchObject({ body: payload.body, tag: payload.tag, icon: '/icons/icon-192.png', data: { url: payload.url } })
  })

  it('still tells the person something when the payload is unreadable, and never opens another site', () => {
    expect(pushData(null)).toMatchObject({ title: '通办', url: '/' })
    expect(pushData('{not json')).toMatchObject({ title: '通办', body: expect.stringContaining('新的办件消息') })
    for (const url of ['https://evil.example/phish', '//evil.example/x', 'javascript:alert(1)', '/\\evil.example']) {
      expect(pushData(JSON.stringify({ ...payload, url })).url).toBe('/')
    }
  })
})

describe('once the notification is shown', () => {
  it('tells the BFF which message was shown, with the session cookie; a payload without an id says nothing', async () => {
    const calls: [string, RequestInit][] = []
    const fetcher = async (url: string, init: RequestInit) => { calls.push([url, init]); return new Response(null, { status: 204 }) }
    await acknowledgeShown(fetcher, pushData(JSON.stringify(payload)))
    expect(calls).toEqual([[`/api/me/messages/${payload.id}/shown`, { method: 'POST', credentials: 'same-origin' }]])
    await acknowledgeShown(fetcher, pushData(JSON.stringify({ ...payload, id: '../../api/me/profile' })))
    await acknowledgeShown(fetcher, pushData(JSON.stringify({ ...payload, id: undefined })))
    expect(calls).toHaveLength(1)
  })

  it('shows the notification all the same when the BFF cannot be told (offline)', async () => {
    await expect(acknowledgeShown(async () => { throw new TypeError('Failed to fetch') }, pushData(JSON.stringify(payload)))).resolves.toBeUndefined()
  })
})

describe('a tap on the notification', () => {
  const ORIGIN = 'https://tongban.example.gov.cn'
  const CASE = `${ORIGIN}/cases/MZ-0001-20261207-0003`
  /** Open windows at these addresses; `controlled: false` ones refuse navigate(), as a browser does for a window the worker does not control. */
  function windows(tabs: { url: string; controlled?: boolean }[]) {
    const focused: string[] = []
    const opened: string[] = []
    const moved: string[] = []
    const io: WindowIo = {
      origin: ORIGIN,
      windows: async () => tabs.map((tab) => {
        const w = {
          url: tab.url,
          focus: async () => { focused.push(w.url); return w as unknown as WindowClient },
          navigate: async (to: string) => {
            if (tab.controlled === false) throw new TypeError('This service worker is not the client\'s active service worker.')
            moved.push(`${w.url} → ${to}`)
            w.url = to
            return w as unknown as WindowClient
          },
        }
        return w
      }),
      open: async (url) => { opened.push(url) },
    }
    return { io, focused, opened, moved }
  }

  it('brings forward the tab already on the case', async () => {
    const w = windows([{ url: `${ORIGIN}/` }, { url: CASE }])
    await openNotificationTarget(w.io, payload.url)
    expect(w).toMatchObject({ focused: [CASE], opened: [], moved: [] })
  })

  it('takes an open tab of the app to the case when none shows it', async () => {
    const w = windows([{ url: `${ORIGIN}/guide`, controlled: false }, { url: `${ORIGIN}/` }])
    await openNotificationTarget(w.io, payload.url)
    expect(w).toMatchObject({ moved: [`${ORIGIN}/ → ${CASE}`], focused: [CASE], opened: [] })
  })

  it('opens the case when the app is not open', async () => {
    const w = windows([])
    await openNotificationTarget(w.io, payload.url)
    expect(w.opened).toEqual([CASE])
    // A target that is not ours is the home page.
    await openNotificationTarget(w.io, 'https://evil.example/')
    expect(w.opened).toEqual([CASE, `${ORIGIN}/`])
  })
})

describe('a subscription the browser replaced (pushsubscriptionchange)', () => {
  const KEY = 'BKOGkBcaxl7D20szml-nTH0Khl_i8Y5iE_IvK5EKe1rJ7npvhvXH6xWTOzywdw2RsWSqU2_yi2BZff7TbQUar-w'
  const fakeSub = (endpoint: string, key?: ArrayBuffer) => ({
    endpoint, options: { applicationServerKey: key ?? null, userVisibleOnly: true },
    toJSON: () => ({ endpoint, keys: { p256dh: 'p'.repeat(87), auth: 'a'.repeat(22) } }),
  }) as unknown as PushSubscription
  function io() {
    const calls: string[] = []
    const keysAskedFor: number[] = []
    const it: RenewIo = {
      subscribe: async (key) => { keysAskedFor.push((key as Uint8Array).byteLength); return fakeSub('https://fcm.googleapis.com/fcm/send/new') },
      fetch: async (url, init) => {
        calls.push(`${init.method ?? 'GET'} ${url}${init.body ? ` ${String(init.body)}` : ''}`)
        return new Response(JSON.stringify({ publicKey: KEY }), { status: 200 })
      },
    }
    return { io: it, calls, keysAskedFor }
  }

  it('hands the browser\'s new subscription to the BFF and takes the old one back', async () => {
    const t = io()
    await renewSubscription(t.io, fakeSub('https://fcm.googleapis.com/fcm/send/old'), fakeSub('https://fcm.googleapis.com/fcm/send/new'))
    expect(t.calls).toEqual([
      `POST /api/me/push-subscriptions ${JSON.stringify({ endpoint: 'https://fcm.googleapis.com/fcm/send/new', keys: { p256dh: 'p'.repeat(87), auth: 'a'.repeat(22) } })}`,
      'DELETE /api/me/push-subscriptions {"endpoint":"https://fcm.googleapis.com/fcm/send/old"}',
    ])
  })

  it('subscribes again with the BFF\'s key when the browser gave no new subscription', async () => {
    const t = io()
    await renewSubscription(t.io, null, null)
    expect(t.keysAskedFor).toEqual([65])
    expect(t.calls[0]).toBe('GET /api/push/vapid-public-key')
    expect(t.calls[1]).toMatch(/^POST \/api\/me\/push-subscriptions .*fcm\/send\/new/)
  })
})
