/**
 * Uploaded files (rows; the bytes are in a FileStore). For the case
 * submission (called inside its transaction, with its `Queryable`):
 *
 * - `uploadsRepo(tx).ownedBy(accountId, ids)`: the caller's uploads among
 *   `ids` (others' and unknown ids are simply absent), with `size` to sum
 *   against MAX_CASE_UPLOAD_BYTES and `case_id` (non-null: already used).
 * - `uploadsRepo(tx).attachToCase(accountId, ids, caseId)`: marks the
 *   caller's not-yet-attached uploads among `ids` as part of the case
 *   (`case_id`, `attached_at`); returns how many it marked, so a count below
 *   `ids.length` means one was taken or gone. Attached uploads can no
 *   longer be deleted by the citizen.
 */
import type { Queryable } from './db'

export interface UploadRow {
  id: string
  account_id: string
  storage_key: string
  name: string
  mime: string
  size: number
  sha256: string
  width: number | null
  height: number | null
  material_id: string | null
  item_code: string | null
  case_id: string | null
  created_at: Date
}

const COLUMNS = 'id, account_id, storage_key, name, mime, size, sha256, width, height, material_id, item_code, case_id, created_at'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface NewUpload {
  accountId: string
  storageKey: string
  name: string
  mime: string
  size: number
  sha256: string
  width: number | null
  height: number | null
  materialId: string | null
  itemCode: string | null
  /** By the product's clock (the retention sweep compares it with that clock, never with the database's). */
  createdAt: Date
}

export function uploadsRepo(db: Queryable) {
  return {
    async ownedBy(accountId: string, ids: readonly string[]): Promise<UploadRow[]> {
      const valid = ids.filter((id) => UUID.test(id))
      if (!valid.length) return []
      return db.query<UploadRow>(`select ${COLUMNS} from uploads where account_id = $1 and id = any($2::uuid[])`, [accountId, valid])
    },
    async byIdFor(accountId: string, id: string): Promise<UploadRow | null> {
      return (await this.ownedBy(accountId, [id]))[0] ?? null
    },
    async attachToCase(accountId: string, ids: readonly string[], caseId: string): Promise<number> {
      const valid = ids.filter((id) => UUID.test(id))
      if (!valid.length) return 0
      const rows = await db.query<{ id: string }>(
        'update uploads set case_id = $3, attached_at = now() where account_id = $1 and id = any($2::uuid[]) and case_id is null returning id',
        [accountId, valid, caseId],
      )
      return rows.length
    },
    /** Bytes of the account's uploads not yet part of a submitted case. */
    async pendingBytes(accountId: string): Promise<number> {
      const rows = await db.query<{ n: string | number }>('select coalesce(sum(size), 0) as n from uploads where account_id = $1 and case_id is null', [accountId])
      return Number(rows[0]?.n ?? 0)
    },
    /**
     * Inserts the row unless the account's pending bytes would pass `quota`
     * (checked under a lock on the account row, so parallel uploads cannot
     * both slip under it). Returns the new row, or null when over quota.
     */
    async insertWithin(u: NewUpload, quota: number): Promise<UploadRow | null> {
      await db.query('select id from accounts where id = $1 for update', [u.accountId])
      if ((await this.pendingBytes(u.accountId)) + u.size > quota) return null
      const rows = await db.query<UploadRow>(
        `insert into uploads (account_id, storage_key, name, mime, size, sha256, width, height, material_id, item_code, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning ${COLUMNS}`,
        [u.accountId, u.storageKey, u.name, u.mime, u.size, u.sha256, u.width, u.height, u.materialId, u.itemCode, u.createdAt],
      )
      return rows[0]!
    },
    /**
     * Forgets uploads no case took within the retention (a draft abandoned
     * for weeks); returns their storage keys for the caller to delete.
     */
    async deleteAbandoned(before: Date, limit = 500): Promise<string[]> {
      const rows = await db.query<{ storage_key: string }>(
        `delete from uploads where id in (select id from uploads where case_id is null and created_at < $1 order by created_at limit $2)
         returning storage_key`,
        [before, limit],
      )
      return rows.map((r) => r.storage_key)
    },
    /** Deletes the caller's upload if not attached; 'attached' and 'absent' say why not. */
    async deleteFor(accountId: string, id: string): Promise<{ deleted: UploadRow } | 'attached' | 'absent'> {
      const row = await this.byIdFor(accountId, id)
      if (!row) return 'absent'
      if (row.case_id) return 'attached'
      const gone = await db.query<{ id: string }>('delete from uploads where id = $1 and case_id is null returning id', [id])
      return gone.length ? { deleted: row } : 'attached'
    },
  }
}

export type UploadsRepo = ReturnType<typeof uploadsRepo>
