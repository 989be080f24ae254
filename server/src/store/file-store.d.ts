import { Readable } from 'node:stream';
import type { AppConfig } from '../config';
import type { Queryable } from './db';
import type { S3Client } from '../connectors/s3/index';
export interface StoredFile {
    stream: Readable;
    size: number;
}
export interface FileStore {
    readonly kind: 'disk' | 'postgres' | 's3';
    /** Takes over the temporary file at `tempPath` (moved or copied, then removed). */
    put(key: string, tempPath: string): Promise<void>;
    get(key: string): Promise<StoredFile | null>;
    /** Removing an absent key is not an error. */
    delete(key: string): Promise<void>;
}
/** Files under `dir`, two levels of fan-out so no directory grows huge. */
export declare function diskFileStore(dir: string): FileStore;
/** Files as rows of `upload_blobs` (at most MAX_UPLOAD_BYTES each, so one bytea value is fine). */
export declare function postgresFileStore(db: Queryable): FileStore;
/** Objects `<prefix><key>` in the client's bucket. */
export declare function s3FileStore(s3: S3Client, prefix: string): FileStore;
export interface UploadSpace {
    store: FileStore;
    /** Temporary files of uploads in progress; same file system as the disk store. */
    incomingDir: string;
    close(): Promise<void>;
}
/**
 * Opens the configured store. Temporary files left by a crash are swept at
 * start (they belong to requests that never finished). With `memory://` and
 * no UPLOAD_DIR, everything lives in a temporary directory removed at close.
 */
export declare function openUploadSpace(config: AppConfig, db: Queryable, s3?: S3Client | null): Promise<UploadSpace>;
