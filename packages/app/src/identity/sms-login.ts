/**
 * The 登录 form of both shells: phone and SMS code, checked on the phone with
 * the core's validators and words (the BFF says the same ones), the resend
 * countdown, and the BFF's problem when it says no — at the field it is
 * about, with the tries a wrong code leaves, or that a new code is needed
 * (then the code is cleared and 重新获取验证码 is offered as soon as the
 * one-a-minute wait allows). The green 已发送 goes when a red error shows.
 */
import { computed, reactive, ref } from 'vue'
import {
  API, AUTH_MESSAGES, OTP_LENGTH, OTP_TTL_SECONDS, isValidMobile, normalizeMobile, problemText, type Problem,
} from '@tongban/core'
import { usePlatform } from '../platform/platform'
import { useSessionStore } from './session'
import { useCountdown } from './countdown'

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
  /** A code was sent and has since died (out of tries, expired, used): the button asks for a new one. */
  const codeDead = ref(false)
  /** The BFF sends codes to its local fake: say where to read them. */
  const devInbox = ref(false)

  void platform.api.call(API.identity.clientConfig).then(
    (c) => { devInbox.value = c.devInbox === true },
    () => undefined, // Offline: no hint, and the form says so when it is used.
  )

  /** The send button's words. */
  const sendLabel = computed(() => sending.value ? '发送中…'
    : countdown.remaining.value > 0 ? `${countdown.remaining.value}秒后重新获取`
      : codeDead.value ? '重新获取验证码' : '获取验证码')

  /** The problem when no field carries it (the network, the SMS service): said once above the button. */
  const formProblem = computed(() => {
    const p = problem.value
    return p && !(p.errors ?? []).some((e) => FIELDS.includes(e.path)) ? problemText(p) : ''
  })

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
    notice.value = ''
    for (const e of p.errors ?? []) {
      if (FIELDS.includes(e.path)) errors[e.path as LoginField] = e.message
    }
    if (p.code === 'OTP_DEAD') {
      codeDead.value = true
      code.value = ''
    }
  }

  async function sendCode(): Promise<void> {
    if (sending.value || countdown.remaining.value > 0) return
    problem.value = null
    notice.value = ''
    delete errors.code
    if (!checkPhone()) return
    sending.value = true
    try {
      const r = await session.sendCode(phone.value)
      if (r.ok) {
        codeDead.value = false
        countdown.start(r.value)
        notice.value = `验证码已发送，请查看短信（${Math.round(OTP_TTL_SECONDS / 60)}分钟内有效）`
      } else {
        fail(r.problem)
        // Count down the wait the BFF asked for (a wait of hours is said, not counted).
        const wait = r.problem.retryAfter
        if (r.problem.code === 'OTP_TOO_FREQUENT' && wait !== undefined && wait <= 3600) countdown.start(wait)
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
    if (!phoneOk || !codeOk) {
      notice.value = ''
      return false
    }
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
    phone, code, errors, problem, formProblem, notice, sending, verifying, devInbox, codeDead, sendLabel,
    countdown: countdown.remaining,
    setField, checkPhoneIfTyped, sendCode, submit,
  }
}
