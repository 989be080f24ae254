/** Accounts, one-time codes and their send log, sessions. */
import type { Queryable } from './db';
export interface AccountRow {
    id: string;
    phone: string | null;
    name: string | null;
    id_number_enc: string | null;
    id_number_masked: string | null;
    company_name: string | null;
    credit_code: string | null;
}
export interface OtpRow {
    id: string;
    code_hash: string;
    attempts: number;
}
export interface SessionRow {
    account_id: string | null;
    staff_id: string | null;
    expires_at: Date;
    last_seen_at: Date;
}
export type SessionOwner = {
    accountId: string;
} | {
    staffId: string;
};
export declare function identityRepo(db: Queryable): {
    accountByPhone(phone: string): Promise<AccountRow | null>;
    accountById(id: string): Promise<AccountRow | null>;
    /** The account of a phone, created on first sign-in. */
    ensureAccount(phone: string): Promise<AccountRow>;
    /** Sets the real name; false when the ID number belongs to another account. */
    setRealName(id: string, name: string, idEnc: string, idHash: string, idMasked: string, at: Date): Promise<boolean>;
    accountByOpenid(openid: string): Promise<AccountRow | null>;
    /** The account of a WeChat user, created (without a phone yet) on first sign-in. */
    ensureWechatAccount(openid: string, unionid: string | undefined): Promise<AccountRow>;
    /**
     * Gives the WeChat user's account this phone. When the phone already has
     * an account (signed in on the web before), that account takes over the
     * WeChat identity and the empty one is dropped: one person, one account.
     * Returns the account that now holds both.
     */
    bindPhone(accountId: string, phone: string): Promise<AccountRow>;
    setCompany(id: string, name: string, creditCode: string): Promise<void>;
    recordSend(phone: string, ip: string, at: Date): Promise<void>;
    sendCounts(phone: string, ip: string, at: Date, dayStart: Date): Promise<{
        last: Date | null;
        today: number;
        ip_hour: number;
    }>;
    forgetSend(phone: string, at: Date): Promise<void>;
    /** Issuing a code voids the earlier ones: only the newest can be used. */
    issueCode(phone: string, purpose: string, codeHash: string, expiresAt: Date, at: Date): Promise<string>;
    deleteCode(id: string): Promise<void>;
    /** The live code, locked so two verifications of it cannot both succeed. */
    liveCode(phone: string, purpose: string, at: Date): Promise<OtpRow | null>;
    failAttempt(id: string, maxAttempts: number, at: Date): Promise<void>;
    consumeCode(id: string, at: Date): Promise<void>;
    createSession(tokenHash: string, owner: SessionOwner, expiresAt: Date, userAgent: string | undefined, at: Date): Promise<void>;
    liveSession(tokenHash: string, at: Date): Promise<SessionRow | null>;
    renewSession(tokenHash: string, expiresAt: Date, at: Date): Promise<void>;
    revokeSession(tokenHash: string, at: Date): Promise<void>;
    revokeOtherSessions(accountId: string, keepHash: string, at: Date): Promise<number>;
};
export type IdentityRepo = ReturnType<typeof identityRepo>;
