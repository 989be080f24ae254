/** Who looked at whose personal data, when and why (数据访问记录). Append only. */
import type { AccessPurpose, StaffRole } from '@tongban/core'
import type { Queryable } from './db'

export function accessLogRepo(db: Queryable) {
  return {
    async record(accountId: string, staffId: string, purpose: AccessPurpose, fields: string[], at = new Date()): Promise<void> {
      await db.query('insert into access_log (account_id, staff_id, purpose, fields, at) values ($1, $2, $3, $4, $5)', [accountId, staffId, purpose, fields, at])
    },
    async forAccount(accountId: string, limit = 100) {
      return db.query<{ at: Date; display_name: string; roles: StaffRole[]; purpose: AccessPurpose; fields: string[] }>(
        `select l.at, s.display_name, s.roles, l.purpose, l.fields from access_log l join staff s on s.id = l.staff_id
         where l.account_id = $1 order by l.at desc, s.display_name, l.purpose limit $2`,
        [accountId, limit],
      )
    },
  }
}
