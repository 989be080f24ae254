/**
 * Schema migrations, applied in order at start under an advisory lock so
 * several BFF instances starting together apply each exactly once.
 * Append only: a landed migration is never edited.
 */
import type { Db } from './db';
export interface Migration {
    id: string;
    sql: string;
}
export declare const MIGRATIONS: Migration[];
export declare function migrate(db: Db): Promise<string[]>;
