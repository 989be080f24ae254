/** Staff accounts: roles, scope (hall / department), failed sign-ins and lockout. */
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
  failed_attempts: number
  locked_until: Date | null
}

const COLUMNS = 'id, username, display_name, password_hash, roles, hall_id, department_code, failed_attempts, locked_until'

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
    /** Counts a failure; locks for `lockMs` when it reaches `max`. */
    async failSignIn(id: string, max: number, lockMs: number, at: Date): Promise<void> {
      await db.query(
        `update staff set failed_attempts = failed_attempts + 1,
           locked_until = case when failed_attempts + 1 >= $2 then $3::timestamptz else locked_until end
         where id = $1`,
        [id, max, new Date(at.getTime() + lockMs)],
      )
    },
    async clearFailures(id: string): Promise<void> {
      await db.query('update staff set failed_attempts = 0, locked_until = null where id = $1', [id])
    },
  }
}
