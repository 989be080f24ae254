/**
 * 接下来: what happens next on a receipt and a case page, every sentence
 * from the case's own data and its item's — who checks it, in how long,
 * whether and why the citizen comes to the hall (and what to bring), and
 * how the result reaches them. Nothing is promised that the product does
 * not do (no "we will notify you" while no message is sent).
 */
import type { Item } from '../catalogue/types'
import type { Answers } from '../catalogue/materials'
import { hallMaterials } from '../catalogue/places'
import type { DeliveryMethod } from '../api/cases/labels'
import { issuesELicence } from './delivery'
import { REMEDY_TEXT } from './remedy'
import { isBeforeAcceptance, isClosed, type CaseStatus } from './status'

export type NextStepsItem = Pick<Item, 'handlingType' | 'promisedDays' | 'visits' | 'department' | 'result' | 'materials' | 'situations' | 'form'>

export interface NextStepsCase {
  status: CaseStatus
  outcome?: 'approved' | 'denied'
  delivery: DeliveryMethod
  answers: Answers
}

/** Where the result goes, for the method chosen; the item gone from the catalogue: plainly, with no 证照 promised. */
function deliverySentence(item: NextStepsItem | null, delivery: DeliveryMethod): string {
  const result = item ? `“${item.result.name}”` : '办理结果'
  if (delivery === 'electronic') {
    return item && issuesELicence(item) ? '办结后，电子证照会发到“我的证照”。' : '办结后，可在“我的办件”中查看办理结果。'
  }
  if (delivery === 'post') return `办结后，${result}将通过EMS邮寄给您。`
  return `办结后，请凭办件编号和身份证到窗口领取${result}。`
}

export function nextSteps(item: NextStepsItem | null, c: NextStepsCase): string[] {
  // Denied: no result is coming; where the reasons are, and what the applicant may do about it.
  if (c.outcome === 'denied') {
    return ['办理部门没有批准这项申请，理由和法律依据见“不予批准的理由”。', REMEDY_TEXT]
  }
  if (isClosed(c.status)) return []
  const accepted = c.status !== 'draft' && !isBeforeAcceptance(c.status)
  const steps = accepted ? [] : ['窗口工作人员将核对您的申请和材料，材料齐全的予以受理；需要补正的，会一次性告知需补正的全部内容。']
  if (item && c.status !== 'decided') {
    steps.push(item.handlingType === 'immediate' || item.promisedDays === 0
      ? `${item.department.name}受理后当场办结。`
      : `${item.department.name}承诺自受理之日起${item.promisedDays}个工作日内办结。`)
    if (item.visits === 0) {
      steps.push('全程网上办理，无需到现场。')
    } else {
      const bring = hallMaterials(item, c.answers)
      steps.push(bring.length ? `最多到现场${item.visits}次，到窗口时请带上：${bring.join('、')}。` : `最多到现场${item.visits}次。`)
    }
  }
  steps.push(deliverySentence(item, c.delivery))
  steps.push('办理进度可以在“我的办件”中随时查看。')
  return steps
}
