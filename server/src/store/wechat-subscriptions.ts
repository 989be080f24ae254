/**
 * The ledger of WeChat one-time subscribe-message acceptances: per openid and
 * template, how many messages WeChat will still take. An accept adds one
 * (capped: a client that reports more than the person tapped only meets
 * 43101 later, but the count stays bounded); ban clears it; reject and filter
 * leave earlier acceptances standing, as WeChat does. A send reserves one
 * first (`take`, atomic: two senders never spend the same acceptance) and
 * gives it back when WeChat did not use it.
 */
import type { Queryable } from './db'

/** More acceptances than anyone taps in a case's life; past it, accepts are not counted. */
export const MAX_WECHAT_ACCEPTS = 50

export type SubscribeAnswer = 'accept' | 'acceptWithAudio' | 'reject' | 'ban' | 'filter'

export function wechatSubscriptionsRepo(db: Queryable) {
  return {
    /** The mini-program openid of an account (null: it never signed in through the mini-program). */
    async openidOf(accountId: string): Promise<string | null> {
      const rows = await db.query<{ wechat_openid: string | null }>('select wechat_openid from accounts where id = $1', [accountId])
      return rows[0]?.wechat_openid ?? null
    },
    /** Records one popup's answers (template ids already checked against the configured ones). */
    async record(openid: string, results: Readonly<Record<string, SubscribeAnswer>>, at: Date): Promise<void> {
      for (const [templateId, result] of Object.entries(results)) {
        if (result === 'accept' || result === 'acceptWithAudio') {
          await db.query(
            `insert into wechat_subscriptions (openid, template_id, accepts, updated_at) values ($1, $2, 1, $3)
             on conflict (openid, template_id) do update set accepts = least(wechat_subscriptions.accepts + 1, $4), updated_at = $3`,
            [openid, templateId, at, MAX_WECHAT_ACCEPTS],
          )
        } else if (result === 'ban') {
          await this.clear(openid, templateId, at)
        }
      }
    },
    /** Acceptances left per template (0 for those never accepted). */
    async remaining(openid: string, templateIds: readonly string[]): Promise<Record<string, number>> {
      return (await wechatSubscriptionsRepo(db).remainingMany([openid], templateIds)).get(openid)!
    },
    /** The same for several people at once (one statement for a batch). */
    async remainingMany(openids: readonly string[], templateIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
      const rows = await db.query<{ openid: string; template_id: string; accepts: number }>(
        'select openid, template_id, accepts from wechat_subscriptions where openid = any($1::text[]) and template_id = any($2::text[])',
        [[...new Set(openids)], [...templateIds]])
      const out = new Map(openids.map((o): [string, Record<string, number>] => [o, Object.fromEntries(templateIds.map((id) => [id, 0]))]))
      for (const r of rows) out.get(r.openid)![r.template_id] = r.accepts
      return out
    },
    /** Reserves one acceptance of the first of these templates that has one; its id, or null when none is left. */
    async take(openid: string, templateIds: readonly string[], at: Date): Promise<string | null> {
      for (const templateId of templateIds) {
        const rows = await db.query<{ template_id: string }>(
          `update wechat_subscriptions set accepts = accepts - 1, updated_at = $3
           where openid = $1 and template_id = $2 and accepts > 0 returning template_id`, [openid, templateId, at])
        if (rows.length) return templateId
      }
      return null
    },
    /** An acceptance reserved but not used by WeChat (the send was refused before it counted, or never arrived). */
    async giveBack(openid: string, templateId: string, at: Date): Promise<void> {
      await db.query(
        'update wechat_subscriptions set accepts = least(accepts + 1, $4), updated_at = $3 where openid = $1 and template_id = $2',
        [openid, templateId, at, MAX_WECHAT_ACCEPTS])
    },
    /** WeChat holds none (43101, ban): whatever we counted is gone. */
    async clear(openid: string, templateId: string, at: Date): Promise<void> {
      await db.query(
        `insert into wechat_subscriptions (openid, template_id, accepts, updated_at) values ($1, $2, 0, $3)
         on conflict (openid, template_id) do update set accepts = 0, updated_at = $3`, [openid, templateId, at])
    },
  }
}
