import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { ApiError, caseLinks, makeProblem, MESSAGES_PAGE, type MessageView } from '@tongban/core'
import { testPlatform } from '../testing'
import { unreadBadgeText, useMessageCentre, useMessageSettings, useUnreadMessages } from './messages'

const message = (n: number, read = false): MessageView => ({
  id: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`, kind: 'accepted', caseNo: `MZ-0001-20261207-${String(n).padStart(4, '0')}`,
  title: '您的申请已受理', body: '您的办件已受理。', at: '2026-12-07T02:00:00.000Z', read, link: caseLinks(`MZ-0001-20261207-${String(n).padStart(4, '0')}`),
})

describe('useMessageCentre', () => {
  it('loads the first page with the unread count, then older ones with before', async () => {
    const asked: (string | undefined)[] = []
    const all = Array.from({ length: MESSAGES_PAGE + 3 }, (_, i) => message(i + 1, i > 1))
    const t = testPlatform({
      'messages.list': async ({ query }) => {
        asked.push(query?.before)
        const from = query?.before ? all.findIndex((m) => m.id === query.before) + 1 : 0
        return { messages: all.slice(from, from + MESSAGES_PAGE), unread: 2 }
      },
    })
    const centre = t.within(() => useMessageCentre())
    expect(centre.state.value).toBe('loading')
    await centre.load()
    expect([centre.state.value, centre.messages.value.length, centre.unread.value, centre.hasMore.value]).toEqual(['ready', MESSAGES_PAGE, 2, true])
    await centre.more()
    expect(centre.messages.value.map((m) => m.id)).toEqual(all.map((m) => m.id))
    expect(centre.hasMore.value).toBe(false)
    expect(asked).toEqual([undefined, all[MESSAGES_PAGE - 1]!.id])
  })

  it('takes a new message in on top when the live stream tells of it, keeping the older pages, once the list has loaded', async () => {
    let all = Array.from({ length: MESSAGES_PAGE + 3 }, (_, i) => message(i + 10))
    const t = testPlatform({
      'messages.list': async ({ query }) => {
        const from = query?.before ? all.findIndex((m) => m.id === query.before) + 1 : 0
        return { messages: all.slice(from, from + MESSAGES_PAGE), unread: all.filter((m) => !m.read).length }
      },
    })
    let tell: ((id: string) => void) | null = null
    let stopped = 0
    t.platform.watchMyMessages = (arrived) => { tell = arrived; return () => { stopped++ } }
    // As in a page's setup: what it follows ends with the page.
    const scope = effectScope()
    const centre = scope.run(() => t.within(() => useMessageCentre()))!
    expect(tell).toBeNull()
    await centre.load()
    await centre.more()
    all = [message(1), ...all]
    tell!(message(1).id)
    await expect.poll(() => centre.messages.value.length).toBe(MESSAGES_PAGE + 4)
    expect(centre.messages.value[0]!.id).toBe(message(1).id)
    expect(centre.unread.value).toBe(MESSAGES_PAGE + 4)
    scope.stop()
    expect(stopped).toBe(1)
  })

  it('marks a message read when it is opened, and gives its page for the shell', async () => {
    const marked: string[] = []
    const t = testPlatform({
      'messages.list': async () => ({ messages: [message(1), message(2, true)], unread: 1 }),
      'messages.read': async ({ params }) => { marked.push(params.id) },
    })
    const centre = t.within(() => useMessageCentre())
    await centre.load()
    const [unread, read] = centre.messages.value
    expect(centre.open(unread!, 'web')).toBe('/cases/MZ-0001-20261207-0001')
    expect(centre.open(read!, 'mini')).toBe('/packages/apply/pages/case/index?caseNo=MZ-0001-20261207-0002')
    expect(centre.unread.value).toBe(0)
    expect(unread!.read).toBe(true)
    await Promise.resolve()
    expect(marked).toEqual([unread!.id])
  })

  it('is signedOut on a 401, and the badge says 0 rather than an error', async () => {
    const t = testPlatform({ 'messages.list': () => Promise.reject(new ApiError(makeProblem('UNAUTHENTICATED'))) })
    const centre = t.within(() => useMessageCentre())
    await centre.load()
    expect(centre.state.value).toBe('signedOut')
    const badge = t.within(() => useUnreadMessages())
    await badge.refresh()
    expect(badge.unread.value).toBe(0)
  })
})

describe('useMessageSettings', () => {
  it('switches one kind and shows what the BFF kept', async () => {
    const sent: unknown[] = []
    const t = testPlatform({
      'messages.settings': async () => ({ kinds: [{ kind: 'paused', label: '暂停计时', enabled: true }] }),
      'messages.saveSettings': async ({ body }) => { sent.push(body); return { kinds: [{ kind: 'paused', label: '暂停计时', enabled: false }] } },
    })
    const settings = t.within(() => useMessageSettings())
    await settings.load()
    await settings.set('paused', false)
    expect(sent).toEqual([{ kinds: [{ kind: 'paused', enabled: false }] }])
    expect(settings.kinds.value).toEqual([{ kind: 'paused', label: '暂停计时', enabled: false }])
    expect(settings.saving.value).toBeNull()
    expect(settings.nightNote.value).not.toContain('除外')
  })

  it('names the night exception only when the BFF lists a kind it applies to', async () => {
    const t = testPlatform({ 'messages.settings': async () => ({ kinds: [{ kind: 'queue_called', label: '叫号', enabled: true }] }) })
    const settings = t.within(() => useMessageSettings())
    await settings.load()
    expect(settings.nightNote.value).toContain('（叫号除外）')
  })
})

describe('the unread badge', () => {
  it('says the count, and 99+ past two digits, in both shells', () => {
    expect(unreadBadgeText(7)).toBe('7')
    expect(unreadBadgeText(99)).toBe('99')
    expect(unreadBadgeText(100)).toBe('99+')
  })
})
