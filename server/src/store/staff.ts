/** Staff accounts: roles, scope (hall / department), and the failed sign-ins to tell them of (counting them: login-attempts.ts). */
import type { StaffRole } from '@tongban/core'
import type { Queryable } from './db'

export interface StaffRow {
  id: string
  username: string
  display_name: string
  password_hash: string
  roles: StaffRole[]
  hall_id: string | null
  department_code: string | null
  /** Failed sign-ins between the previous sign-in and the latest, until dismissed. */
  sign_in_failures: number
  last_sign_in_failure_at: Date | null
}

const COLUMNS = 'id, username, display_name, password_hash, roles, hall_id, department_code, sign_in_failures, last_sign_in_failure_at'

export function staffRepo(db: Queryable) {
  return {
    async byUsername(username: string): Promise<StaffRow | null> {
      return (await db.query<StaffRow>(`select ${COLUMNS} from staff where username = $1`, [username]))[0] ?? null
    },
    async byId(id: string): Promise<StaffRow | null> {
      return (await db.query<StaffRow>(`select ${COLUMNS} from staff where id = $1`, [id]))[0] ?? null
    },
    async exists(username: string): Promise<boolean> {
      return (await db.query('select 1 from staff where username = $1', [username])).length > 0
    },
    async insert(s: { username: string; displayName: string; passwordHash: string; roles: StaffRole[]; hallId?: string; departmentCode?: string }): Promise<void> {
      await db.query(
        'insert into staff (username, display_name, password_hash, roles, hall_id, department_code) values ($1, $2, $3, $4, $5, $6) on conflict (username) do nothing',
        [s.username, s.displayName, s.passwordHash, s.roles, s.hallId ?? null, s.departmentCode ?? null],
      )
    },
    /** What to tell the staff member about failed sign-ins (count 0: nothing). */
    async setSignInFailures(id: string, failures: { count: number; lastAt: Date | null }): Promise<void> {
      await db.query(
        'update staff set sign_in_failures = $2, last_sign_in_failure_at = $3 where id = $1',
        [id, failures.count, failures.count > 0 ? failures.lastAt : null],
      )
    },
  }
}
