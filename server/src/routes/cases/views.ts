/**
 * A case as the BFF answers it, from its row and its events' projection: a
 * list row (我的办件, the workbench queues), the whole case with its
 * timeline, branches and next steps (the core's nextSteps), a draft; and what changed between two
 * versions of a form (a 补正's resubmission).
 */
import { isDeepStrictEqual } from 'node:util'
import {
  BRANCH_STATUS_TEXT, caseStatusLabel, clockStop, deliveryLabel, nextSteps, shanghaiDate, statusSince, timeline, urgentDeadline,
  type CaseDetail, type CaseSummary, type DraftRecord, type FormValues, type Item,
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
    deliveryLabel: deliveryLabel(item, r.delivery),
    agent: r.agent_id && r.consent_id ? { name: r.agent_name, consentId: r.consent_id } : null,
    nextSteps: nextSteps(item, { status: p.status, outcome: p.outcome, delivery: r.delivery, answers: r.answers }),
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
