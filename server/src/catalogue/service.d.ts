/**
 * The catalogue as the BFF serves it: summaries, search index and guide
 * bodies held in memory (each serialised once), reloaded when the stored
 * version changes. Another instance's write shows up here within
 * `recheckMs`, since the version is re-read at most that often.
 */
import { type Department, type Hall, type Item, type ItemListQuery, type ItemPage } from '@tongban/core';
import type { CatalogueRepo } from '../store/catalogue';
export interface GuideBody {
    /** The guide serialised once, sent as is. */
    json: string;
    etag: string;
    /** The same guide as an object, for routes that read it (the application form). */
    item: Item;
}
export interface CatalogueService {
    list(query: ItemListQuery): Promise<ItemPage>;
    snapshot(): Promise<{
        json: string;
        etag: string;
    }>;
    guide(code: string): Promise<GuideBody | null>;
    halls(): Promise<Hall[]>;
    departments(): Promise<Department[]>;
    /** Forget everything now (after a write on this instance). */
    invalidate(): void;
}
export declare function catalogueService(repo: CatalogueRepo, opts?: {
    recheckMs?: number;
    now?: () => number;
}): CatalogueService;
