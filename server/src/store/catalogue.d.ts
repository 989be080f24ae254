import { type Department, type Hall, type Item, type ItemSummary } from '@tongban/core';
import type { Db } from './db';
export type NewItem = Omit<Item, 'updatedAt'>;
export declare function etagOf(doc: unknown): string;
export interface CatalogueRepo {
    upsertDepartments(list: Department[]): Promise<void>;
    upsertHalls(list: Hall[]): Promise<void>;
    /** Writes items whose content changed; returns how many did. */
    upsertItems(list: NewItem[], now?: Date): Promise<number>;
    listSummaries(): Promise<ItemSummary[]>;
    getItem(code: string): Promise<{
        item: Item;
        etag: string;
    } | null>;
    listHalls(): Promise<Hall[]>;
    listDepartments(): Promise<Department[]>;
    /** Changes whenever any item is added, changed or removed. */
    version(): Promise<string>;
}
export declare function catalogueRepo(db: Db): CatalogueRepo;
