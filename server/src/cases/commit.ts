/**
 * The one write point for case events. Submitting, the workbench, the
 * citizen's own actions and an approval system's webhooks all commit
 * through here: act.ts (or submit.ts) checks the event with the core
 * machine and writes the events, the status and the desks; then every
 * registered effect runs in the same transaction (effects.ts), and once it
 * commits the outbox jobs they queued are sent (outbox/outbox.ts) and the
 * live bus tells the open pages of everyone concerned (live/bus.ts) — after,
 * never inside: word of a step that then rolled back would send pages to
 * fetch a version that does not exist.
 */
import type { Item, LiveEvent, SubmitCaseBody } from '@tongban/core'
import type { Db } from '../store/db'
import type { CatalogueService } from '../catalogue/service'
import type { Outbox, QueuedJob } from '../outbox/outbox'
import type { ProductClock } from '../clock'
import { actOnCase, caseLookups, type ActContext, type ActRequest, type ActResult } from './act'
import { submitCase, type MaterialResolver, type SubmitOutcome } from './submit'
import type { CaseEffect, EffectContext } from './effects'
import type { RealNames } from './applicant'
import { desksOf } from './responsibility'
import type { CaseChange, LiveBus } from '../live/bus'

/** Word for one citizen's pages, said after the commit (EffectContext.announce). */
interface Announcement { accountId: string; event: LiveEvent }

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
  /** Where word of committed events goes (live/bus.ts); absent, nobody is told. */
  live?: Pick<LiveBus, 'publishCase' | 'publishToAccount'>
}

/** What the live bus is told of one committed action: the case as it now stands, and the desks it left and joined. */
function changeOf(ctx: ActContext): CaseChange {
  return {
    caseNo: ctx.row.case_no,
    version: ctx.after.events.length,
    status: ctx.after.status,
    accountId: ctx.row.account_id,
    agentId: ctx.row.agent_id,
    desks: [...new Set([...desksOf(ctx.before), ...desksOf(ctx.after)].map((d) => d.desk))],
  }
}

export function caseEvents(opts: CaseEventsOptions): CaseEvents {
  const effects: CaseEffect[] = []
  const lookups = caseLookups(opts.catalogue, opts.clock)

  /**
   * Runs the effects in the acting transaction; the ids of the jobs they queued go into `queued`, the case's
   * change into `changed` (replaced if the transaction runs again), for after the commit.
   */
  const recorder = (queued: QueuedJob[], changed: Map<string, CaseChange>, announced: Map<string, Announcement[]>) => async (ctx: ActContext) => {
    changed.set(ctx.row.case_no, changeOf(ctx))
    const said: Announcement[] = []
    announced.set(ctx.row.case_no, said)
    const at = new Date(ctx.event.at)
    const withOutbox: EffectContext = {
      ...ctx,
      enqueue: async (kind, payload) => { queued.push({ id: await opts.outbox.enqueue(ctx.tx, kind, { caseId: ctx.row.id, payload, at }), kind }) },
      announce: (accountId, event) => { said.push({ accountId, event }) },
    }
    for (const effect of effects) await effect.run(withOutbox)
  }

  /** After the commit: the outbox sends, the live bus tells. Telling never fails the action that committed. */
  async function committed(queued: QueuedJob[], changed: Map<string, CaseChange>, announced: Map<string, Announcement[]>): Promise<void> {
    try {
      await opts.outbox.committed(queued)
    } finally {
      // The events committed whatever the sending did.
      for (const change of changed.values()) {
        try { opts.live?.publishCase(change) } catch { /* best effort: pages poll when word does not come */ }
      }
      for (const { accountId, event } of [...announced.values()].flat()) {
        try { opts.live?.publishToAccount(accountId, event) } catch { /* best effort, as above */ }
      }
    }
  }

  return {
    lookups,
    effect(effect) {
      if (effects.some((e) => e.name === effect.name)) throw new Error(`case effect ${effect.name} added twice`)
      effects.push(effect)
    },
    async act(req) {
      const queued: QueuedJob[] = []
      const changed = new Map<string, CaseChange>()
      const announced = new Map<string, Announcement[]>()
      const result = await actOnCase(opts.db, lookups, { ...req, recorded: recorder(queued, changed, announced) })
      await committed(queued, changed, announced)
      return result
    },
    async submit(accountId, key, item, body, agent = null) {
      const queued: QueuedJob[] = []
      const changed = new Map<string, CaseChange>()
      const announced = new Map<string, Announcement[]>()
      const departmentName = await lookups.departmentNames()
      const out = await submitCase({ db: opts.db, materials: opts.materials, realNames: opts.realNames, now: opts.now, calendar: opts.clock.calendar, departmentName, recorded: recorder(queued, changed, announced) }, accountId, key, item, body, agent)
      await committed(queued, changed, announced)
      return out
    },
  }
}
