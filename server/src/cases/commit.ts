/**
 * The one write point for case events. Submitting, the workbench, the
 * citizen's own actions and an approval system's webhooks all commit
 * through here: act.ts (or submit.ts) checks the event with the core
 * machine and writes the events, the status and the desks; then every
 * registered effect runs in the same transaction (effects.ts), and once it
 * commits the outbox jobs they queued are sent (outbox/outbox.ts).
 */
import type { Item, SubmitCaseBody } from '@tongban/core'
import type { Db } from '../store/db'
import type { CatalogueService } from '../catalogue/service'
import type { Outbox, QueuedJob } from '../outbox/outbox'
import type { ProductClock } from '../clock'
import { actOnCase, caseLookups, type ActContext, type ActRequest, type ActResult } from './act'
import { submitCase, type MaterialResolver, type SubmitOutcome } from './submit'
import type { CaseEffect, EffectContext } from './effects'
import type { RealNames } from './applicant'

export interface CaseEvents {
  /** The catalogue lookups every case view needs. */
  readonly lookups: ReturnType<typeof caseLookups>
  /** Adds an effect; effects run in the order they were added. */
  effect(effect: CaseEffect): void
  act(req: Omit<ActRequest, 'recorded'>): Promise<ActResult>
  submit(accountId: string, key: string, item: Item, body: SubmitCaseBody, agent?: { agentId: string; consentId: string } | null): Promise<SubmitOutcome>
}

export interface CaseEventsOptions {
  db: Db
  catalogue: CatalogueService
  outbox: Outbox
  materials: MaterialResolver
  /** The applicant's real name, read in the submit transaction (applicant.ts). */
  realNames: RealNames
  now: () => number
  /** The product clock: its calendar counts every deadline. */
  clock: ProductClock
}

export function caseEvents(opts: CaseEventsOptions): CaseEvents {
  const effects: CaseEffect[] = []
  const lookups = caseLookups(opts.catalogue, opts.clock)

  /** Runs the effects in the acting transaction; the ids of the jobs they queued go into `queued`. */
  const recorder = (queued: QueuedJob[]) => async (ctx: ActContext) => {
    const at = new Date(ctx.event.at)
    const withOutbox: EffectContext = {
      ...ctx,
      enqueue: async (kind, payload) => { queued.push({ id: await opts.outbox.enqueue(ctx.tx, kind, { caseId: ctx.row.id, payload, at }), kind }) },
    }
    for (const effect of effects) await effect.run(withOutbox)
  }

  return {
    lookups,
    effect(effect) {
      if (effects.some((e) => e.name === effect.name)) throw new Error(`case effect ${effect.name} added twice`)
      effects.push(effect)
    },
    async act(req) {
      const queued: QueuedJob[] = []
      const result = await actOnCase(opts.db, lookups, { ...req, recorded: recorder(queued) })
      await opts.outbox.committed(queued)
      return result
    },
    async submit(accountId, key, item, body, agent = null) {
      const queued: QueuedJob[] = []
      const departmentName = await lookups.departmentNames()
      const out = await submitCase({ db: opts.db, materials: opts.materials, realNames: opts.realNames, now: opts.now, calendar: opts.clock.calendar, departmentName, recorded: recorder(queued) }, accountId, key, item, body, agent)
      await opts.outbox.committed(queued)
      return out
    },
  }
}
