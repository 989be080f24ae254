import type { SeedItem } from '../types';
export declare const items: SeedItem[];
