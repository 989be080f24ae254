import type { SeedItem } from './types';
export { departments, DEPT, CONSULT_PHONE, COMPLAINT_PHONE } from './departments';
export { halls, HALL } from './halls';
export type { SeedItem } from './types';
/** Application forms (申请表) by item code; more come as items go online. */
export declare const seedForms: Record<string, NonNullable<SeedItem['form']>>;
export declare const seedItems: SeedItem[];
