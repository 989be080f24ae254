/**
 * Words for the guide's numbers and code lists, built from the core's label
 * tables so the PWA and the mini-program say the same thing.
 */
import {
  DELIVERY_OPTION_LABELS, HALL_LEVEL_LABELS, lawTitle, MATERIAL_FORM_LABELS, MATERIAL_SOURCE_LABELS,
  type ChecklistStatus, type DeliveryOption, type Fee, type HallLevel, type Material, type MaterialForm,
} from '@tongban/core'

/** In the core, so both shells print a law's name alike. */
export { lawTitle }

export function promisedDaysLabel(days: number): string {
  return days === 0 ? '即办，当场办结' : `${days}个工作日`
}

export function statutoryDaysLabel(days: number | null): string {
  return days === null ? '法律法规未规定' : `${days}个工作日`
}

export function formsLabel(forms: MaterialForm[]): string {
  return forms.map((f) => MATERIAL_FORM_LABELS[f]).join('、')
}

export function sourceLabel(material: Pick<Material, 'source' | 'sourceNote'>): string {
  return material.sourceNote ?? MATERIAL_SOURCE_LABELS[material.source]
}

export function feeLabel(fee: Fee): string {
  if (fee.free || fee.items.length === 0) return '不收费'
  return fee.items.map((i) => `${i.name} ${i.amount}`).join('；')
}

/** A law's name in book-title marks, once: data may or may not carry them. */
export function deliveryLabels(options: DeliveryOption[]): string[] {
  return options.map((o) => DELIVERY_OPTION_LABELS[o])
}

export function levelsLabel(levels: HallLevel[]): string {
  return levels.map((l) => HALL_LEVEL_LABELS[l]).join('、')
}

export const CHECKLIST_STATUS_LABELS: Record<ChecklistStatus, string> = {
  required: '需要',
  optional: '可选',
  maybe: '可能需要',
}
