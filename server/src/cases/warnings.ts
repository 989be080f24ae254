/**
 * Staff responsible are warned at yellow and red (domain.md): a sweep reads
 * every open case's clocks — the window's step while submitted, in
 * pre-review or decided, each department's open branch — and raises a
 * 黄牌 the first time a step's light turns yellow and a 红牌 when it turns
 * red; a department's special procedure likewise by its expected end. A
 * step is its kind, department and deadline, so a new deadline (a
 * resubmission, an extension) is a new step. Raising is idempotent, so any
 * number of BFF instances may sweep.
 */
import { lightFor, shanghaiDate } from '@tongban/core'
import type { Queryable } from '../store/db'
import { caseRepo, type CaseRow } from '../store/cases'
import { warningsRepo } from '../store/warnings'
import { caseClock, clockRules, loadEventsOf } from './events'
import type { caseLookups } from './act'
import { desksOf } from './responsibility'
import type { Job } from '../jobs/runner'

export interface DueStep { step: string; audience: string; deadline: string }

/** Open cases read at a time: every one is swept, a batch after another. */
export const SWEEP_BATCH = 500

export async function sweepWarnings(db: Queryable, lookups: ReturnType<typeof caseLookups>, now: number, batch = SWEEP_BATCH): Promise<number> {
  const today = shanghaiDate(now)
  let raised = 0
  for (let after: string | null = null; ;) {
    const rows = await caseRepo(db).openAfter(after, batch)
    raised += await sweepBatch(db, lookups, rows, now, today)
    if (rows.length < batch) return raised
    after = rows.at(-1)!.id
  }
}

async function sweepBatch(db: Queryable, lookups: ReturnType<typeof caseLookups>, rows: CaseRow[], now: number, today: string): Promise<number> {
  const events = await loadEventsOf(db, rows.map((r) => r.id))
  let raised = 0
  for (const row of rows) {
    const item = await lookups.itemOf(row.item_code)
    const p = caseClock(events.get(row.id) ?? [], clockRules(item), now, lookups.clock).projection
    const steps: DueStep[] = []
    // Each desk the case is on (responsibility.ts) is warned of its own running step.
    for (const { desk, due } of desksOf(p)) {
      const department = desk.startsWith('department:') ? desk.slice('department:'.length) : null
      const step = department === null ? (p.status === 'decided' ? 'result:' : 'pre_review:') : `branch:${department}`
      if (due) steps.push({ step: `${step}:${due}`, audience: desk, deadline: due })
      // A paused branch's clock stands still, but the procedure was promised to end (Art. 45): one
      // that runs on past its expected end must not be forgotten.
      const pause = p.branches.find((b) => b.department === department)?.pause
      if (pause) steps.push({ step: `pause:${department}:${pause.expectedEnd}`, audience: desk, deadline: pause.expectedEnd })
    }
    for (const s of steps) {
      const light = lightFor(s.deadline, today, lookups.clock)
      if (light === 'green') continue
      // Straight to red (nobody swept while it was yellow): the red card says it all.
      if (await warningsRepo(db).raise(row.id, s.step, light, s.audience, s.deadline, new Date(now))) raised++
    }
  }
  return raised
}

/** The sweep as a job: one instance at a time (raising is idempotent, but one sweep of every open case is enough). */
export function warningSweepJob(db: Queryable, lookups: ReturnType<typeof caseLookups>, everyMs: number, now: () => number): Job {
  return { name: 'warning-sweep', everyMs, singleton: true, run: async () => ({ raised: await sweepWarnings(db, lookups, now()) }) }
}
