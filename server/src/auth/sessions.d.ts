import type { Db } from '../store/db';
import { type SessionOwner } from '../store/identity';
import type { Secrets } from './secrets';
export declare const SESSION_TTL_MS: number;
export interface ResolvedSession {
    /** Set for a citizen's session. */
    accountId: string | null;
    /** Set for a staff member's session. */
    staffId: string | null;
    tokenHash: string;
}
export declare function sessionService(deps: {
    db: Db;
    secrets: Secrets;
    now?: () => Date;
}): {
    /** A citizen's session (an account id) or a staff member's ({ staffId }). */
    create(owner: string | SessionOwner, userAgent?: string, ttlMs?: number): Promise<{
        token: string;
        expiresAt: Date;
    }>;
    resolve(token: string): Promise<ResolvedSession | null>;
    revoke(tokenHash: string): Promise<void>;
    revokeOthers(accountId: string, keepHash: string): Promise<number>;
};
export type SessionService = ReturnType<typeof sessionService>;
