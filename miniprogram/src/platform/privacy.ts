/**
 * WeChat's privacy agreement flow (小程序隐私协议开发指南; app.json
 * `__usePrivacyCheck__`). A call that touches personal data — chooseMedia,
 * chooseMessageFile, setClipboardData, scanCode, a getPhoneNumber button — waits while
 * WeChat asks the app, through `wx.onNeedPrivacyAuthorization`, to show its
 * own consent popup (components/account/PrivacyConsent.vue, on each page
 * making such a call). The popup's agree button is a
 * `<button open-type="agreePrivacyAuthorization">`: only after its event may
 * `resolve({ buttonId, event: 'agree' })` let the call go on; 不同意 is
 * `resolve({ event: 'disagree' })`, and the call fails. Before each call
 * the app asks first with `wx.requirePrivacyAuthorize`, so a refusal is
 * said in words instead of failing inside WeChat. A base library before
 * 2.32.3 has none of these and no such check: everything goes ahead.
 */
import { reactive } from 'vue'
import Taro from '@tarojs/taro'

/** The agree button's id, which WeChat checks was the button tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

export const PRIVACY_REFUSED = '您没有同意《隐私政策》，这项功能暂时不能用。再点一次，同意后即可使用。'

type Resolution = { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' }
type Resolve = (r: Resolution) => void

interface PrivacyApi {
  onNeedPrivacyAuthorization?: (listener: (resolve: Resolve, info?: { referrer?: string }) => void) => void
  requirePrivacyAuthorize?: (o: { success?: () => void; fail?: (e: unknown) => void }) => void
}

/** What the waiting call is for, in the citizen's words, from the call WeChat names (`referrer`). */
const PURPOSES: [RegExp, string][] = [
  [/chooseMedia|chooseImage|camera/i, '拍照或从相册选择照片'],
  [/chooseMessageFile/i, '从微信聊天中选择文件'],
  [/Clipboard/i, '复制办件编号'],
  [/scanCode/i, '扫描文书上的二维码'],
  [/PhoneNumber/i, '读取您微信绑定的手机号'],
]

/** What the consent popup shows: whether WeChat is waiting, and what for. */
export const privacyRequest = reactive({ pending: false, purpose: '', shown: false })

let waiting: Resolve | null = null
/** Said by the caller of requirePrivacy, for a request WeChat names only "requirePrivacyAuthorize". */
let asked = ''

function api(): PrivacyApi {
  return Taro as unknown as PrivacyApi
}

/** Once, at start (app.ts): from then on WeChat's requests for consent open our popup. */
export function installPrivacyHandler(): void {
  const on = api().onNeedPrivacyAuthorization
  if (typeof on !== 'function') return
  on((resolve, info) => {
    // A second request while one waits replaces it: the popup answers the latest call.
    waiting = resolve
    const referrer = info?.referrer ?? ''
    const purpose = PURPOSES.find(([re]) => re.test(referrer))?.[1] ?? (asked || '使用这项功能')
    Object.assign(privacyRequest, { pending: true, purpose, shown: false })
  })
}

/** The popup is on screen: WeChat wants to know (before agree or disagree). */
export function privacyShown(): void {
  if (!waiting || privacyRequest.shown) return
  privacyRequest.shown = true
  waiting({ event: 'exposureAuthorization' })
}

function settle(r: Resolution): void {
  const resolve = waiting
  waiting = null
  Object.assign(privacyRequest, { pending: false, purpose: '', shown: false })
  resolve?.(r)
}

/** After the agreePrivacyAuthorization button's event, never before. */
export function agreePrivacy(): void {
  settle({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
}

export function refusePrivacy(): void {
  settle({ event: 'disagree' })
}

/**
 * Before a guarded call (`purpose` in the citizen's words, e.g. 拍照或从相册选择照片): true once the citizen has agreed (WeChat asks
 * through our popup when they have not yet); false when they said no.
 */
export function requirePrivacy(purpose: string): Promise<boolean> {
  const require = api().requirePrivacyAuthorize
  if (typeof require !== 'function') return Promise.resolve(true)
  asked = purpose
  return new Promise((resolve) => {
    try {
      require({ success: () => resolve(true), fail: () => resolve(false) })
    } catch {
      resolve(true)
    }
  })
}
