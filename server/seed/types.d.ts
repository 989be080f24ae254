import type { Item } from '@tongban/core';
/** An item as written in the seed files; `updatedAt` is stamped when the seed is loaded. */
export type SeedItem = Omit<Item, 'updatedAt'>;
