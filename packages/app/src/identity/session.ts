/**
 * Who is signed in, on this device. The PWA's session lives in an HttpOnly
 * cookie it never sees; the mini-program keeps the bearer token in storage
 * (Platform.keepsToken). Sign-in is two steps: ask for a code, then verify it.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  API, AUTH_MESSAGES, companyIssues, isValidMobile, makeProblem, normalizeCompanyInput, normalizeMobile, normalizeRealNameInput, realNameIssues, shanghaiDate,
  type AccountView, type Problem,
} from '@tongban/core'
import { usePlatform } from '../platform/platform'
import { toProblem, type LoadStatus } from '../catalogue/catalogue'
import { claimCopies, forgetCopies } from './offline-copies'

export const TOKEN_KEY = 'tb.session.token'

export type Outcome<T = void> = { ok: true; value: T } | { ok: false; problem: Problem }

export const useSessionStore = defineStore('session', () => {
  const platform = usePlatform()
  const account = ref<AccountView | null>(null)
  const status = ref<LoadStatus>('idle')
  const signedIn = computed(() => account.value !== null)

  async function load(): Promise<void> {
    status.value = 'loading'
    try {
      account.value = await platform.api.me()
      status.value = 'ready'
      // The offline copies on this device are the signed-in account's, or nobody's.
      await (account.value ? claimCopies(platform.storage, account.value.id) : forgetCopies(platform.storage))
    } catch {
      // Offline: keep whatever we knew; the next load will tell.
      status.value = account.value ? 'ready' : 'error'
    }
  }

  function checkPhone(raw: string): Outcome<string> {
    const phone = normalizeMobile(raw)
    if (!isValidMobile(phone)) {
      return { ok: false, problem: { type: 'urn:tongban:problem:validation', code: 'VALIDATION', status: 400, title: '填写的内容有误，请按提示修改', errors: [{ path: 'phone', code: 'mobile', message: AUTH_MESSAGES.phone }] } }
    }
    return { ok: true, value: phone }
  }

  /** Asks for a code; returns seconds until another may be asked for. */
  async function sendCode(raw: string): Promise<Outcome<number>> {
    const phone = checkPhone(raw)
    if (!phone.ok) return phone
    try {
      return { ok: true, value: (await platform.api.call(API.identity.sendSmsCode, { body: { phone: phone.value } })).resendAfter }
    } catch (e) {
      return { ok: false, problem: toProblem(e) }
    }
  }

  async function verify(raw: string, code: string): Promise<Outcome> {
    const phone = checkPhone(raw)
    if (!phone.ok) return phone
    if (!/^\d{6}$/.test(code.trim())) {
      return { ok: false, problem: { type: 'urn:tongban:problem:validation', code: 'VALIDATION', status: 400, title: '填写的内容有误，请按提示修改', errors: [{ path: 'code', code: 'otp', message: AUTH_MESSAGES.code }] } }
    }
    try {
      const result = await platform.api.call(API.identity.verifySmsCode, { body: { phone: phone.value, code: code.trim() } })
      if (platform.keepsToken) await platform.storage.set(TOKEN_KEY, result.token)
      account.value = result.account
      status.value = 'ready'
      await claimCopies(platform.storage, result.account.id)
      return { ok: true, value: undefined }
    } catch (e) {
      return { ok: false, problem: toProblem(e) }
    }
  }

  /** Real name + resident ID, checked here with the same rules the BFF applies. */
  async function updateProfile(name: string, idNumber: string): Promise<Outcome> {
    const input = normalizeRealNameInput({ name, idNumber })
    const errors = realNameIssues(input, shanghaiDate(platform.now()))
    if (errors.length) return { ok: false, problem: makeProblem('VALIDATION', { errors }) }
    try {
      account.value = await platform.api.call(API.identity.updateProfile, { body: input })
      return { ok: true, value: undefined }
    } catch (e) {
      return { ok: false, problem: toProblem(e) }
    }
  }

  /** The company this account acts for: name and unified social credit code, checked here first. */
  async function updateCompany(name: string, creditCode: string): Promise<Outcome> {
    const input = normalizeCompanyInput({ name, creditCode })
    const errors = companyIssues(input)
    if (errors.length) return { ok: false, problem: makeProblem('VALIDATION', { errors }) }
    try {
      account.value = await platform.api.call(API.identity.updateCompany, { body: input })
      return { ok: true, value: undefined }
    } catch (e) {
      return { ok: false, problem: toProblem(e) }
    }
  }

  async function logout(): Promise<Outcome> {
    try {
      await platform.api.logout()
    } catch (e) {
      return { ok: false, problem: toProblem(e) }
    }
    if (platform.keepsToken) await platform.storage.remove(TOKEN_KEY)
    await forgetCopies(platform.storage)
    account.value = null
    return { ok: true, value: undefined }
  }

  async function logoutOthers(): Promise<Outcome<number>> {
    try {
      return { ok: true, value: (await platform.api.call(API.identity.logoutOthers)).revoked }
    } catch (e) {
      return { ok: false, problem: toProblem(e) }
    }
  }

  return { account, status, signedIn, load, sendCode, verify, updateProfile, updateCompany, logout, logoutOthers }
})
