/**
 * 补正材料: the case's own form (as submitted, with the citizen's answers),
 * the window's reason above each field or material it concerns; the whole
 * form resubmitted once, checked by the same validator, on the version the
 * citizen saw. Corrections are kept on the phone until then. Fields the BFF
 * refuses get its messages, as on the apply page (useServerErrors).
 */
import { computed, ref, type Ref } from 'vue'
import Taro from '@tarojs/taro'
import { ApiError, shanghaiDate, type CaseDetail, type ItemGuide, type Problem } from '@tongban/core'
import { useApplicationForm, usePlatform, type ApplicationForm } from '@tongban/app'
import { fieldId, provideApplyForm } from './formContext'
import { useServerErrors, type ServerErrors } from './useServerErrors'

export interface SupplementPage {
  detail: Ref<CaseDetail | null>
  problem: Ref<Problem | null>
  sendProblem: Ref<Problem | null>
  sending: Ref<boolean>
  done: Ref<CaseDetail | null>
  form: ApplicationForm
  /** The BFF's refusal of the resubmitted values: at their fields, in the summary, or for the page. */
  serverErrors: ServerErrors
  load(): Promise<void>
  resubmit(): Promise<void>
}

export function useSupplementPage(caseNo: string): SupplementPage {
  const platform = usePlatform()
  const detail = ref<CaseDetail | null>(null)
  const problem = ref<Problem | null>(null)
  const sendProblem = ref<Problem | null>(null)
  const sending = ref(false)
  const done = ref<CaseDetail | null>(null)

  // The case carries its own form: that, not today's, is what gets corrected.
  const item = computed(() => (detail.value ? ({ code: detail.value.itemCode, name: detail.value.itemName, form: detail.value.form } as ItemGuide) : null))
  const form = useApplicationForm({ itemCode: caseNo, item, privateDraft: { key: `supplement:${caseNo}` } })
  const reasons = computed(() => new Map((detail.value?.supplement ?? []).map((s) => [s.path, s.reason])))
  const serverErrors = useServerErrors(form)
  provideApplyForm({
    form, itemCode: caseNo, today: shanghaiDate(platform.now()), hintOf: (p) => reasons.value.get(p), serverErrorOf: serverErrors.errorOf,
  })

  function scrollToField(path: string): void {
    void Taro.pageScrollTo({ selector: `#${fieldId(path)}`, duration: 200 }).catch(() => undefined)
  }

  async function load(): Promise<void> {
    problem.value = null
    try {
      detail.value = await platform.api.getCase(caseNo)
      form.answers.value = detail.value.answers
      await form.restore()
      if (!Object.keys(form.values.value).length) form.values.value = detail.value.values
    } catch (e) {
      problem.value = e instanceof ApiError ? e.problem : null
    }
  }

  async function resubmit(): Promise<void> {
    const c = detail.value
    if (!c || !form.result.value || sending.value) return
    sendProblem.value = null
    serverErrors.clear()
    const checked = form.check()
    if (!checked.ok) {
      scrollToField(checked.firstPath ?? '')
      return
    }
    sending.value = true
    try {
      done.value = await platform.api.resubmitCase(caseNo, { values: form.result.value.values, version: c.version })
      await form.discardDraft()
    } catch (e) {
      const p = e instanceof ApiError ? e.problem : null
      if (p?.errors?.length) {
        // Refused by field: each message at its field, the page at the first one.
        const first = serverErrors.show(p.errors)
        if (first !== undefined) scrollToField(first)
      } else if (p?.code === 'CASE_CHANGED') {
        // Said once the case is reloaded: what to say depends on where it went.
        await load()
        sendProblem.value = p
      } else {
        sendProblem.value = p
      }
    } finally {
      sending.value = false
    }
  }

  return { detail, problem, sendProblem, sending, done, form, serverErrors, load, resubmit }
}
