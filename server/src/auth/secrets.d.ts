import type { AppConfig } from '../config';
import type { Queryable } from '../store/db';
export interface Secrets {
    /** HMAC-SHA256 as hex, keyed with the server secret. */
    mac(purpose: string, value: string): string;
}
export declare function loadSecretKey(config: Pick<AppConfig, 'secretKey' | 'dataDir' | 'databaseUrl' | 'production'>, db: Queryable): Promise<Buffer>;
export declare function secrets(key: Buffer): Secrets;
export declare function sameHex(a: string, b: string): boolean;
