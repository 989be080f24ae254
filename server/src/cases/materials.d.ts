import type { MaterialResolver } from './submit';
export declare function materialResolver(): MaterialResolver;
