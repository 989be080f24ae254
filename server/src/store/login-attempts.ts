/**
 * Staff sign-in attempts, counted by the username as typed (whether or not
 * such an account exists, so a lock tells nothing about which names do):
 * one row per (username, address), and one per username for every address
 * ('*'). Each attempt is counted before its password is checked, in one
 * statement, so concurrent attempts cannot all slip under the limit.
 */
import type { Db } from './db'

/** The address of the row that counts a username's attempts from everywhere. */
const EVERYWHERE = '*'

export interface AttemptLimits {
  /** Attempts from one address before that address is locked out of this username. */
  perAddress: number
  /** Attempts from all addresses together before the username is locked for everyone. */
  perUsername: number
  /** How long a lock lasts; a count with no attempt for this long starts again too. */
  lockMs: number
}

export interface AttemptCount {
  /** Over a limit: refuse without checking the password. */
  refused: boolean
  /** When the lock that refused it ends. */
  lockedUntil: Date | null
}

/**
 * Upsert of one count: a lock that has ended, or a count left alone for a whole
 * lock period, starts again at 1; the attempt that reaches `max` starts the lock,
 * and attempts past `max` are refused until it ends (they do not lengthen it).
 */
function counted(address: string, max: string, from = ''): string {
  const fresh = 's.locked_until <= $3::timestamptz or (s.locked_until is null and s.last_at <= $5::timestamptz)'
  const next = `case when ${fresh} then 1 else s.failures + 1 end`
  return `
    insert into staff_login_attempts as s (username, address, failures, last_at, locked_until)
    select $1::text, ${address}, 1, $3::timestamptz, case when 1 >= ${max} then $4::timestamptz end ${from}
    on conflict (username, address) do update set
      failures = ${next},
      locked_until = case when s.locked_until > $3::timestamptz then s.locked_until when ${next} >= ${max} then $4::timestamptz end,
      last_at = $3::timestamptz
    returning failures, locked_until`
}

export function loginAttemptsRepo(db: Db) {
  return {
    /**
     * Counts an attempt from `address` and for the username everywhere. An address
     * already over its limit is refused without counting for the username, so one
     * address cannot lock the account for all the others.
     */
    async count(username: string, address: string, limits: AttemptLimits, at: Date): Promise<AttemptCount> {
      const rows = await db.query<{ here: number; here_until: Date | null; everywhere: number | null; everywhere_until: Date | null }>(
        `with here as (${counted('$2::text', '$6::int')}),
         everywhere as (${counted(`'${EVERYWHERE}'`, '$7::int', 'from here where here.failures <= $6::int')})
         select here.failures as here, here.locked_until as here_until, everywhere.failures as everywhere, everywhere.locked_until as everywhere_until
         from here left join everywhere on true`,
        [username, address, at, new Date(at.getTime() + limits.lockMs), new Date(at.getTime() - limits.lockMs), limits.perAddress, limits.perUsername],
      )
      const r = rows[0]!
      const byAddress = r.here > limits.perAddress
      const byUsername = r.everywhere !== null && r.everywhere > limits.perUsername
      const until = [byAddress ? r.here_until : null, byUsername ? r.everywhere_until : null]
        .filter((d): d is Date => d !== null).map((d) => new Date(d))
        .sort((a, b) => b.getTime() - a.getTime())[0] ?? null
      return { refused: byAddress || byUsername, lockedUntil: until }
    },

    /**
     * A sign-in that succeeded: both its counts start again, and the failures since
     * the previous sign-in are handed back (to tell the staff member) and cleared.
     * Rows are locked in the order count() locks them, so the two never deadlock.
     */
    async signedIn(username: string, address: string): Promise<{ count: number; lastAt: Date | null }> {
      return db.transaction(async (tx) => {
        await tx.query('update staff_login_attempts set failures = 0, locked_until = null where username = $1 and address = $2', [username, address])
        const [seen] = await tx.query<{ unseen: number; last_failure_at: Date | null }>(
          'select unseen, last_failure_at from staff_login_attempts where username = $1 and address = $2 for update', [username, EVERYWHERE],
        )
        await tx.query(
          'update staff_login_attempts set failures = 0, locked_until = null, unseen = 0, last_failure_at = null where username = $1 and address = $2',
          [username, EVERYWHERE],
        )
        return { count: seen?.unseen ?? 0, lastAt: seen?.last_failure_at ? new Date(seen.last_failure_at) : null }
      })
    },

    /** A sign-in that failed (wrong password, or refused): told to the staff member at their next sign-in. */
    async failed(username: string, at: Date): Promise<void> {
      await db.query(
        'update staff_login_attempts set unseen = unseen + 1, last_failure_at = $2 where username = $1 and address = $3',
        [username, at, EVERYWHERE],
      )
    },
  }
}
