/**
 * Sessions: opaque random tokens, stored only as an HMAC; 30 days, renewed
 * on use (at most once an hour, so reads stay reads); revocable one by one
 * or all but the current one. Whatever ends a session goes through here, so
 * its live streams are told at once (`ended`: the live bus, on every
 * instance) rather than at their next check.
 */
import { randomBytes } from 'node:crypto'
import type { Db } from '../store/db'
import { identityRepo, type SessionOwner } from '../store/identity'
import type { Secrets } from './secrets'

export const SESSION_TTL_MS = 30 * 86_400_000
const RENEW_AFTER_MS = 3_600_000

export interface ResolvedSession {
  /** Set for a citizen's session. */
  accountId: string | null
  /** Set for a staff member's session. */
  staffId: string | null
  tokenHash: string
}

export function sessionService(deps: {
  db: Db
  secrets: Secrets
  now?: () => Date
  /** Told the sessions that just ended (their hashes): plugins/app/auth.ts passes the live bus's publishSessionsEnded. */
  ended?: (tokenHashes: readonly string[]) => void
}) {
  const now = deps.now ?? (() => new Date())
  const hashOf = (token: string) => deps.secrets.mac('session', token)
  const repo = () => identityRepo(deps.db)

  return {
    /** A citizen's session (an account id) or a staff member's ({ staffId }). */
    async create(owner: string | SessionOwner, userAgent?: string, ttlMs = SESSION_TTL_MS): Promise<{ token: string; expiresAt: Date }> {
      const at = now()
      const token = randomBytes(32).toString('base64url')
      const expiresAt = new Date(at.getTime() + ttlMs)
      await repo().createSession(hashOf(token), typeof owner === 'string' ? { accountId: owner } : owner, expiresAt, userAgent, at)
      return { token, expiresAt }
    },
    async resolve(token: string): Promise<ResolvedSession | null> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null
      const at = now()
      const tokenHash = hashOf(token)
      const row = await repo().liveSession(tokenHash, at)
      if (!row) return null
      if (at.getTime() - new Date(row.last_seen_at).getTime() > RENEW_AFTER_MS) {
        await repo().renewSession(tokenHash, new Date(at.getTime() + SESSION_TTL_MS), at)
      }
      return { accountId: row.account_id, staffId: row.staff_id, tokenHash }
    },
    async revoke(tokenHash: string): Promise<void> {
      if (await repo().revokeSession(tokenHash, now())) deps.ended?.([tokenHash])
    },
    /** Every other session of the account (退出其他设备); how many were live. */
    async revokeOthers(accountId: string, keepHash: string): Promise<number> {
      const ended = await repo().revokeOtherSessions(accountId, keepHash, now())
      deps.ended?.(ended)
      return ended.length
    },
    /** Sessions a transaction revoked with other writes (identity.ts bindPhone), told once it has committed. */
    announceEnded(tokenHashes: readonly string[]): void {
      if (tokenHashes.length) deps.ended?.(tokenHashes)
    },
  }
}

export type SessionService = ReturnType<typeof sessionService>
