/**
 * Uploads no case ever took (a draft abandoned, a photo retaken) are kept
 * for UPLOAD_RETENTION_DAYS so a draft can still be finished, then removed,
 * row and bytes, by a sweep every few hours on every instance (the delete
 * is a single statement, so two instances never delete the same row twice).
 */
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../store/db';
import type { FileStore } from '../store/file-store';
export declare function sweepAbandonedUploads(db: Queryable, store: FileStore, before: Date): Promise<number>;
export declare function scheduleUploadSweep(app: FastifyInstance, db: Queryable, store: FileStore, retentionDays: number, now?: () => number): void;
