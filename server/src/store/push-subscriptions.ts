/** Web Push subscriptions: the browsers a person turned notifications on in, and what the push service last said. */
import type { Queryable } from './db'

export interface PushSubscriptionRow {
  id: string
  account_id: string
  endpoint: string
  p256dh: string
  auth: string
  /** The session that subscribed (its token hash); null when none was. */
  session_hash: string | null
  /** That session was signed out: nothing more goes there. */
  signed_out: boolean
  created_at: Date
  last_success_at: Date | null
}

export interface PushSubscriptionInput {
  endpoint: string
  keys: { p256dh: string; auth: string }
}

/**
 * Browsers one person may have notifications on in. A message goes to each,
 * so without a cap one account could make the BFF post to thousands of
 * endpoints per message; past it the longest-kept browser is dropped.
 */
export const MAX_PUSH_SUBSCRIPTIONS = 10

export function pushSubscriptionRepo(db: Queryable) {
  return {
    /** Keeps a browser's subscription for the account; the same endpoint again (a refresh, another person signing in there) replaces it. */
    async save(accountId: string, sub: PushSubscriptionInput, at: Date, sessionHash: string | null): Promise<void> {
      await db.query(
        `insert into push_subscriptions (account_id, endpoint, p256dh, auth, session_hash, created_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (endpoint) do update set account_id = excluded.account_id, p256dh = excluded.p256dh, auth = excluded.auth,
           session_hash = excluded.session_hash,
           created_at = case when push_subscriptions.account_id = excluded.account_id and push_subscriptions.p256dh = excluded.p256dh
             then push_subscriptions.created_at else excluded.created_at end`,
        [accountId, sub.endpoint, sub.keys.p256dh, sub.keys.auth, sessionHash, at],
      )
      await db.query(
        `delete from push_subscriptions where account_id = $1 and id not in
           (select id from push_subscriptions where account_id = $1 order by created_at desc, id desc limit $2)`,
        [accountId, MAX_PUSH_SUBSCRIPTIONS],
      )
    },
    /** The account's own subscription at that endpoint; false when it had none there. */
    async remove(accountId: string, endpoint: string): Promise<boolean> {
      return (await db.query('delete from push_subscriptions where account_id = $1 and endpoint = $2 returning id', [accountId, endpoint])).length > 0
    },
    /** The push service said the subscription is gone (404/410). */
    async removeById(id: string): Promise<void> {
      await db.query('delete from push_subscriptions where id = $1', [id])
    },
    async forAccount(accountId: string): Promise<PushSubscriptionRow[]> {
      return (await pushSubscriptionRepo(db).forAccounts([accountId])).get(accountId) ?? []
    },
    /** Each account's subscriptions, oldest first (one statement for a batch of people). */
    async forAccounts(accountIds: readonly string[]): Promise<Map<string, PushSubscriptionRow[]>> {
      const rows = await db.query<PushSubscriptionRow>(
        `select p.*, coalesce(s.revoked_at is not null, false) as signed_out
         from push_subscriptions p left join sessions s on s.token_hash = p.session_hash
         where p.account_id = any($1::uuid[]) order by p.created_at, p.id`,
        [[...new Set(accountIds)]],
      )
      const out = new Map<string, PushSubscriptionRow[]>()
      for (const r of rows) out.set(r.account_id, [...(out.get(r.account_id) ?? []), r])
      return out
    },
    async delivered(id: string, at: Date): Promise<void> {
      await db.query('update push_subscriptions set last_success_at = $2 where id = $1', [id, at])
    },
  }
}
