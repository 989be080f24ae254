/**
 * What a page rendering an application form with FieldList needs around
 * useApplicationForm, the same for the citizen's and the agent's pages: the
 * form context the fields read (what shows, what is required, each field's
 * message — the BFF's, until the value changes, else the core's), the error
 * summary, 下一步 to the review, and the review rows.
 */
import { computed, provide, ref, watch, type Ref } from 'vue'
import { issuesByPath, reviewRows, type FieldIssue, type ItemGuide } from '@tongban/core'
import type { ApplicationForm, MaterialSource } from '@tongban/app'
import { FORM_CONTEXT, fieldId } from '../components/forms/schema/context'
import { regionName } from './regionNames'

export function useFormPage(app: ApplicationForm, item: Ref<ItemGuide | null>, opts: { itemCode: () => string; materials?: MaterialSource; hintOf?: (path: string) => string | undefined }) {
  const serverErrors = ref<Record<string, string[]>>({})
  const step = ref<'form' | 'review' | 'done'>('form')
  watch(app.values, () => { serverErrors.value = {} }, { deep: true })

  provide(FORM_CONTEXT, {
    visible: computed(() => new Set(app.result.value?.visible ?? [])),
    required: computed(() => new Set(app.result.value?.required ?? [])),
    errorOf: (path) => serverErrors.value[path]?.[0] ?? app.errorFor(path, { own: true }),
    touch: app.touch,
    itemsMoved: app.itemsMoved,
    get itemCode() { return opts.itemCode() },
    materials: opts.materials,
    hintOf: opts.hintOf,
  })

  const summary = computed(() => [
    ...Object.entries(serverErrors.value).map(([path, m]) => ({ field: fieldId(path), message: m[0]! })),
    ...app.summary.value.map((e) => ({ field: e.path ? fieldId(e.path) : '', message: e.message })),
  ])

  const form = computed(() => item.value?.form ?? null)
  const rows = computed(() => (form.value && app.result.value ? reviewRows(form.value, app.result.value.values, { region: regionName }) : []))

  /** 下一步: every message shows; on to the review only when the core finds nothing. */
  function next(): boolean {
    if (!app.check().ok) return false
    step.value = 'review'
    window.scrollTo(0, 0)
    return true
  }

  /** The BFF refused some fields: back to the form with its messages under them. */
  function showServerErrors(errors: FieldIssue[]): void {
    serverErrors.value = issuesByPath(errors.map((e) => ({ ...e, code: 'invalid_type' as const })))
    step.value = 'form'
    app.check()
  }

  return { step, form, summary, rows, next, showServerErrors }
}
