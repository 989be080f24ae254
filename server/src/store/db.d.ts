/**
 * One small database interface over PGlite (embedded, default) and
 * PostgreSQL (pg, when DATABASE_URL is set). Same SQL dialect for both;
 * data access lives in store/ only.
 */
import type { AppConfig } from '../config';
export interface Queryable {
    query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}
export interface Db extends Queryable {
    readonly kind: 'pglite' | 'postgres';
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
    close(): Promise<void>;
    /** PGlite only: the whole data directory, to start other instances from. */
    dump?(): Promise<Blob>;
}
export declare function openDb(config: AppConfig): Promise<Db>;
