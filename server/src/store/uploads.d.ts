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
import type { Queryable } from './db';
export interface UploadRow {
    id: string;
    account_id: string;
    storage_key: string;
    name: string;
    mime: string;
    size: number;
    sha256: string;
    width: number | null;
    height: number | null;
    material_id: string | null;
    item_code: string | null;
    case_id: string | null;
    created_at: Date;
}
export interface NewUpload {
    accountId: string;
    storageKey: string;
    name: string;
    mime: string;
    size: number;
    sha256: string;
    width: number | null;
    height: number | null;
    materialId: string | null;
    itemCode: string | null;
}
export declare function uploadsRepo(db: Queryable): {
    ownedBy(accountId: string, ids: readonly string[]): Promise<UploadRow[]>;
    byIdFor(accountId: string, id: string): Promise<UploadRow | null>;
    attachToCase(accountId: string, ids: readonly string[], caseId: string): Promise<number>;
    /** Bytes of the account's uploads not yet part of a submitted case. */
    pendingBytes(accountId: string): Promise<number>;
    /**
     * Inserts the row unless the account's pending bytes would pass `quota`
     * (checked under a lock on the account row, so parallel uploads cannot
     * both slip under it). Returns the new row, or null when over quota.
     */
    insertWithin(u: NewUpload, quota: number): Promise<UploadRow | null>;
    /**
     * Forgets uploads no case took within the retention (a draft abandoned
     * for weeks); returns their storage keys for the caller to delete.
     */
    deleteAbandoned(before: Date, limit?: number): Promise<string[]>;
    /** Deletes the caller's upload if not attached; 'attached' and 'absent' say why not. */
    deleteFor(accountId: string, id: string): Promise<{
        deleted: UploadRow;
    } | "attached" | "absent">;
};
export type UploadsRepo = ReturnType<typeof uploadsRepo>;
