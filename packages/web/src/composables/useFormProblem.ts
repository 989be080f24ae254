/**
 * A form's problem, shaped for the page: the message under each field, and
 * the error summary's rows linking to the field elements (`fieldIds` maps a
 * problem path to the element id; unmapped paths use the path itself).
 */
import { computed, ref } from 'vue'
import type { Problem } from '@tongban/core'

export function useFormProblem(fieldIds: Record<string, string> = {}) {
  const problem = ref<Problem | null>(null)
  const fieldError = (path: string) => problem.value?.errors?.find((e) => e.path === path)?.message
  const summary = computed(() => {
    const p = problem.value
    if (!p) return []
    return p.errors?.length ? p.errors.map((e) => ({ field: fieldIds[e.path] ?? e.path, message: e.message })) : [{ field: '', message: p.title }]
  })
  return { problem, fieldError, summary }
}
