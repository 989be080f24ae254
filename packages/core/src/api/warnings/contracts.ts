/**
 * 预警 on the workbench: the 黄牌/红牌 for the person's desk (the window's
 * for clerks, their department's for reviewers, all for supervisors and
 * leaders), unread first; marking one read; and how the clocks count today.
 */
import { staffAccess } from '../../staff/capabilities'
import { defineRoutes } from '../contract/contract'
import { Bool, Enum, Int, List, Obj, SerialIdParams, Str, type Static } from '../contract/schema'

export const staffWarningSchema = Obj({
  id: Str(),
  caseNo: Str(),
  itemName: Str(),
  light: Enum(['yellow', 'red']),
  /** 窗口预审, 出具结果, 示例市民政局办理, or 示例市民政局特别程序（预计结束日） for a pause past its expected end. */
  step: Str(),
  deadline: Str(),
  raisedAt: Str(),
  read: Bool(),
})
/** 黄牌/红牌 on the workbench: a step of a case near or past its deadline. */
export type StaffWarning = Static<typeof staffWarningSchema>

export const staffClockViewSchema = Obj({
  /** YYYY-MM-DD in Asia/Shanghai. */
  today: Str(),
  yellowDays: Int(0, 365),
  /** This year or next with no holiday data (the State Council publishes each year's in November or December). */
  missingYears: List(Int(1900, 9999)),
})
/** How the workbench's clocks count today: the yellow threshold, and any year whose holidays are not loaded. */
export type StaffClockView = Static<typeof staffClockViewSchema>

export const warningRoutes = defineRoutes('warnings', {
  list: {
    method: 'GET', path: '/api/staff/warnings', access: staffAccess('workCases'),
    summary: '工作台：预警（黄牌、红牌），未读在前', response: List(staffWarningSchema), cache: 'personal',
  },
  read: {
    method: 'POST', path: '/api/staff/warnings/:id/read', access: staffAccess('workCases'),
    summary: '工作台：预警标为已读', params: SerialIdParams, problems: { id: 'NOT_FOUND' }, noContent: true, cache: 'none',
  },
  clock: {
    method: 'GET', path: '/api/staff/clock', access: { staff: [] },
    summary: '工作台：期限计算的设置（黄灯阈值、缺少节假日安排的年份）', response: staffClockViewSchema, cache: 'personal',
  },
})
