/**
 * A case in words, the same in both shells and on the BFF: how the result
 * reaches the applicant, each status, the case number, and what a step
 * lost to another one meanwhile says.
 */
import { CASE_STATUS_TEXT, withdrawable, type CaseStatus } from '../../cases/machine'
import type { CaseDetail } from './views'

/** 邮寄 is filled in by the EMS issue; until then, 窗口领取 or 电子证照. */
export const DELIVERY_METHODS = ['pickup', 'electronic', 'post'] as const
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number]

export const DELIVERY_LABELS: Record<DeliveryMethod, string> = {
  pickup: '到窗口领取',
  electronic: '电子证照（发到“我的证照”）',
  post: '邮寄到家（EMS）',
}

/** The citizen's words for each status (the machine's own table). */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = CASE_STATUS_TEXT

/** A status in words, saying plainly when the answer was no (a denied case is not just 已办结). */
export function caseStatusLabel(status: CaseStatus, outcome?: 'approved' | 'denied'): string {
  if (outcome === 'denied' && status === 'decided') return '未予批准'
  if (outcome === 'denied' && status === 'completed') return '已办结，未予批准'
  return CASE_STATUS_LABELS[status]
}

export function formatCaseNo(itemCode: string, shanghaiDay: string, seq: number): string {
  return `${itemCode}-${shanghaiDay.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`
}

/** A step of the case — the window's or a department's — is past its deadline: both shells then offer the item's phones. */
export function runsLate(d: Pick<CaseDetail, 'light' | 'branches'>): boolean {
  return d.light === 'red' || d.branches.some((b) => b.light === 'red')
}

/** 撤回 lost to a step taken meanwhile (409 CASE_CHANGED, the case reloaded, or null when that failed): said the same in both shells. */
export function withdrawConflictText(fresh: Pick<CaseDetail, 'status' | 'statusLabel'> | null): string {
  if (!fresh) return '没有撤回：办件刚有了新进展，请稍后重新打开这个办件查看最新情况。'
  if (fresh.status === 'withdrawn') return '没有撤回：这份申请已经在别处撤回了，不用再撤回。'
  if (withdrawable(fresh.status)) return `没有撤回：办件刚有了新进展（${fresh.statusLabel}）。请先看看最新情况，仍要撤回的话再点一次“撤回申请”。`
  if (fresh.status === 'not_accepted') return `没有撤回：办件刚有了新进展（${fresh.statusLabel}），已不能撤回。`
  return `没有撤回：办件刚有了新进展（${fresh.statusLabel}），受理后不能再撤回。`
}

/** A 补正 resubmission lost to a step taken meanwhile (409 CASE_CHANGED, the case reloaded). */
export function resubmitConflictText(fresh: Pick<CaseDetail, 'status' | 'statusLabel'>): string {
  return fresh.status === 'supplement_required'
    ? '没有重新提交：办件刚有了新进展，下面已换成最新的补正要求，请核对后再提交。'
    : `没有重新提交：办件刚有了新进展（${fresh.statusLabel}），现在不需要再补正。`
}
