/**
 * What the 我的 page does: who is signed in (asked again each time the page
 * shows, so an expired session is noticed), sign out, and sign out the
 * other devices after a confirmation.
 */
import { computed, ref } from 'vue'
import Taro, { useDidShow } from '@tarojs/taro'
import { maskMobile } from '@tongban/core'
import { useSessionStore } from '@tongban/app'

export type MeAction = 'logout' | 'logoutOthers'

function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 }).catch(() => undefined)
}

export function useMePage() {
  const session = useSessionStore()
  /** The action under way, so its button says so and none is pressed twice. */
  const busy = ref<MeAction | null>(null)
  const error = ref('')

  const phone = computed(() => {
    const p = session.account?.phone
    return p ? maskMobile(p) : '未绑定'
  })

  function load(): void {
    if (session.status !== 'loading') void session.load()
  }
  useDidShow(load)

  async function logout(): Promise<void> {
    if (busy.value) return
    busy.value = 'logout'
    error.value = ''
    try {
      const r = await session.logout()
      if (r.ok) toast('已退出登录')
      else error.value = r.problem.title
    } finally {
      busy.value = null
    }
  }

  async function logoutOthers(): Promise<void> {
    if (busy.value) return
    const answer = await Taro.showModal({
      title: '退出其他设备',
      content: '确定要让其他手机和电脑上的登录失效吗？这台设备不受影响。',
      confirmText: '确定退出',
      cancelText: '取消',
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    busy.value = 'logoutOthers'
    error.value = ''
    try {
      const r = await session.logoutOthers()
      if (r.ok) toast(r.value ? `已退出其他 ${r.value} 台设备` : '没有其他设备登录')
      else error.value = r.problem.title
    } finally {
      busy.value = null
    }
  }

  return { session, phone, busy, error, load, logout, logoutOthers }
}
