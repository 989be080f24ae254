/**
 * The unread count on the 消息 tab (WeChat's tab bar badge), and for 我的's
 * 消息中心 row. Asked again each time a tab page shows: a message written
 * while the citizen was elsewhere shows on the way back. Without a token on
 * the phone nothing is asked (a signed-out visitor has no messages) and the
 * badge goes.
 */
import Taro, { useDidShow } from '@tarojs/taro'
import { TOKEN_KEY, unreadBadgeText, usePlatform, useUnreadMessages } from '@tongban/app'
import { ROUTES, TAB_ROUTES } from './navigation'

const MESSAGES_TAB = TAB_ROUTES.indexOf(ROUTES.messages)

/** The badge says the count (99+ past two digits: WeChat cuts a longer text); none at 0. */
export function showUnreadBadge(unread: number): void {
  // Fails on a page that is not a tab (WeChat: "not TabBar page"): the next tab page that shows sets it.
  if (unread > 0) void Taro.setTabBarBadge({ index: MESSAGES_TAB, text: unreadBadgeText(unread) }).catch(() => undefined)
  else void Taro.removeTabBarBadge({ index: MESSAGES_TAB }).catch(() => undefined)
}

/** For a tab page: refreshes the count and the badge each time the page shows. */
export function useMessageBadge() {
  const platform = usePlatform()
  const { unread, refresh } = useUnreadMessages()

  async function update(): Promise<void> {
    if (await platform.storage.get(TOKEN_KEY)) await refresh()
    else unread.value = 0
    showUnreadBadge(unread.value)
  }
  useDidShow(() => void update())

  return { unread, update }
}
