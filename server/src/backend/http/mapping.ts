/**
 * An approval system's word for where a department's work is, turned into
 * the events our machine knows. Its statuses are absolute, so we move our
 * branch forward to them: "reviewing" on a pending branch is two steps
 * (承办, 审核); a status we have already passed adds nothing; a step taken
 * while we had the branch paused means it was resumed first.
 */
import type { Actor, CaseEventBody, CaseProjection } from '@tongban/core'
import type { WebhookEvent } from './contract'

const RANK = { pending: 0, undertaking: 1, reviewing: 2, approving: 3 } as const
type Step = keyof typeof RANK

export interface Mapped { actor: Actor; body: CaseEventBody & { note?: string } }

/** The events `w` stands for on the case as it now is; [] when it changes nothing. */
export function eventsFor(p: CaseProjection, w: WebhookEvent, systemId: string): Mapped[] {
  if (w.type === 'case.extended') {
    return [{ actor: { role: 'leader', id: systemId }, body: { type: 'extend', days: w.days, reason: w.reason } }]
  }
  const department = w.department
  const actor: Actor = { role: 'reviewer', id: systemId, department }
  const out: Mapped[] = []
  const add = (body: CaseEventBody) => out.push({ actor, body })
  const branch = p.branches.find((b) => b.department === department)
  // No such branch: let the machine say so (it names the department).
  if (!branch) {
    add({ type: 'advance_branch', department })
    return out
  }
  if (branch.status === 'done') return out
  let at: Step = branch.status === 'paused' ? (branch.resumeTo ?? 'pending') : (branch.status as Step)
  const paused = branch.status === 'paused'
  switch (w.status) {
    case 'suspended':
      if (!paused) add({ type: 'pause_branch', department, procedure: w.procedure, reason: w.reason, expectedEnd: w.expectedEnd })
      return out
    case 'resumed':
      if (paused) add({ type: 'resume_branch', department })
      return out
  }
  const target: Step = w.status === 'approved' || w.status === 'denied' ? 'approving' : w.status
  if (paused && (RANK[target] > RANK[at] || (target === 'approving' && w.status !== target))) add({ type: 'resume_branch', department })
  // The step the system reports carries its opinion (internal) and what the applicant is told; steps passed on the way, nothing.
  const told = w.toApplicant ? { toApplicant: w.toApplicant } : {}
  while (RANK[at] < RANK[target]) {
    const reported = RANK[at] + 1 === RANK[target] && w.status === target
    add({ type: 'advance_branch', department, ...(reported && w.opinion ? { opinion: w.opinion } : {}), ...(reported ? told : {}) })
    at = (['pending', 'undertaking', 'reviewing', 'approving'] as const)[RANK[at] + 1]!
  }
  if (w.status === 'approved' || w.status === 'denied') {
    add(w.status === 'denied'
      ? { type: 'decide_branch', department, outcome: 'denied', opinion: w.opinion, basis: w.basis, ...told }
      : { type: 'decide_branch', department, outcome: w.status, ...(w.opinion ? { opinion: w.opinion } : {}), ...told })
  }
  return out
}
