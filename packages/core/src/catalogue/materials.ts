/**
 * Menu-style guidance (情形引导): turns an item's materials and a citizen's
 * answers into that citizen's own checklist. Pure; the same function runs
 * in the PWA, the mini-program and the BFF.
 *
 * Rules, in order:
 * - 'required' and 'optional' materials start in the list; 'conditional'
 *   ones only when an answer adds them.
 * - An answer may add, remove or modify a material. If one answer adds a
 *   material and another removes it, it stays: bringing one paper too many
 *   costs a citizen less than a second trip.
 * - A question hidden by `showIf` has no effect, even if an old answer for
 *   it is still stored.
 * - While a visible question is unanswered, the conditional materials only
 *   it could add are listed as 'maybe', with the condition in words.
 * - Answers naming no known option are reported back, never guessed at.
 */
import type { Item, Material, MaterialForm, Situation } from './types'

/** situation id → chosen option value(s). */
export type Answers = Record<string, string | string[] | undefined>

export type ChecklistStatus = 'required' | 'optional' | 'maybe'

export interface ChecklistEntry {
  material: Material
  status: ChecklistStatus
  copies: number
  forms: MaterialForm[]
  /** Labels of the answers that put it here or changed it. */
  reasons: string[]
  notes: string[]
}

export interface Checklist {
  entries: ChecklistEntry[]
  /** Visible questions with no answer yet, in order. */
  unanswered: string[]
  /** Answers that name an unknown question or option. */
  invalid: { situationId: string; value: string }[]
  /** True when every visible question is answered. */
  complete: boolean
}

function chosenValues(answer: string | string[] | undefined): string[] {
  if (answer === undefined) return []
  return (Array.isArray(answer) ? answer : [answer]).filter((v) => v !== '')
}

/** The questions that apply given the answers so far (showIf resolved in order). */
export function visibleSituations(item: Pick<Item, 'situations'>, answers: Answers): Situation[] {
  const visible: Situation[] = []
  const shown = new Set<string>()
  for (const s of item.situations) {
    if (s.showIf) {
      if (!shown.has(s.showIf.situationId)) continue
      const parent = chosenValues(answers[s.showIf.situationId])
      if (!parent.some((v) => s.showIf!.values.includes(v))) continue
    }
    visible.push(s)
    shown.add(s.id)
  }
  return visible
}

export function resolveMaterials(item: Pick<Item, 'materials' | 'situations'>, answers: Answers): Checklist {
  const byId = new Map(item.materials.map((m) => [m.id, m]))
  const visible = visibleSituations(item, answers)
  const known = new Map(item.situations.map((s) => [s.id, s]))

  const invalid: Checklist['invalid'] = []
  for (const [situationId, answer] of Object.entries(answers)) {
    const situation = known.get(situationId)
    for (const value of chosenValues(answer)) {
      if (!situation || !situation.options.some((o) => o.value === value)) {
        invalid.push({ situationId, value })
      }
    }
  }

  const added = new Map<string, string[]>()
  const removed = new Set<string>()
  const modified = new Map<string, { copies?: number; forms?: MaterialForm[]; notes: string[]; reasons: string[] }>()
  const unanswered: string[] = []
  const pendingAdds = new Set<string>()

  for (const situation of visible) {
    let values = chosenValues(answers[situation.id])
    if (!situation.multiple) values = values.slice(0, 1)
    const options = situation.options.filter((o) => values.includes(o.value))
    if (options.length === 0) {
      unanswered.push(situation.id)
      for (const o of situation.options) {
        for (const e of o.effects ?? []) if (e.op === 'add') pendingAdds.add(e.materialId)
      }
      continue
    }
    for (const option of options) {
      const reason = `${situation.question.replace(/[？?]$/, '')}：${option.label}`
      for (const effect of option.effects ?? []) {
        if (!byId.has(effect.materialId)) continue
        if (effect.op === 'add') {
          added.set(effect.materialId, [...(added.get(effect.materialId) ?? []), reason])
        } else if (effect.op === 'remove') {
          removed.add(effect.materialId)
        } else {
          const m = modified.get(effect.materialId) ?? { notes: [], reasons: [] }
          if (effect.copies !== undefined) m.copies = Math.max(m.copies ?? 0, effect.copies)
          if (effect.forms) m.forms = effect.forms
          if (effect.note) m.notes.push(effect.note)
          m.reasons.push(reason)
          modified.set(effect.materialId, m)
        }
      }
    }
  }

  const entries: ChecklistEntry[] = []
  for (const material of item.materials) {
    const addedBy = added.get(material.id)
    let status: ChecklistStatus | null
    if (addedBy) status = 'required'
    else if (removed.has(material.id)) status = null
    else if (material.requirement === 'required') status = 'required'
    else if (material.requirement === 'optional') status = 'optional'
    else if (pendingAdds.has(material.id)) status = 'maybe'
    else status = null
    if (!status) continue
    const mod = modified.get(material.id)
    entries.push({
      material,
      status,
      copies: mod?.copies ?? material.copies,
      forms: mod?.forms ?? material.forms,
      reasons: [...(addedBy ?? []), ...(mod?.reasons ?? [])],
      notes: [...(material.notes ? [material.notes] : []), ...(mod?.notes ?? [])],
    })
  }

  return { entries, unanswered, invalid, complete: unanswered.length === 0 }
}
