/**
 * A new version of the mini-program: WeChat downloads it in the background
 * (wx.getUpdateManager); once it is ready the citizen is asked to restart
 * into it now or later (the next cold start uses it anyway).
 */
import Taro from '@tarojs/taro'

export const UPDATE_READY = {
  title: '新版本已准备好',
  content: '通办有新版本，重新打开后即可使用。现在重新打开吗？',
  confirmText: '重新打开',
  cancelText: '稍后',
} as const

export function installUpdatePrompt(): void {
  const getManager = (Taro as unknown as { getUpdateManager?: () => Taro.UpdateManager }).getUpdateManager
  if (typeof getManager !== 'function') return
  let manager: Taro.UpdateManager
  try {
    manager = getManager()
  } catch {
    return
  }
  manager.onUpdateReady(() => {
    void Taro.showModal({ ...UPDATE_READY }).then((r) => { if (r.confirm) manager.applyUpdate() }, () => undefined)
  })
  // A failed download is retried by WeChat at the next start: nothing to ask the citizen.
  manager.onUpdateFailed(() => undefined)
}
