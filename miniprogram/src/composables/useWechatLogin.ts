/**
 * 微信一键登录 and 绑定手机号. The code from wx.login becomes a session at the
 * BFF (an account per WeChat user, made on first use, with no phone yet);
 * the code from a getPhoneNumber button binds the phone and comes back as a
 * NEW session: the old token is revoked, and when the phone already had an
 * account (signed in on the web) the session is that account's.
 *
 * Not a session-store method (packages/ stay as they are): the token goes
 * into storage under TOKEN_KEY, where the platform's api client reads it,
 * and the store is told the account and then asks the BFF again.
 */
import { ref } from 'vue'
import Taro from '@tarojs/taro'
import { API, makeProblem, type AccountView, type Problem, type SessionResult } from '@tongban/core'
import { TOKEN_KEY, toProblem, usePlatform, useSessionStore } from '@tongban/app'

/** What the login page says when the citizen does not allow the phone number. */
export const PHONE_REFUSED = '未获得手机号授权，可以稍后在“我的”里绑定'

export type PhoneOutcome =
  /** Bound: the new session is stored. */
  | 'bound'
  /** No code in the event: the citizen said no (or WeChat could not ask). Still signed in. */
  | 'refused'
  /** The BFF said no: `problem` says why. Still signed in with the old session. */
  | 'failed'

/** The code a getPhoneNumber event carries (`e.detail.code`), if any. */
export function phoneCode(event: unknown): string | null {
  const code = (event as { detail?: { code?: unknown } } | null)?.detail?.code
  return typeof code === 'string' && code !== '' ? code : null
}

export function useWechatLogin() {
  const platform = usePlatform()
  const session = useSessionStore()
  const signingIn = ref(false)
  const binding = ref(false)
  const problem = ref<Problem | null>(null)

  async function keep(result: SessionResult): Promise<void> {
    await platform.storage.set(TOKEN_KEY, result.token)
    // Known at once (and kept if the check below cannot reach the BFF)…
    session.$patch({ account: result.account, status: 'ready' })
    // …and confirmed with the new token, as every page does.
    await session.load()
  }

  /** 微信一键登录: the account signed in, or null (then `problem` says why). */
  async function login(): Promise<AccountView | null> {
    if (signingIn.value) return null
    signingIn.value = true
    problem.value = null
    try {
      let code: string
      try {
        code = (await Taro.login()).code
      } catch (e) {
        const errMsg = (e as { errMsg?: string } | null)?.errMsg ?? String(e)
        // No signal is not WeChat's fault: say what the citizen can fix.
        problem.value = !platform.isOnline() || /network|网络/i.test(errMsg)
          ? makeProblem('NETWORK', { detail: errMsg })
          : makeProblem('WECHAT_UNAVAILABLE', { detail: errMsg })
        return null
      }
      const result = await platform.api.call(API.identity.wechatLogin, { body: { code } })
      await keep(result)
      return result.account
    } catch (e) {
      problem.value = toProblem(e)
      return null
    } finally {
      signingIn.value = false
    }
  }

  /** The getPhoneNumber button's event: binds the phone when it carries a code. */
  async function bindPhone(event: unknown): Promise<PhoneOutcome> {
    if (binding.value) return 'failed'
    problem.value = null
    const code = phoneCode(event)
    if (!code) return 'refused'
    binding.value = true
    try {
      await keep(await platform.api.call(API.identity.wechatPhone, { body: { code } }))
      return 'bound'
    } catch (e) {
      problem.value = toProblem(e)
      return 'failed'
    } finally {
      binding.value = false
    }
  }

  return { signingIn, binding, problem, login, bindPhone }
}
