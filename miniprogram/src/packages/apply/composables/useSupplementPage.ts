/**
 * 补正材料: the case's own form (as submitted, with the citizen's answers),
 * the window's reason above each field or material it concerns; the whole
 * form resubmitted once, checked by the same validator, on the version the
 * citizen saw. Corrections are kept on the phone until then. Fields the BFF
 * refuses get its messages, as on the apply page (useServerErrors).
 */
import { ref, type Ref } from 'vue'
import Taro from '@tarojs/taro'
import { shanghaiDate, type CaseDetail } from '@tongban/core'
import { usePlatform, useSupplement, type SupplementPage as SharedSupplementPage } from '@tongban/app'
import { fieldId, provideApplyForm } from './formContext'
import { useServerErrors, type ServerErrors } from './useServerErrors'

/** The shared page (useSupplement) with what the mini-program adds: the receipt once done, and the BFF's refusals at their fields. */
export type SupplementPage = Pick<SharedSupplementPage, 'detail' | 'problem' | 'sendProblem' | 'sending' | 'form' | 'notNeeded' | 'sendProblemText' | 'load'> & {
  done: Ref<CaseDetail | null>
  /** The BFF's refusal of the resubmitted values: at their fields, in the summary, or for the page. */
  serverErrors: ServerErrors
  resubmit(): Promise<void>
}

export function useSupplementPage(caseNo: string): SupplementPage {
  const platform = usePlatform()
  const s = useSupplement(caseNo)
  const { form, reasons } = s
  const done = ref<CaseDetail | null>(null)
  const serverErrors = useServerErrors(form)
  provideApplyForm({
    form, itemCode: caseNo, today: shanghaiDate(platform.now()), hintOf: (p) => reasons.value.get(p), serverErrorOf: serverErrors.errorOf,
  })

  function scrollToField(path: string): void {
    void Taro.pageScrollTo({ selector: `#${fieldId(path)}`, duration: 200 }).catch(() => undefined)
  }

  async function resubmit(): Promise<void> {
    serverErrors.clear()
    const out = await s.resubmit()
    if (out.kind === 'done') done.value = out.case
    else if (out.kind === 'invalid') scrollToField(out.firstPath ?? '')
    else if (out.kind === 'refused') {
      // Refused by field: each message at its field, the page at the first one.
      const first = serverErrors.show(out.errors)
      if (first !== undefined) scrollToField(first)
    }
  }

  return {
    detail: s.detail, problem: s.problem, sendProblem: s.sendProblem, sending: s.sending, done, form, serverErrors,
    notNeeded: s.notNeeded, sendProblemText: s.sendProblemText, load: s.load, resubmit,
  }
}
