/**
 * How the result of a case reaches the applicant (领取方式), from the item:
 * the choices the review offers, the one chosen by default, the words for
 * a chosen one, and the BFF's refusal of one the item does not offer. One
 * rule for both shells and the BFF.
 *
 * - 电子证照 only where the item issues an e-licence (`result.eLicence`);
 *   a 零跑动 item that issues none tells its result online (the case page,
 *   我的办件) under the same method, named for what it is.
 * - 到窗口领取 only where the citizen comes to the hall anyway (visits > 0)
 *   and the item hands results out there (`self`): a 零跑动 item never
 *   sends anyone to a window.
 * - 邮寄 where the item mails results (`deliver_result` / `both`); shown as
 *   coming soon until the EMS issue, never chosen.
 */
import type { Item } from '../catalogue/types'
import { DELIVERY_LABELS, type DeliveryMethod } from '../api/cases/labels'

export type DeliveryItem = Pick<Item, 'visits' | 'deliveryOptions' | 'result'>

export interface DeliveryChoice {
  method: DeliveryMethod
  label: string
  /** Shown, not yet chosen (邮寄 waits for the EMS issue). */
  soon: boolean
}

/** Methods shown but not yet open to choose. */
export const DELIVERY_SOON: readonly DeliveryMethod[] = ['post']

/** The item's result goes into 我的证照 as an electronic licence. */
export function issuesELicence(item: Pick<Item, 'result'>): boolean {
  return item.result.eLicence === true
}

/** 领取方式 in words for this item (电子证照 only for an item that issues one). */
export function deliveryLabel(item: Pick<Item, 'result'> | null, method: DeliveryMethod): string {
  if (method === 'electronic' && item && !issuesELicence(item)) return '网上告知办理结果（在“我的办件”查看）'
  return DELIVERY_LABELS[method]
}

export function deliveryChoices(item: DeliveryItem): DeliveryChoice[] {
  const methods: DeliveryMethod[] = []
  if (issuesELicence(item) || item.visits === 0) methods.push('electronic')
  if (item.visits > 0 && item.deliveryOptions.includes('self')) methods.push('pickup')
  if (item.deliveryOptions.some((o) => o === 'deliver_result' || o === 'both')) methods.push('post')
  return methods.map((method) => ({ method, label: deliveryLabel(item, method), soon: DELIVERY_SOON.includes(method) }))
}

/** What the review starts with: the first choice open now (null only for an item with none, which the seed test forbids). */
export function defaultDelivery(item: DeliveryItem): DeliveryMethod | null {
  return deliveryChoices(item).find((c) => !c.soon)?.method ?? null
}

/** Why the BFF refuses this method for this item, in the citizen's words; null when it is offered. */
export function deliveryRefusal(item: DeliveryItem, method: DeliveryMethod): string | null {
  const choice = deliveryChoices(item).find((c) => c.method === method)
  if (choice && !choice.soon) return null
  if (choice) return `${choice.label}暂未开通，请选择其他领取方式`
  const open = deliveryChoices(item).filter((c) => !c.soon).map((c) => c.label)
  return `这个事项不提供“${DELIVERY_LABELS[method]}”，请选择：${open.join('或')}`
}
