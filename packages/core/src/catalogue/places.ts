/**
 * Where each material of a citizen's checklist goes when applying online:
 * into a field of the form (a material field, or a field the form says
 * holds it: the 申请书 is the form itself, a 授权书 its consent box), or to
 * the hall (originals to be seen there). A required material with neither
 * is a gap the seed test refuses; the form page and the receipt list what
 * goes to the hall, so the checklist is followed through.
 */
import type { FormSchema } from '../forms/schema'
import { validateForm } from '../forms/validate'
import { resolveMaterials, type Answers, type ChecklistEntry } from './materials'
import type { Item } from './types'
import { MATERIAL_FORM_LABELS } from './labels'

export type MaterialPlace =
  | { entry: ChecklistEntry; place: 'form' }
  | { entry: ChecklistEntry; place: 'field'; field: string }
  | { entry: ChecklistEntry; place: 'hall' }
  | { entry: ChecklistEntry; place: 'missing' }

function materialFields(form: FormSchema): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const f of form.fields) {
    if (f.type === 'material' && f.materialId) out.set(f.materialId, [...(out.get(f.materialId) ?? []), f.name])
  }
  return out
}

/**
 * Each required material of the checklist for these answers, and where it
 * goes. A field counts only where the form asks for it now (shown and
 * required for these answers and values).
 */
export function materialPlaces(item: Pick<Item, 'materials' | 'situations' | 'form'>, answers: Answers, values: Record<string, unknown> = {}): MaterialPlace[] {
  const form = item.form
  const required = resolveMaterials(item, answers).entries.filter((e) => e.status === 'required')
  if (!form) return required.map((entry) => ({ entry, place: 'hall' }))
  const asked = new Set(validateForm(form, values, { answers }).required)
  const byMaterial = materialFields(form)
  return required.map((entry): MaterialPlace => {
    const id = entry.material.id
    const field = (byMaterial.get(id) ?? []).find((n) => asked.has(n))
    if (field) return { entry, place: 'field', field }
    const filled = form.fills?.[id]
    if (filled === '') return { entry, place: 'form' }
    if (filled !== undefined && asked.has(filled)) return { entry, place: 'field', field: filled }
    if (form.atHall?.includes(id)) return { entry, place: 'hall' }
    return { entry, place: 'missing' }
  })
}

/** The materials to bring to the hall, in words (`居民户口簿（原件）`), for the form page and the receipt. */
export function hallMaterials(item: Pick<Item, 'materials' | 'situations' | 'form'>, answers: Answers): string[] {
  return materialPlaces(item, answers)
    .filter((p) => p.place === 'hall')
    .map(({ entry }) => `${entry.material.name}（${entry.forms.map((f) => MATERIAL_FORM_LABELS[f]).join('或')}${entry.copies > 1 ? `${entry.copies}份` : ''}）`)
}
