/**
 * The form being filled, handed from the apply page to every field
 * renderer (fields nest inside groups, so props would go through each level).
 */
import { inject, provide, type InjectionKey } from 'vue'
import type { ApplicationForm } from '@tongban/app'

export interface ApplyFormContext {
  form: ApplicationForm
  itemCode: string
  /** YYYY-MM-DD in Asia/Shanghai, for `'today'` date bounds. */
  today: string
  /** What the window asked to correct about a field (补正), shown above it. */
  hintOf?: (path: string) => string | undefined
  /** What the BFF refused about a field on the last submit, shown in place of the core's message until a value changes. */
  serverErrorOf?: (path: string) => string | undefined
}

const KEY: InjectionKey<ApplyFormContext> = Symbol('tongban.applyForm')

export function provideApplyForm(ctx: ApplyFormContext): void {
  provide(KEY, ctx)
}

export function useApplyForm(): ApplyFormContext {
  const ctx = inject(KEY)
  if (!ctx) throw new Error('useApplyForm outside the apply page')
  return ctx
}

/** An element id for a field path (`members.0.name` → `field-members-0-name`), to scroll to. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^\w]/g, '-')}`
}

export function inputValue(event: unknown): string {
  const value = (event as { detail?: { value?: unknown } } | null)?.detail?.value
  return typeof value === 'string' ? value : String(value ?? '')
}

/** A picker's chosen index (selector) or indexes (multiSelector). */
export function pickerValue(event: unknown): unknown {
  return (event as { detail?: { value?: unknown } } | null)?.detail?.value
}
