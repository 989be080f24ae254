/**
 * The guide's numbers and code lists in words, one way for both shells:
 * the PWA said 即时办结 and 法律未规定 where the mini-program said 即办，当场办结
 * and 法律法规未规定, and the two printed fees differently.
 */
import { shanghaiDate } from '../identity/profile'
import { DELIVERY_OPTION_LABELS, HALL_LEVEL_LABELS, MATERIAL_FORM_LABELS, MATERIAL_SOURCE_LABELS } from './labels'
import type { ChecklistStatus } from './materials'
import type { DeliveryOption, Fee, HallLevel, Material, MaterialForm } from './types'
import type { Consent } from '../api/identity/contracts'

/** 承诺时限: 0 is done on the spot. */
export function promisedDaysLabel(days: number): string {
  return days === 0 ? '即办，当场办结' : `${days}个工作日`
}

/** 法定时限: null where no law or regulation sets one. */
export function statutoryDaysLabel(days: number | null): string {
  return days === null ? '法律法规未规定' : days === 0 ? '即办，当场办结' : `${days}个工作日`
}

export function formsLabel(forms: MaterialForm[]): string {
  return forms.map((f) => MATERIAL_FORM_LABELS[f]).join('、')
}

/** Where a material comes from: the guide's own note before the code word. */
export function sourceLabel(material: Pick<Material, 'source' | 'sourceNote'>): string {
  return material.sourceNote ?? MATERIAL_SOURCE_LABELS[material.source]
}

/** 收费: each fee with what it is for (住宅类 80元/件), or 不收费. */
export function feeLabel(fee: Fee): string {
  if (fee.free || fee.items.length === 0) return '不收费'
  return fee.items.map((i) => `${i.name} ${i.amount}`).join('；')
}

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

/** 2026年12月7日, in Asia/Shanghai whatever the phone's zone; empty for a time that cannot be read. */
export function chineseDate(at: number | string | null | undefined): string {
  if (at === null || at === undefined) return ''
  const ms = typeof at === 'number' ? at : Date.parse(at)
  if (!Number.isFinite(ms)) return ''
  const [y, m, d] = shanghaiDate(ms).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** 我授权的代办, one line a consent: who may apply for what, since when (or that it waits for the resident's code). */
export function consentLine(c: Pick<Consent, 'agentName' | 'itemName' | 'status' | 'createdAt' | 'grantedAt'>): string {
  const when = c.status === 'granted' ? `${chineseDate(c.grantedAt ?? c.createdAt)}授权` : `${chineseDate(c.createdAt)}发起，尚未确认`
  return `${c.agentName} 代办“${c.itemName}” · ${when}`
}
