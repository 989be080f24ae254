/**
 * The approval backend's own rows: the ids of the webhooks already acted on
 * (its handovers are outbox jobs, store/outbox.ts).
 */
import type { Queryable } from './db'

export function backendRepo(db: Queryable) {
  return {
    /** True the first time a webhook id is seen (in the acting transaction, so a failed act forgets it). */
    async claimWebhook(eventId: string, caseId: string): Promise<boolean> {
      return (await db.query<{ event_id: string }>(
        'insert into backend_webhooks (event_id, case_id) values ($1, $2) on conflict (event_id) do nothing returning event_id', [eventId, caseId],
      )).length === 1
    },
  }
}
