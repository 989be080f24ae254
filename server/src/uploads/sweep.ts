/**
 * Uploads no case ever took (a draft abandoned, a photo retaken) are kept
 * for UPLOAD_RETENTION_DAYS so a draft can still be finished, then removed,
 * row and bytes, by a sweep every few hours on one instance at a time (a
 * singleton job; the delete is a single statement anyway).
 */
import type { Queryable } from '../store/db'
import type { FileStore } from '../store/file-store'
import { uploadsRepo } from '../store/uploads'
import type { Job } from '../jobs/runner'

const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000

export async function sweepAbandonedUploads(db: Queryable, store: FileStore, before: Date): Promise<number> {
  let total = 0
  for (;;) {
    const keys = await uploadsRepo(db).deleteAbandoned(before)
    for (const key of keys) await store.delete(key)
    total += keys.length
    if (keys.length < 500) return total
  }
}

export function uploadSweepJob(db: Queryable, store: FileStore, retentionDays: number, now: () => number): Job {
  return {
    name: 'upload-sweep', everyMs: SWEEP_EVERY_MS, singleton: true,
    run: async () => ({ removed: await sweepAbandonedUploads(db, store, new Date(now() - retentionDays * 24 * 60 * 60 * 1000)) }),
  }
}
