/**
 * 个人信息使用说明: what the review step of an application tells the
 * applicant about the data they give, and the box they tick for it (the
 * BFF refuses a submission without it, SUBMIT_MESSAGES.personalDataConsent).
 * One text for the PWA, the mini-program and the agent's 代为申请: who uses
 * the data (the department that handles the item), for what (that item
 * only), and where the applicant sees who looked at it.
 */
import { ACCESS_LOG_TITLE } from './agreements'

export const PERSONAL_DATA_NOTICE = {
  title: '个人信息使用说明',
  /** The box to tick, naming what is agreed to (read out on its own by a screen reader). */
  consent: '我已阅读并同意个人信息使用说明',
} as const

export interface PersonalDataNoticeFor {
  itemName: string
  departmentName: string
  /** Whose data it is, as the page addresses them: 您 (default), or 群众本人 on an agent's page. */
  whose?: string
}

export function personalDataNotice({ itemName, departmentName, whose = '您' }: PersonalDataNoticeFor): string {
  return `${whose}填写的信息和上传的材料，仅用于办理“${itemName}”，由${departmentName}依法使用和保管，不会用于其他用途或提供给无关单位。`
    + `调阅记录可在“我的—${ACCESS_LOG_TITLE}”中查看。`
}
