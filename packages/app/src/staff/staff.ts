/** The staff member signed in on this device (HttpOnly tb_staff cookie), and the citizen lookup. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { API, isValidMobile, makeProblem, normalizeMobile, type AccessPurpose, type CitizenCard, type StaffView } from '@tongban/core'
import { usePlatform } from '../platform/platform'
import { toProblem, type LoadStatus } from '../catalogue/catalogue'
import type { Outcome } from '../identity/session'

export const useStaffStore = defineStore('staff', () => {
  const platform = usePlatform()
  const staff = ref<StaffView | null>(null)
  const status = ref<LoadStatus>('idle')

  async function load(): Promise<void> {
    status.value = 'loading'
    try {
      staff.value = await platform.api.staffMe()
      status.value = 'ready'
    } catch {
      status.value = 'error'
    }
  }

  async function login(username: string, password: string): Promise<Outcome> {
    const errors = [
      ...(username.trim() ? [] : [{ path: 'username', code: 'required', message: '请输入用户名' }]),
      ...(password ? [] : [{ path: 'password', code: 'required', message: '请输入密码' }]),
    ]
    if (errors.length) return { ok: false, problem: makeProblem('VALIDATION', { errors }) }
    try {
      staff.value = (await platform.api.call(API.staff.login, { body: { username: username.trim(), password } })).staff
      status.value = 'ready'
      return { ok: true, value: undefined }
    } catch (e) {
      return { ok: false, problem: toProblem(e) }
    }
  }

  /** The staff member has read how many sign-ins failed: hidden now, and not told again (the next sign-in says afresh). */
  async function dismissSignInFailures(): Promise<void> {
    if (!staff.value?.signInFailures) return
    staff.value = { ...staff.value, signInFailures: null }
    // Not sent: the notice comes back on the next load, which is no harm.
    await platform.api.call(API.staff.dismissSignInFailures).catch(() => undefined)
  }

  async function logout(): Promise<void> {
    try { await platform.api.staffLogout() } finally { staff.value = null }
  }

  async function findCitizen(phone: string, purpose: AccessPurpose | ''): Promise<Outcome<CitizenCard>> {
    const errors = [
      ...(isValidMobile(phone) ? [] : [{ path: 'phone', code: 'mobile', message: '请输入11位中国大陆手机号码' }]),
      ...(purpose ? [] : [{ path: 'purpose', code: 'required', message: '请选择查询事由' }]),
    ]
    if (errors.length || !purpose) return { ok: false, problem: makeProblem('VALIDATION', { errors }) }
    try {
      return { ok: true, value: await platform.api.call(API.staff.findCitizen, { query: { phone: normalizeMobile(phone), purpose } }) }
    } catch (e) {
      return { ok: false, problem: toProblem(e) }
    }
  }

  return { staff, status, load, login, dismissSignInFailures, logout, findCitizen }
})
