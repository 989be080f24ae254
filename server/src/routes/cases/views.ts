/**
 * A case as the BFF answers it, from its row and its events' projection: a
 * list row (我的办件, the workbench queues), the whole case with its
 * timeline, branches and next steps, a draft; and what changed between two
 * versions of a form (a 补正's resubmission).
 */
import { isDeepStrictEqual } from 'node:util'
import {
  BRANCH_STATUS_TEXT, caseStatusLabel, clockStop, isBeforeAcceptance, isClosed, REMEDY_TEXT, shanghaiDate, statusSince, timeline, urgentDeadline,
  type CaseDetail, type CaseStatus, type CaseSummary, type DraftRecord, type FormValues, type Item,
} from '@tongban/core'
import type { CaseRow, DraftRow } from '../../store/cases'
import { clockAt, type CaseClock } from '../../cases/events'

function urgentClock(clock: CaseClock, today: string): Pick<CaseSummary, 'deadline' | 'light' | 'daysLeft'> {
  const deadline = urgentDeadline(clock.projection)
  return { deadline, ...clockAt(deadline, today, clock.context) }
}

/**
 * A case as a list shows it. `urgentOn` (the lists, with today's date) puts the earliest
 * running step's clock on the row, so a department past its day shows red even while the
 * case's own deadline, its last department's, is still ahead.
 */
export function summary(r: CaseRow, clock: CaseClock, opts: { urgentOn?: string } = {}): CaseSummary {
  const status = clock.projection.status
  const shown = opts.urgentOn === undefined
    ? { deadline: clock.projection.deadline, light: clock.light, daysLeft: clock.daysLeft }
    : urgentClock(clock, opts.urgentOn)
  return {
    caseNo: r.case_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    status,
    statusLabel: caseStatusLabel(status, clock.projection.outcome),
    submittedAt: new Date(r.submitted_at).toISOString(),
    ...shown,
    clockStop: clockStop(clock.projection),
  }
}

/** Top-level fields whose value differs between two versions of a form (a material's file counts). */
export function changedFields(before: FormValues, after: FormValues): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names].filter((n) => !isDeepStrictEqual(before[n] ?? null, after[n] ?? null))
}

/** What happens next, from the item's own promises. */
export function nextSteps(item: Pick<Item, 'handlingType' | 'promisedDays' | 'visits' | 'department'> | null, delivery: CaseRow['delivery'], status: CaseStatus = 'submitted', outcome?: 'approved' | 'denied'): string[] {
  // Denied: no licence is coming; where the reasons are, and what the applicant may do about it.
  if (outcome === 'denied') {
    return [
      '办理部门没有批准这项申请，理由和法律依据见“不予批准的理由”。',
      REMEDY_TEXT,
    ]
  }
  if (isClosed(status)) return []
  const accepted = status !== 'draft' && !isBeforeAcceptance(status)
  const steps = accepted ? [] : ['窗口工作人员将核对您的申请和材料，材料齐全的予以受理；需要补正的，会一次性告知需补正的全部内容。']
  if (item && status !== 'decided') {
    steps.push(item.handlingType === 'immediate' || item.promisedDays === 0
      ? `${item.department.name}受理后当场办结。`
      : `${item.department.name}承诺自受理之日起${item.promisedDays}个工作日内办结。`)
    if (item.visits === 0) steps.push('全程网上办理，无需到现场。')
    else steps.push(`最多到现场${item.visits}次。`)
  }
  steps.push(delivery === 'electronic' ? '办结后，电子证照会发到“我的证照”。'
    : delivery === 'post' ? '办结后，证照将通过EMS邮寄给您。'
    : '办结后，请凭办件编号和身份证到窗口领取证照。')
  steps.push('每一步进展都会通知您，也可以在“我的办件”中随时查看。')
  return steps
}

export function detail(r: CaseRow, item: Item | null, clock: CaseClock, now: number, departmentName: (code: string) => string): CaseDetail {
  const today = shanghaiDate(now)
  const p = clock.projection
  return {
    ...summary(r, clock),
    statusAt: statusSince(p.events) ?? new Date(r.submitted_at).toISOString(),
    // The applicant's story: what they are told, never the opinions staff keep inside (the workbench adds those).
    timeline: timeline(p.events, departmentName),
    branches: p.branches.map((b) => ({
      department: departmentName(b.department),
      statusLabel: BRANCH_STATUS_TEXT[b.status],
      deadline: b.deadline,
      ...clockAt(b.deadline, today, clock.context),
      ...(b.pause ? { paused: b.pause } : {}),
    })),
    ...(p.supplement ? { supplement: p.supplement } : {}),
    ...(p.outcome ? { outcome: p.outcome } : {}),
    ...(p.outcome === 'denied' ? { denials: p.branches.flatMap((b) => (b.denial ? [{ department: departmentName(b.department), ...b.denial }] : [])) } : {}),
    version: p.events.length,
    formVersion: r.form_version,
    form: r.form,
    values: r.form_values,
    answers: r.answers,
    materials: r.materials,
    delivery: r.delivery,
    agent: r.agent_id && r.consent_id ? { name: r.agent_name, consentId: r.consent_id } : null,
    nextSteps: nextSteps(item, r.delivery, p.status, p.outcome),
    phones: item ? { consult: item.consultPhone, complaint: item.complaintPhone } : null,
  }
}

export function draftView(r: DraftRow): DraftRecord {
  return {
    itemCode: r.item_code,
    itemName: r.item_name,
    formVersion: r.form_version,
    values: r.form_values,
    answers: r.answers,
    updatedAt: Number(r.updated_at),
  }
}
