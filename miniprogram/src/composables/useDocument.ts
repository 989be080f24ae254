/**
 * 查看通知书/证照: a PDF the BFF serves (by the address it gave) saved on the
 * phone with the session token, then shown in WeChat's own viewer, whose
 * menu can forward, save or print it. One at a time; a failure says which
 * document and why, in words. With `privacy` (what it is for, in the
 * citizen's words), WeChat's privacy agreement is asked for first, as
 * before every other guarded call (platform/privacy.ts).
 */
import { ref } from 'vue'
import Taro from '@tarojs/taro'
import { ApiError } from '@tongban/core'
import { usePlatform } from '@tongban/app'
import { PRIVACY_REFUSED, requirePrivacy } from '../platform/privacy'

export function useDocument(opts: { privacy?: string } = {}) {
  const platform = usePlatform()
  /** The address being fetched and opened now. */
  const opening = ref<string | null>(null)
  const problem = ref('')

  async function open(url: string, title: string): Promise<void> {
    if (opening.value) return
    opening.value = url
    problem.value = ''
    try {
      if (opts.privacy && !(await requirePrivacy(opts.privacy))) {
        problem.value = PRIVACY_REFUSED
        return
      }
      const { filePath } = await platform.api.downloadDocument(url)
      try {
        await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true })
      } catch {
        problem.value = `${title}已下载，但这台手机打不开 PDF 文件，请在电脑上登录通办网站下载。`
      }
    } catch (e) {
      const p = e instanceof ApiError ? e.problem : null
      problem.value = `${title}没有打开：${p?.code === 'NETWORK' ? '网络不好，请稍后再试' : p?.title ?? '请稍后再试'}`
    } finally {
      opening.value = null
    }
  }

  return { opening, problem, open }
}
