/**
 * What a page rendering an application form with FieldList needs around
 * useApplicationForm, the same for the citizen's and the agent's pages: the
 * form context the fields read (what shows, what is required, each field's
 * message — the BFF's, until the value changes, else the core's), the error
 * summary, 下一步 to the review, and the review rows. The review is a step in
 * the browser's history (`?step=review`): back — the phone's, the header's or
 * 返回修改 — returns to the form, not to the page before it.
 */
import { computed, provide, ref, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { attachmentsFromValues, issuesByPath, reviewRows, type FieldIssue, type ItemGuide } from '@tongban/core'
import type { ApplicationForm, MaterialSource } from '@tongban/app'
import { FORM_CONTEXT, fieldId } from '../components/forms/schema/context'
import { regionName } from './regionNames'

export function useFormPage(app: ApplicationForm, item: Ref<ItemGuide | null>, opts: { itemCode: () => string; materials?: MaterialSource; hintOf?: (path: string) => string | undefined }) {
  const serverErrors = ref<Record<string, string[]>>({})
  const step = ref<'form' | 'review' | 'done'>('form')
  watch(app.values, () => { serverErrors.value = {} }, { deep: true })

  const route = useRoute()
  const router = useRouter()
  const reviewing = () => route.query.step === 'review'
  // A reload on the review starts again at the form (the core checks it before the review).
  if (reviewing()) void router.replace({ query: { ...route.query, step: undefined } })
  // Back in the history: off the review.
  watch(() => route.query.step, () => { if (step.value === 'review' && !reviewing()) step.value = 'form' })

  /** From the review to the form, as the browser's back does. */
  function back(): void {
    if (reviewing()) router.back()
    step.value = 'form'
  }

  provide(FORM_CONTEXT, {
    visible: computed(() => new Set(app.result.value?.visible ?? [])),
    required: computed(() => new Set(app.result.value?.required ?? [])),
    errorOf: (path) => serverErrors.value[path]?.[0] ?? app.errorFor(path, { own: true }),
    touch: app.touch,
    itemsMoved: app.itemsMoved,
    get itemCode() { return opts.itemCode() },
    materials: opts.materials,
    hintOf: opts.hintOf,
    lockedOf: app.lockOf,
  })

  const summary = computed(() => [
    ...Object.entries(serverErrors.value).map(([path, m]) => ({ field: fieldId(path), message: m[0]! })),
    ...app.summary.value.map((e) => ({ field: e.path ? fieldId(e.path) : '', message: e.message })),
  ])

  const form = computed(() => item.value?.form ?? null)
  // The validated values name a material by id: its name, size and type (or a licence's title and holder) come from what was filled in.
  const rows = computed(() => (form.value && app.result.value
    ? reviewRows(form.value, app.result.value.values, { region: regionName, attachments: attachmentsFromValues(form.value, app.values.value) })
    : []))

  /** 下一步: every message shows; on to the review only when the core finds nothing. */
  function next(): boolean {
    if (!app.check().ok) return false
    step.value = 'review'
    if (!reviewing()) void router.push({ query: { ...route.query, step: 'review' } })
    window.scrollTo(0, 0)
    return true
  }

  /** The BFF refused some fields: back to the form with its messages under them. */
  function showServerErrors(errors: FieldIssue[]): void {
    serverErrors.value = issuesByPath(errors.map((e) => ({ ...e, code: 'invalid_type' as const })))
    back()
    app.check()
  }

  return { step, form, summary, rows, next, back, showServerErrors }
}
