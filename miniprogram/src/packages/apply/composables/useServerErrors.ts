/**
 * The BFF's own refusal of a form (422 VALIDATION with `errors`), for the
 * apply and 补正 pages alike: each message at the field it names (or the
 * field a part of it belongs to, `premisesRegion.district` → the region),
 * listed with the core's in the "有N处需要修改" summary, until the citizen
 * changes a value. A message that names no field on the form (path '', or
 * a part of the request itself) is for the page to show as its own text.
 */
import { computed, ref, watch, type ComputedRef } from 'vue'
import type { FieldIssue } from '@tongban/core'
import type { ApplicationForm, SummaryEntry } from '@tongban/app'

export interface ServerErrors {
  /** The BFF's message at this field, if any: shown before the core's. */
  errorOf(path: string): string | undefined
  /** The BFF's messages at their fields, then the core's. */
  summary: ComputedRef<SummaryEntry[]>
  /** The BFF's messages that name no field on the form. */
  pageMessages: ComputedRef<string[]>
  /** Takes a refusal's errors; the first field they name (to scroll to), if any. */
  show(errors: readonly FieldIssue[]): string | undefined
  clear(): void
}

export function useServerErrors(form: ApplicationForm): ServerErrors {
  const atFields = ref<SummaryEntry[]>([])
  const onPage = ref<string[]>([])

  // Any change answers them: the next submit asks the BFF again.
  watch(form.values, () => clear(), { deep: true })

  /** The shown field a path is at: itself, or the nearest shown field it is part of. */
  function fieldOf(path: string): string | undefined {
    const parts = path ? path.split('.') : []
    for (let n = parts.length; n > 0; n--) {
      const p = parts.slice(0, n).join('.')
      if (form.isVisible(p)) return p
    }
    return undefined
  }

  function show(errors: readonly FieldIssue[]): string | undefined {
    const fields: SummaryEntry[] = []
    const page: string[] = []
    for (const e of errors) {
      const path = fieldOf(e.path)
      if (path === undefined) page.push(e.message)
      else fields.push({ path, message: e.message })
    }
    atFields.value = fields
    onPage.value = page
    return fields[0]?.path
  }

  function clear(): void {
    if (atFields.value.length) atFields.value = []
    if (onPage.value.length) onPage.value = []
  }

  function errorOf(path: string): string | undefined {
    return atFields.value.find((e) => e.path === path)?.message
  }

  const summary = computed(() => [...atFields.value, ...form.summary.value])
  const pageMessages = computed(() => onPage.value)

  return { errorOf, summary, pageMessages, show, clear }
}
