/**
 * Sessions: opaque random tokens, stored only as an HMAC; 30 days, renewed
 * on use (at most once an hour, so reads stay reads); revocable one by one
 * or all but the current one.
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

export function sessionService(deps: { db: Db; secrets: Secrets; now?: () => Date }) {
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
      await repo().revokeSession(tokenHash, now())
    },
    async revokeOthers(accountId: string, keepHash: string): Promise<number> {
      return repo().revokeOtherSessions(accountId, keepHash, now())
    },
  }
}

export type SessionService = ReturnType<typeof sessionService>
