/**
 * The 登录 page's form: phone and SMS code, checked on the phone with the
 * core's validators and words (the BFF says the same ones), the resend
 * countdown, and the BFF's problem when it says no.
 */
import { reactive, ref } from 'vue'
import {
  API, AUTH_MESSAGES, OTP_LENGTH, OTP_TTL_SECONDS, isValidMobile, normalizeMobile, type Problem,
} from '@tongban/core'
import { usePlatform, useSessionStore } from '@tongban/app'
import { useCountdown } from './useCountdown'

export type LoginField = 'phone' | 'code'

const CODE_PATTERN = new RegExp(`^\\d{${OTP_LENGTH}}$`)
const FIELDS: readonly string[] = ['phone', 'code'] satisfies LoginField[]

export function useSmsLogin() {
  const session = useSessionStore()
  const platform = usePlatform()
  const countdown = useCountdown(() => platform.now())

  const phone = ref('')
  const code = ref('')
  const errors = reactive<Partial<Record<LoginField, string>>>({})
  const problem = ref<Problem | null>(null)
  const notice = ref('')
  const sending = ref(false)
  const verifying = ref(false)
  /** The BFF sends codes to its local fake: say where to read them. */
  const devInbox = ref(false)

  void platform.api.call(API.identity.clientConfig).then(
    (c) => { devInbox.value = c.devInbox === true },
    () => undefined, // Offline: no hint, and the form says so when it is used.
  )

  function setField(field: LoginField, value: string): void {
    if (field === 'phone') phone.value = value
    else code.value = value
    delete errors[field]
  }

  function checkPhone(): boolean {
    if (isValidMobile(normalizeMobile(phone.value))) return true
    errors.phone = AUTH_MESSAGES.phone
    return false
  }

  function checkCode(): boolean {
    if (CODE_PATTERN.test(code.value.trim())) return true
    errors.code = AUTH_MESSAGES.code
    return false
  }

  /** A blurred phone field says at once when the number cannot be right. */
  function checkPhoneIfTyped(): void {
    if (phone.value.trim()) checkPhone()
  }

  function fail(p: Problem): void {
    problem.value = p
    for (const e of p.errors ?? []) {
      if (FIELDS.includes(e.path)) errors[e.path as LoginField] = e.message
    }
  }

  async function sendCode(): Promise<void> {
    if (sending.value || countdown.remaining.value > 0) return
    problem.value = null
    notice.value = ''
    if (!checkPhone()) return
    sending.value = true
    try {
      const r = await session.sendCode(phone.value)
      if (r.ok) {
        countdown.start(r.value)
        notice.value = `验证码已发送，请查看短信（${Math.round(OTP_TTL_SECONDS / 60)}分钟内有效）`
      } else {
        fail(r.problem)
        // "请42秒后再试": count down the wait the BFF asked for.
        const wait = /(\d+)秒/.exec(r.problem.detail ?? '')
        if (r.problem.code === 'OTP_TOO_FREQUENT' && wait) countdown.start(Number(wait[1]))
      }
    } finally {
      sending.value = false
    }
  }

  /** True once signed in (the session store then holds the account and the token). */
  async function submit(): Promise<boolean> {
    if (verifying.value) return false
    problem.value = null
    const phoneOk = checkPhone()
    const codeOk = checkCode()
    if (!phoneOk || !codeOk) return false
    verifying.value = true
    try {
      const r = await session.verify(phone.value, code.value)
      if (!r.ok) fail(r.problem)
      return r.ok
    } finally {
      verifying.value = false
    }
  }

  return {
    phone, code, errors, problem, notice, sending, verifying, devInbox,
    countdown: countdown.remaining,
    setField, checkPhoneIfTyped, sendCode, submit,
  }
}

/** The value of a Taro input event (`detail.value`), whatever the template's DOM typing says. */
export function inputValue(event: unknown): string {
  const value = (event as { detail?: { value?: unknown } } | null)?.detail?.value
  return typeof value === 'string' ? value : String(value ?? '')
}
