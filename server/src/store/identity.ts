/** Accounts, one-time codes and their send log, sessions. */
import type { Queryable } from './db'

export interface AccountRow {
  id: string
  phone: string | null
  name: string | null
  id_number_enc: string | null
  id_number_masked: string | null
  company_name: string | null
  credit_code: string | null
}

const ACCOUNT_COLUMNS = 'id, phone, name, id_number_enc, id_number_masked, company_name, credit_code'

export interface OtpRow {
  id: string
  code_hash: string
  attempts: number
}

export interface SessionRow {
  account_id: string | null
  staff_id: string | null
  expires_at: Date
  last_seen_at: Date
}

export type SessionOwner = { accountId: string } | { staffId: string }

export function identityRepo(db: Queryable) {
  return {
    async accountByPhone(phone: string): Promise<AccountRow | null> {
      return (await db.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from accounts where phone = $1`, [phone]))[0] ?? null
    },
    async accountById(id: string): Promise<AccountRow | null> {
      return (await db.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from accounts where id = $1`, [id]))[0] ?? null
    },
    /** The keyed hash of the account's ID number (the holder of its own licences), once it has a real name. */
    async idNumberHash(id: string): Promise<string | null> {
      return (await db.query<{ id_number_hash: string | null }>('select id_number_hash from accounts where id = $1', [id]))[0]?.id_number_hash ?? null
    },
    /** The account of a phone, created on first sign-in. */
    async ensureAccount(phone: string): Promise<AccountRow> {
      await db.query('insert into accounts (phone) values ($1) on conflict (phone) do nothing', [phone])
      return (await this.accountByPhone(phone))!
    },

    /** Sets the real name; false when the ID number belongs to another account. */
    async setRealName(id: string, name: string, idEnc: string, idHash: string, idMasked: string, at: Date): Promise<boolean> {
      const taken = await db.query<{ id: string }>('select id from accounts where id_number_hash = $1 and id <> $2', [idHash, id])
      if (taken.length) return false
      await db.query(
        'update accounts set name = $2, id_number_enc = $3, id_number_hash = $4, id_number_masked = $5, verified_at = $6 where id = $1',
        [id, name, idEnc, idHash, idMasked, at],
      )
      return true
    },

    async accountByOpenid(openid: string): Promise<AccountRow | null> {
      return (await db.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from accounts where wechat_openid = $1`, [openid]))[0] ?? null
    },
    /** The account of a WeChat user, created (without a phone yet) on first sign-in. */
    async ensureWechatAccount(openid: string, unionid: string | undefined): Promise<AccountRow> {
      await db.query('insert into accounts (wechat_openid, wechat_unionid) values ($1, $2) on conflict (wechat_openid) do nothing', [openid, unionid ?? null])
      return (await this.accountByOpenid(openid))!
    },
    /**
     * Gives the WeChat user's account this phone. When the phone already has
     * an account (signed in on the web before), that account takes over the
     * WeChat identity and the empty one is dropped (its sessions with it):
     * one person, one account. Returns the account that now holds both, and
     * the sessions it revoked (their live streams are to be told, once this
     * has committed).
     */
    async bindPhone(accountId: string, phone: string): Promise<{ account: AccountRow; endedSessions: string[] }> {
      const owner = await this.accountByPhone(phone)
      if (!owner || owner.id === accountId) {
        await db.query('update accounts set phone = $2 where id = $1', [accountId, phone])
        return { account: (await this.accountById(accountId))!, endedSessions: [] }
      }
      const [me] = await db.query<{ wechat_openid: string | null; wechat_unionid: string | null }>('select wechat_openid, wechat_unionid from accounts where id = $1', [accountId])
      const ended = await db.query<{ token_hash: string }>('update sessions set revoked_at = now() where account_id = $1 and revoked_at is null returning token_hash', [accountId])
      await db.query('update accounts set wechat_openid = null where id = $1', [accountId])
      await db.query('update accounts set wechat_openid = $2, wechat_unionid = $3 where id = $1', [owner.id, me?.wechat_openid ?? null, me?.wechat_unionid ?? null])
      return { account: (await this.accountById(owner.id))!, endedSessions: ended.map((r) => r.token_hash) }
    },

    async setCompany(id: string, name: string, creditCode: string): Promise<void> {
      await db.query('update accounts set company_name = $2, credit_code = $3 where id = $1', [id, name, creditCode])
    },

    async recordSend(phone: string, ip: string, at: Date): Promise<void> {
      await db.query('insert into otp_sends (phone, ip, sent_at) values ($1, $2, $3)', [phone, ip, at])
    },
    async sendCounts(phone: string, ip: string, at: Date, dayStart: Date) {
      const rows = await db.query<{ last: Date | null; today: number; ip_hour: number }>(
        `select (select max(sent_at) from otp_sends where phone = $1) as last,
                (select count(*)::int from otp_sends where phone = $1 and sent_at >= $3) as today,
                (select count(*)::int from otp_sends where ip = $2 and sent_at >= $4) as ip_hour`,
        [phone, ip, dayStart, new Date(at.getTime() - 3_600_000)],
      )
      return rows[0]!
    },
    async forgetSend(phone: string, at: Date): Promise<void> {
      await db.query('delete from otp_sends where phone = $1 and sent_at = $2', [phone, at])
    },

    /** Issuing a code voids the earlier ones: only the newest can be used. */
    async issueCode(phone: string, purpose: string, codeHash: string, expiresAt: Date, at: Date): Promise<string> {
      await db.query('update otp_codes set voided_at = $3 where phone = $1 and purpose = $2 and voided_at is null', [phone, purpose, at])
      const rows = await db.query<{ id: string }>(
        'insert into otp_codes (phone, purpose, code_hash, expires_at, created_at) values ($1, $2, $3, $4, $5) returning id',
        [phone, purpose, codeHash, expiresAt, at],
      )
      return rows[0]!.id
    },
    async deleteCode(id: string): Promise<void> {
      await db.query('delete from otp_codes where id = $1', [id])
    },
    /** The live code, locked so two verifications of it cannot both succeed. */
    async liveCode(phone: string, purpose: string, at: Date): Promise<OtpRow | null> {
      const rows = await db.query<OtpRow>(
        `select id, code_hash, attempts from otp_codes
         where phone = $1 and purpose = $2 and voided_at is null and expires_at > $3
         order by created_at desc limit 1 for update`,
        [phone, purpose, at],
      )
      return rows[0] ?? null
    },
    async failAttempt(id: string, maxAttempts: number, at: Date): Promise<void> {
      await db.query(
        'update otp_codes set attempts = attempts + 1, voided_at = case when attempts + 1 >= $2 then $3 else voided_at end where id = $1',
        [id, maxAttempts, at],
      )
    },
    async consumeCode(id: string, at: Date): Promise<void> {
      await db.query('update otp_codes set voided_at = $2 where id = $1', [id, at])
    },

    async createSession(tokenHash: string, owner: SessionOwner, expiresAt: Date, userAgent: string | undefined, at: Date): Promise<void> {
      await db.query(
        'insert into sessions (token_hash, account_id, staff_id, created_at, last_seen_at, expires_at, user_agent) values ($1, $2, $3, $4, $4, $5, $6)',
        [tokenHash, 'accountId' in owner ? owner.accountId : null, 'staffId' in owner ? owner.staffId : null, at, expiresAt, userAgent?.slice(0, 300) ?? null],
      )
    },
    async liveSession(tokenHash: string, at: Date): Promise<SessionRow | null> {
      const rows = await db.query<SessionRow>(
        'select account_id, staff_id, expires_at, last_seen_at from sessions where token_hash = $1 and revoked_at is null and expires_at > $2',
        [tokenHash, at],
      )
      return rows[0] ?? null
    },
    async renewSession(tokenHash: string, expiresAt: Date, at: Date): Promise<void> {
      await db.query('update sessions set last_seen_at = $3, expires_at = $2 where token_hash = $1', [tokenHash, expiresAt, at])
    },
    /** True when it was live until now (a second sign-out ends nothing). */
    async revokeSession(tokenHash: string, at: Date): Promise<boolean> {
      return (await db.query('update sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null returning 1', [tokenHash, at])).length > 0
    },
    /** The sessions it ended (their hashes). */
    async revokeOtherSessions(accountId: string, keepHash: string, at: Date): Promise<string[]> {
      const rows = await db.query<{ token_hash: string }>(
        'update sessions set revoked_at = $3 where account_id = $1 and token_hash <> $2 and revoked_at is null and expires_at > $3 returning token_hash',
        [accountId, keepHash, at],
      )
      return rows.map((r) => r.token_hash)
    },
  }
}

export type IdentityRepo = ReturnType<typeof identityRepo>
