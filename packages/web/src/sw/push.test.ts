import { describe, expect, it } from 'vitest'
import { notificationOptions, openNotificationTarget, pushData, type WindowIo } from './push'

const payload = { title: '您的申请已受理', body: '办件 MZ-0001-20261207-0003 已受理。', url: '/cases/MZ-0001-20261207-0003', tag: 'MZ-0001-20261207-0003' }

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

describe('a tap on the notification', () => {
  function windows(urls: string[]) {
    const focused: string[] = []
    const opened: string[] = []
    const io: WindowIo = {
      origin: 'https://tongban.example.gov.cn',
      windows: async () => urls.map((url) => ({ url, focus: async () => { focused.push(url); return undefined as never } })),
      open: async (url) => { opened.push(url) },
    }
    return { io, focused, opened }
  }

  it('brings forward the tab already on the case', async () => {
    const w = windows(['https://tongban.example.gov.cn/', 'https://tongban.example.gov.cn/cases/MZ-0001-20261207-0003'])
    await openNotificationTarget(w.io, payload.url)
    expect(w.focused).toEqual(['https://tongban.example.gov.cn/cases/MZ-0001-20261207-0003'])
    expect(w.opened).toEqual([])
  })

  it('opens the case when no tab shows it', async () => {
    const w = windows(['https://tongban.example.gov.cn/'])
    await openNotificationTarget(w.io, payload.url)
    expect(w.opened).toEqual(['https://tongban.example.gov.cn/cases/MZ-0001-20261207-0003'])
    expect(w.focused).toEqual([])
    // A target that is not ours is the home page (open here already, so brought forward).
    await openNotificationTarget(w.io, 'https://evil.example/')
    expect(w.focused).toEqual(['https://tongban.example.gov.cn/'])
  })
})
