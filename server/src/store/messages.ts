/**
 * Messages (issue 18): what each person was told, the 消息中心's rows; each
 * channel's attempt at sending one (the receipts staff see on a case); and
 * the kinds a person switched off. A message is written once per event, kind
 * and recipient (its dedupe key), so a replayed event writes none.
 */
import type { MessageContent, MessageKind } from '@tongban/core'
import type { Queryable } from './db'

export interface MessageRow {
  id: string
  account_id: string
  case_id: string | null
  kind: MessageKind
  content: MessageContent
  read_at: Date | null
  created_at: Date
}

export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed' | 'unavailable'

export interface DeliveryRow {
  id: string
  message_id: string
  /** null: the message as a whole (queued; the person switched the kind off). */
  channel: string | null
  status: DeliveryStatus
  provider_code: string | null
  detail: string | null
  provider_id: string | null
  at: Date
}

export interface NewDelivery {
  channel: string | null
  status: DeliveryStatus
  providerCode?: string | null
  detail?: string | null
  providerId?: string | null
  at: Date
}

/** The person a message goes to, as the channels need them. */
export interface RecipientRow {
  id: string
  phone: string | null
  wechat_openid: string | null
}

/** A message as its delivery needs it: the message, the person (null when the account is gone), whether a channel took it already, whether its kind is switched off. */
export interface ToDeliverRow extends MessageRow {
  recipient: RecipientRow | null
  was_sent: boolean
  muted: boolean
}

const COLUMNS = 'm.id, m.account_id, m.case_id, m.kind, m.content, m.read_at, m.created_at'
const DELIVERY_COLUMNS = 'd.id::text as id, d.message_id, d.channel, d.status, d.provider_code, d.detail, d.provider_id, d.at'

export function messageRepo(db: Queryable) {
  return {
    /** Writes the message unless one with this key exists; its id, or null when it was there already. */
    async create(m: { accountId: string; caseId: string | null; dedupeKey: string; content: MessageContent; at: Date }): Promise<string | null> {
      const rows = await db.query<{ id: string }>(
        `insert into messages (account_id, case_id, kind, dedupe_key, content, created_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (dedupe_key) do nothing returning id`,
        [m.accountId, m.caseId, m.content.kind, m.dedupeKey, JSON.stringify(m.content), m.at],
      )
      return rows[0]?.id ?? null
    },
    async byId(id: string): Promise<MessageRow | null> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null
      return (await db.query<MessageRow>(`select ${COLUMNS} from messages m where m.id = $1`, [id]))[0] ?? null
    },
    /** A person's messages, newest first (ties: the later written first), older than the message `before` when given. */
    async forAccount(accountId: string, opts: { before?: string; limit: number }): Promise<MessageRow[]> {
      const before = opts.before && /^[0-9a-f-]{36}$/i.test(opts.before) ? opts.before : null
      if (opts.before && !before) return []
      return db.query<MessageRow>(
        `select ${COLUMNS} from messages m where m.account_id = $1
           and ($2::uuid is null or (m.created_at, m.seq) < (select b.created_at, b.seq from messages b where b.id = $2::uuid and b.account_id = $1))
         order by m.created_at desc, m.seq desc limit $3`,
        [accountId, before, opts.limit],
      )
    },
    async unread(accountId: string): Promise<number> {
      return Number((await db.query<{ n: string }>('select count(*)::text as n from messages where account_id = $1 and read_at is null', [accountId]))[0]!.n)
    },
    /** Marks one of the person's messages read; false when it is not theirs. */
    async markRead(accountId: string, id: string, at: Date): Promise<boolean> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return false
      return (await db.query<{ id: string }>(
        'update messages set read_at = coalesce(read_at, $3) where id = $1 and account_id = $2 returning id', [id, accountId, at],
      )).length === 1
    },
    /**
     * The person's browser showed the pushed message: a "delivered" receipt after its Web Push "sent" one, once.
     * False when the message is not theirs; true (writing nothing) when it was not pushed or was reported already.
     */
    async markShown(accountId: string, id: string, at: Date): Promise<boolean> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return false
      const mine = await db.query<{ id: string }>('select id from messages where id = $1 and account_id = $2', [id, accountId])
      if (!mine.length) return false
      await db.query(
        `insert into message_deliveries (message_id, channel, status, detail, at)
         select $1, 'webpush', 'delivered', '浏览器已显示通知', $2
         where exists (select 1 from message_deliveries where message_id = $1 and channel = 'webpush' and status = 'sent')
           and not exists (select 1 from message_deliveries where message_id = $1 and channel = 'webpush' and status = 'delivered')`,
        [id, at],
      )
      return true
    },
    async markAllRead(accountId: string, at: Date): Promise<number> {
      return (await db.query('update messages set read_at = $2 where account_id = $1 and read_at is null returning id', [accountId, at])).length
    },
    async forCase(caseId: string): Promise<MessageRow[]> {
      return db.query<MessageRow>(`select ${COLUMNS} from messages m where m.case_id = $1 order by m.created_at, m.seq`, [caseId])
    },

    /** These messages (those that exist), with what delivering each needs: one statement for a batch. */
    async toDeliver(ids: readonly string[]): Promise<ToDeliverRow[]> {
      const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))
      if (!valid.length) return []
      const rows = await db.query<MessageRow & { r_id: string | null; r_phone: string | null; r_openid: string | null; was_sent: boolean; muted: boolean }>(
        `select ${COLUMNS}, a.id as r_id, a.phone as r_phone, a.wechat_openid as r_openid,
           exists (select 1 from message_deliveries d where d.message_id = m.id and d.status in ('sent', 'delivered')) as was_sent,
           exists (select 1 from message_settings s where s.account_id = m.account_id and s.kind = m.kind and not s.enabled) as muted
         from messages m left join accounts a on a.id = m.account_id where m.id = any($1::uuid[])`, [valid],
      )
      return rows.map(({ r_id, r_phone, r_openid, ...m }) => ({ ...m, recipient: r_id ? { id: r_id, phone: r_phone, wechat_openid: r_openid } : null }))
    },

    async addDelivery(messageId: string, d: NewDelivery): Promise<void> {
      await messageRepo(db).addDeliveries([{ messageId, ...d }])
    },
    /** Receipts, in this order (a dispatched batch's at once: one statement). */
    async addDeliveries(ds: readonly (NewDelivery & { messageId: string })[]): Promise<void> {
      if (!ds.length) return
      await db.query(
        `insert into message_deliveries (message_id, channel, status, provider_code, detail, provider_id, at)
         select message_id, channel, status, provider_code, detail, provider_id, at from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) with ordinality
           as v(message_id, channel, status, provider_code, detail, provider_id, at, n) order by n`,
        [ds.map((d) => d.messageId), ds.map((d) => d.channel), ds.map((d) => d.status), ds.map((d) => d.providerCode ?? null),
          ds.map((d) => d.detail ?? null), ds.map((d) => d.providerId ?? null), ds.map((d) => d.at)],
      )
    },
    /** Every attempt at these messages, oldest first. */
    async deliveries(messageIds: readonly string[]): Promise<DeliveryRow[]> {
      if (!messageIds.length) return []
      return db.query<DeliveryRow>(`select ${DELIVERY_COLUMNS} from message_deliveries d where d.message_id = any($1::uuid[]) order by d.id`, [messageIds])
    },
    /**
     * The carrier's word on sent SMS (delivery reports, by the provider's id of each): a receipt "delivered", or
     * "failed" with its code, after the "sent" one (dated when reported, never before the sending: the provider's
     * clock is not ours). A report heard before (reports are pushed again until answered)
     * or for no message of ours (a sign-in code) writes nothing. The message ids it wrote for.
     */
    async smsReports(reports: readonly { providerId: string; delivered: boolean; code: string; detail: string | null; at: Date }[]): Promise<string[]> {
      // The last word on each id; one statement cannot see its own rows, so a repeat within a push is dropped here.
      const byId = new Map(reports.map((r) => [r.providerId, r]))
      if (!byId.size) return []
      const rs = [...byId.values()]
      const rows = await db.query<{ message_id: string }>(
        `insert into message_deliveries (message_id, channel, status, provider_code, detail, provider_id, at)
         select s.message_id, 'sms', case when v.delivered then 'delivered' else 'failed' end, v.code, v.detail, v.provider_id, greatest(v.at, s.at)
         from unnest($1::text[], $2::boolean[], $3::text[], $4::text[], $5::timestamptz[]) as v(provider_id, delivered, code, detail, at)
         join lateral (select d.message_id, d.at from message_deliveries d
                       where d.channel = 'sms' and d.status = 'sent' and d.provider_id = v.provider_id limit 1) s on true
         where not exists (select 1 from message_deliveries x where x.message_id = s.message_id and x.channel = 'sms'
                           and x.provider_id = v.provider_id and x.status in ('delivered', 'failed'))
         returning message_id`,
        [rs.map((r) => r.providerId), rs.map((r) => r.delivered), rs.map((r) => r.code), rs.map((r) => r.detail), rs.map((r) => r.at)],
      )
      return rows.map((r) => r.message_id)
    },
    /** SMS each of these people was sent since `since` (the daily cap), 0 for those sent none. */
    async smsSentSinceMany(accountIds: readonly string[], since: Date): Promise<Map<string, number>> {
      const rows = await db.query<{ account_id: string; n: string }>(
        `select m.account_id, count(*)::text as n from message_deliveries d join messages m on m.id = d.message_id
         where m.account_id = any($1::uuid[]) and d.channel = 'sms' and d.status = 'sent' and d.at >= $2 group by m.account_id`, [[...new Set(accountIds)], since],
      )
      return new Map(accountIds.map((id) => [id, Number(rows.find((r) => r.account_id === id)?.n ?? 0)]))
    },
    /** SMS this person was sent since `since` (the daily cap). */
    async smsSentSince(accountId: string, since: Date): Promise<number> {
      return Number((await db.query<{ n: string }>(
        `select count(*)::text as n from message_deliveries d join messages m on m.id = d.message_id
         where m.account_id = $1 and d.channel = 'sms' and d.status = 'sent' and d.at >= $2`, [accountId, since],
      ))[0]!.n)
    },

    /** The kinds this person switched off. */
    async mutedKinds(accountId: string): Promise<Set<MessageKind>> {
      const rows = await db.query<{ kind: MessageKind }>('select kind from message_settings where account_id = $1 and not enabled', [accountId])
      return new Set(rows.map((r) => r.kind))
    },
    async setKinds(accountId: string, settings: Partial<Record<MessageKind, boolean>>): Promise<void> {
      for (const [kind, enabled] of Object.entries(settings)) {
        await db.query(
          `insert into message_settings (account_id, kind, enabled) values ($1, $2, $3)
           on conflict (account_id, kind) do update set enabled = excluded.enabled`, [accountId, kind, enabled],
        )
      }
    },
  }
}
