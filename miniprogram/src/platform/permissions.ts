/**
 * A phone permission the citizen turned down (相机, 相册): WeChat's call
 * fails with "auth deny" and asks no more, so the app says so and offers
 * WeChat's settings page (wx.openSetting), where it can be turned back on.
 */
import Taro from '@tarojs/taro'

export type Permission = '相机' | '相册'

/** A failed call whose cause is a refused permission (not a cancelled picker, not the privacy agreement). */
export function isPermissionDenied(error: unknown): boolean {
  const msg = String((error as { errMsg?: unknown } | null)?.errMsg ?? '')
  if (/cancel/i.test(msg) || /privacy/i.test(msg)) return false
  return /auth den|auth deny|authorize|permission/i.test(msg)
}

/** What the refusal stops, and the other way to do it: choosing a photo (upload another way) by default. */
export interface PermissionUse {
  doing: string
  otherwise: string
}

const CHOOSING_PHOTO: PermissionUse = { doing: '选取照片', otherwise: '也可以改用其他方式上传' }

export function permissionDeniedText(what: Permission, use: PermissionUse = CHOOSING_PHOTO): string {
  return `您没有允许通办使用${what}，所以不能${use.doing}。请点“去设置”打开${what}权限，再试一次；${use.otherwise}。`
}

/** Says what was refused; 去设置 opens WeChat's settings for this mini-program. */
export async function offerSettings(what: Permission, use?: PermissionUse): Promise<void> {
  const answer = await Taro.showModal({
    title: `无法使用${what}`,
    content: permissionDeniedText(what, use),
    confirmText: '去设置',
    cancelText: '暂不',
  }).catch(() => null)
  if (answer?.confirm) await Taro.openSetting({}).catch(() => undefined)
}
