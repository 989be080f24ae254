/** Loads the demo catalogue (server/seed) into the store; unchanged items keep their ETags. */
import type { Db } from './store/db';
export declare function seedCatalogue(db: Db): Promise<number>;
/** Demo staff accounts (embedded runs and tests only; never in production). */
export declare function seedDemoStaff(db: Db): Promise<void>;
