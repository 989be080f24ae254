/**
 * What every field of a rendered form needs to know, provided once by
 * FormRenderer: which paths show and must be filled (from validateForm),
 * the message to show for each path, and the item the materials belong to.
 */
import type { InjectionKey, Ref } from 'vue'
import type { MaterialSource } from '@tongban/app'

export interface FormContext {
  visible: Ref<Set<string>>
  required: Ref<Set<string>>
  /** Only for fields the citizen has left, or all after a submit attempt. */
  errorOf: (path: string) => string | undefined
  touch: (path: string) => void
  /** Group items from `index` on moved by `delta` (a removal or an undo): marks follow their items. */
  itemsMoved?: (path: string, index: number, delta: 1 | -1) => void
  itemCode: string
  /** 补正: what the clerk asked to be corrected on this path, shown above the field until resubmitted. */
  hintOf?: (path: string) => string | undefined
  /** Set when an agent applies for a resident; else the citizen's own files and wallet. */
  materials?: MaterialSource
  /** Why a field is read-only (the applicant's real name, the chosen company); undefined when it may be typed. */
  lockedOf?: (path: string) => string | undefined
}

export const FORM_CONTEXT: InjectionKey<FormContext> = Symbol('tongban.form')

/** An element id for a value path: `members.0.name` → `f-members-0-name`. */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`
