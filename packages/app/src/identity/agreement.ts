/**
 * The login pages' 我已阅读并同意《用户服务协议》《隐私政策》: nothing that
 * registers or signs the citizen in (a code sent, 登录, 微信一键登录,
 * getPhoneNumber) goes ahead unticked; the refusal's words are the core's.
 * Not kept on the device: each sign-in agrees to the version shown then.
 */
import { ref } from 'vue'
import { AGREEMENT_CONSENT } from '@tongban/core'

export function useAgreementConsent() {
  const agreed = ref(false)
  /** Shown beside the checkbox while it is unticked after an attempt. */
  const error = ref('')

  function setAgreed(value: boolean): void {
    agreed.value = value
    if (value) error.value = ''
  }

  /** True when ticked; otherwise sets `error` and the caller stops. (Not `require`: WeChat's code check takes that for Node's.) */
  function check(): boolean {
    if (agreed.value) return true
    error.value = AGREEMENT_CONSENT.required
    return false
  }

  return { agreed, error, setAgreed, check }
}
