/**
 * 补正材料 for both shells: the case's own form (as submitted, with the
 * citizen's answers) with the window's reason for each field or material it
 * concerns; the whole form resubmitted once, checked by the same validator,
 * on the version the citizen saw. Corrections are kept on the device until
 * then (a private draft). Where the form is shown, and how a refused field
 * is pointed at, is the shell's.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { attachmentsFromCase, labelledSupplement, realNameOf, resubmitConflictText, withAttachmentDetails, type CaseDetail, type FieldIssue, type ItemGuide, type Problem } from '@tongban/core'
import { toProblem } from '../catalogue/catalogue'
import { useApplicationForm, type ApplicationForm } from '../forms/application'
import { useCaseStore } from './case-store'
import { useSessionStore } from '../identity/session'

export type ResubmitResult =
  | { kind: 'done'; case: CaseDetail }
  /** The form's own check failed; `firstPath` is where to take the citizen. */
  | { kind: 'invalid'; firstPath?: string }
  /** The BFF refused these fields. */
  | { kind: 'refused'; errors: FieldIssue[] }
  /** Said in `sendProblem` (and `sendProblemText`). */
  | { kind: 'failed'; problem: Problem }
  | { kind: 'busy' }

export interface SupplementPage {
  detail: ComputedRef<CaseDetail | null>
  problem: Ref<Problem | null>
  sendProblem: Ref<Problem | null>
  sending: Ref<boolean>
  /** The case's own form as an item, for the shell's form components. */
  item: ComputedRef<ItemGuide | null>
  form: ApplicationForm
  /** The reasons with the labels of the fields they are about, for the list at the top. */
  supplementRows: ComputedRef<{ path: string; label: string; reason: string }[]>
  /** The window's reason by field path, for the hint above each field. */
  reasons: ComputedRef<Map<string, string>>
  /** Why there is nothing to correct: resubmitted or withdrawn elsewhere meanwhile, or never asked for. */
  notNeeded: ComputedRef<string>
  /** What to say above the button after a failed resubmission. */
  sendProblemText: ComputedRef<string>
  load(): Promise<void>
  resubmit(): Promise<ResubmitResult>
}

export function useSupplement(caseNo: string): SupplementPage {
  const store = useCaseStore()
  const session = useSessionStore()
  const realName = computed(() => (session.account ? realNameOf(session.account) : undefined))
  const problem = ref<Problem | null>(null)
  // Only once this page's own load was allowed to read it (see useCaseDetail).
  const fetched = ref(false)
  const detail = computed(() => (fetched.value ? store.get(caseNo) : null))
  const sendProblem = ref<Problem | null>(null)
  const sending = ref(false)

  // The case carries its own form: that, not today's, is what gets corrected.
  const item = computed(() => (detail.value ? ({ code: detail.value.itemCode, name: detail.value.itemName, form: detail.value.form } as ItemGuide) : null))
  // The applicant stays the applicant: the real name holds the applicant fields here too (the BFF checks them again).
  const form = useApplicationForm({ itemCode: caseNo, item, privateDraft: { key: `supplement:${caseNo}` }, applicant: realName })
  const reasons = computed(() => new Map((detail.value?.supplement ?? []).map((s) => [s.path, s.reason])))
  const supplementRows = computed(() => (detail.value ? labelledSupplement(detail.value.form, detail.value.supplement ?? []) : []))
  /** Resubmitted or withdrawn elsewhere meanwhile (409 CASE_CHANGED, reloaded): say so, not just "not needed". */
  const changed = computed(() => sendProblem.value?.code === 'CASE_CHANGED' && detail.value !== null)
  const notNeeded = computed(() => (changed.value ? resubmitConflictText(detail.value!) : `这个办件现在不需要补正（${detail.value?.statusLabel ?? ''}）。`))
  const sendProblemText = computed(() => (changed.value ? resubmitConflictText(detail.value!) : sendProblem.value?.title ?? ''))

  async function load(): Promise<void> {
    problem.value = null
    try {
      const c = await store.fetch(caseNo)
      fetched.value = true
      if (form.restored.value) return
      form.answers.value = c.answers
      await form.restore()
      // No draft of this 补正 on the device: the case's own values (the applicant's real name is held over them); the case
      // names each file by id only: its name, size and type (a licence's title and holder) come from the case's record.
      if (form.savedAt.value === null) form.values.value = withAttachmentDetails(c.form, c.values, attachmentsFromCase(c.materials ?? []))
    } catch (e) {
      fetched.value = false
      problem.value = toProblem(e)
    }
  }

  async function resubmit(): Promise<ResubmitResult> {
    if (!detail.value || !form.result.value || sending.value) return { kind: 'busy' }
    sendProblem.value = null
    const checked = form.check()
    if (!checked.ok) return { kind: 'invalid', firstPath: checked.firstPath }
    sending.value = true
    try {
      const out = await store.resubmit(caseNo, form.result.value.values)
      if (out.ok) {
        await form.discardDraft()
        return { kind: 'done', case: out.case }
      }
      if (out.problem.errors?.length) return { kind: 'refused', errors: out.problem.errors }
      sendProblem.value = out.problem
      return { kind: 'failed', problem: out.problem }
    } finally {
      sending.value = false
    }
  }

  return { detail, problem, sendProblem, sending, item, form, supplementRows, reasons, notNeeded, sendProblemText, load, resubmit }
}
