/**
 * 消息中心 and 消息设置 for both shells (issue 18): the person's messages,
 * newest first, a page at a time; the unread count for the badges (我的,
 * the tab bar); opening one marks it read and gives where it goes; the kinds
 * switched on or off. A 401 is `signedOut`: the shell offers 去登录.
 */
import { computed, getCurrentScope, onScopeDispose, ref, type ComputedRef, type Ref } from 'vue'
import { API, MESSAGES_PAGE, smsNightNote, type MessageSettings, type MessageView, type Problem } from '@tongban/core'
import { usePlatform } from '../platform/platform'
import { toProblem } from '../catalogue/catalogue'

export type MessagesState = 'loading' | 'ready' | 'error' | 'signedOut'

export interface MessageCentre {
  state: Ref<MessagesState>
  messages: Ref<MessageView[]>
  unread: Ref<number>
  /** A full page came back: there may be older ones. */
  hasMore: Ref<boolean>
  loadingMore: Ref<boolean>
  problem: Ref<Problem | null>
  load(): Promise<void>
  more(): Promise<void>
  /** Marks it read (at once on screen; the BFF is told) and returns where it opens, for this shell. */
  open(message: MessageView, shell: 'web' | 'mini'): string
  readAll(): Promise<void>
}

/** A failed read or write: a 401 signs the page out; else an error, unless something is shown already (it stays, with the problem). */
function failure(state: Ref<MessagesState>, problem: Ref<Problem | null>) {
  return (e: unknown): void => {
    problem.value = toProblem(e)
    if (problem.value.status === 401) state.value = 'signedOut'
    else if (state.value !== 'ready') state.value = 'error'
  }
}

export function useMessageCentre(): MessageCentre {
  const platform = usePlatform()
  const state = ref<MessagesState>('loading')
  const messages = ref<MessageView[]>([])
  const unread = ref(0)
  const hasMore = ref(false)
  const loadingMore = ref(false)
  const problem = ref<Problem | null>(null)

  const failed = failure(state, problem)

  async function load(): Promise<void> {
    if (state.value !== 'ready') state.value = 'loading'
    problem.value = null
    try {
      const page = await platform.api.call(API.messages.list, { query: {} })
      messages.value = page.messages
      unread.value = page.unread
      hasMore.value = page.messages.length >= MESSAGES_PAGE
      state.value = 'ready'
      follow()
    } catch (e) {
      failed(e)
    }
  }

  async function more(): Promise<void> {
    const last = messages.value.at(-1)
    if (!last || !hasMore.value || loadingMore.value) return
    loadingMore.value = true
    try {
      const page = await platform.api.call(API.messages.list, { query: { before: last.id } })
      const known = new Set(messages.value.map((m) => m.id))
      messages.value = [...messages.value, ...page.messages.filter((m) => !known.has(m.id))]
      unread.value = page.unread
      hasMore.value = page.messages.length >= MESSAGES_PAGE
    } catch (e) {
      failed(e)
    } finally {
      loadingMore.value = false
    }
  }

  function open(message: MessageView, shell: 'web' | 'mini'): string {
    if (!message.read) {
      message.read = true
      unread.value = Math.max(0, unread.value - 1)
      // Not waited for: the case opens at once; a lost mark is made again the next time it is opened.
      void platform.api.call(API.messages.read, { params: { id: message.id } }).catch(() => undefined)
    }
    return message.link[shell]
  }

  async function readAll(): Promise<void> {
    try {
      await platform.api.call(API.messages.readAll)
      for (const m of messages.value) m.read = true
      unread.value = 0
    } catch (e) {
      failed(e)
    }
  }

  /** A new message arrived (the live stream): the newest page merged in on top, the older pages kept. */
  async function fresh(): Promise<void> {
    try {
      const page = await platform.api.call(API.messages.list, { query: {} })
      const known = new Set(page.messages.map((m) => m.id))
      messages.value = [...page.messages, ...messages.value.filter((m) => !known.has(m.id))]
      unread.value = page.unread
    } catch {
      // What is shown stays; the next word or a reload reads it again.
    }
  }
  // Followed once the list has loaded (someone is signed in: a guest's page opens no stream that can only answer 401).
  let unwatch: (() => void) | null = null
  const scoped = getCurrentScope() !== undefined
  if (scoped) onScopeDispose(() => unwatch?.())
  function follow(): void {
    if (unwatch || !scoped) return
    unwatch = platform.watchMyMessages?.(() => { if (state.value === 'ready') void fresh() }) ?? null
  }

  return { state, messages, unread, hasMore, loadingMore, problem, load, more, open, readAll }
}

/** The unread count alone (for a badge); 0 when signed out or unreadable — a badge never shows an error. */
/** The unread badge's text in both shells: the count, 99+ past two digits (WeChat's tab badge cuts a longer one). */
export function unreadBadgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread)
}

export function useUnreadMessages(): { unread: Ref<number>; refresh(): Promise<void> } {
  const platform = usePlatform()
  const unread = ref(0)
  async function refresh(): Promise<void> {
    try {
      unread.value = (await platform.api.call(API.messages.list, { query: {} })).unread
    } catch {
      unread.value = 0
    }
  }
  return { unread, refresh }
}

export interface MessageSettingsPage {
  state: Ref<MessagesState>
  kinds: Ref<MessageSettings['kinds']>
  problem: Ref<Problem | null>
  /** The kind being saved (its switch waits). */
  saving: Ref<string | null>
  /** The SMS night rule for the kinds listed (an exception named only when one is listed). */
  nightNote: ComputedRef<string>
  load(): Promise<void>
  set(kind: MessageSettings['kinds'][number]['kind'], enabled: boolean): Promise<void>
}

export function useMessageSettings(): MessageSettingsPage {
  const platform = usePlatform()
  const state = ref<MessagesState>('loading')
  const kinds = ref<MessageSettings['kinds']>([])
  const problem = ref<Problem | null>(null)
  const saving = ref<string | null>(null)

  const failed = failure(state, problem)

  async function load(): Promise<void> {
    problem.value = null
    try {
      kinds.value = (await platform.api.call(API.messages.settings)).kinds
      state.value = 'ready'
    } catch (e) {
      failed(e)
    }
  }

  async function set(kind: MessageSettings['kinds'][number]['kind'], enabled: boolean): Promise<void> {
    saving.value = kind
    problem.value = null
    try {
      kinds.value = (await platform.api.call(API.messages.saveSettings, { body: { kinds: [{ kind, enabled }] } })).kinds
    } catch (e) {
      failed(e)
    } finally {
      saving.value = null
    }
  }

  const nightNote = computed(() => smsNightNote(kinds.value.map((k) => k.kind)))

  return { state, kinds, problem, saving, nightNote, load, set }
}
