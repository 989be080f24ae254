import type { FastifyInstance } from 'fastify';
import { type CaseDetail, type SubmitCaseBody, type UploadedFile } from '@tongban/core';
import type { SmsProvider } from './connectors/sms/provider';
import { type AppConfig } from './config';
import { type Db } from './store/db';
/** A fresh in-memory PGlite, migrated and seeded. */
export declare function seededPglite(): Promise<Db>;
/** Is the local PostgreSQL reachable? Under REQUIRE_SERVICES=1 its absence is a failure, not a skip. */
export declare function postgresAvailable(url?: string): Promise<string | null>;
export interface DatabaseVariant {
    label: 'PGlite' | 'PostgreSQL';
    open(): Promise<{
        db: Db;
        close(): Promise<void>;
    }>;
}
/** The databases a test runs on: the embedded PGlite, and the local PostgreSQL when it is there (required under REQUIRE_SERVICES). */
export declare function databaseVariants(): Promise<DatabaseVariant[]>;
/** A PostgreSQL database in a fresh schema; drop() removes it. */
export declare function postgresDb(url: string): Promise<{
    db: Db;
    schema: string;
    drop(): Promise<void>;
}>;
/** Is the local Redis reachable? Under REQUIRE_SERVICES=1 its absence is a failure, not a skip. */
export declare function redisAvailable(url?: string): Promise<string | null>;
/** A key prefix of its own on the local Redis; drop() removes every key under it. */
export declare function redisSpace(url: string): {
    prefix: string;
    drop(): Promise<void>;
};
/**
 * Today (YYYY-MM-DD, Asia/Shanghai) for a test that needs the real day — the
 * one helper every such test takes it from. A server started with a `now`
 * of its own is asked with that: `today(now())`.
 */
export declare function today(now?: number): string;
export interface TestServer {
    app: FastifyInstance;
    url: string;
    close(): Promise<void>;
}
export declare function startTestServer(opts?: {
    db?: Db;
    config?: Partial<AppConfig>;
    sms?: SmsProvider;
    now?: () => number;
}): Promise<TestServer>;
/** The code the fake SMS provider delivered last to `phone` (read from /dev/inbox.json). */
export declare function smsCodeFor(app: FastifyInstance, phone: string): Promise<string>;
/** Signs a citizen in by phone + SMS code; returns the session (token for a bearer header). */
export declare function signInCitizen(app: FastifyInstance, phone: string, ip?: string): Promise<{
    token: string;
    account: {
        id: string;
        phone: string | null;
    };
}>;
/** 最低生活保障 (MZ-0001) needs no files: a whole application in one request body. */
export declare function minimumLivingApplication(phone: string, who?: {
    name?: string;
    address?: string;
    reason?: string;
    monthlyIncome?: number;
    savings?: number;
}): SubmitCaseBody;
/** 食品经营许可 (SJ-0001, 市场监管局) with its business licence uploaded as `fileId`. */
export declare function foodLicenceApplication(fileId: string): SubmitCaseBody;
/** Uploads a file as the signed-in citizen; throws unless it was taken. */
export declare function uploadAs(app: FastifyInstance, token: string, name: string, data: Buffer, type: string): Promise<UploadedFile>;
/**
 * `n` copies of a submitted case, numbered `<item>-20250101-NNNN`, submitted
 * 1 to 60 days before it and at the window since (each due two days after
 * its submission, so before any case submitted now): many open cases in one
 * statement, for the queue tests and benchmark.
 */
export declare function cloneOpenCases(db: Db, templateId: string, n: number): Promise<void>;
/** Submits as the signed-in citizen; throws unless a case was created. */
export declare function submitApplication(app: FastifyInstance, token: string, body: SubmitCaseBody, key: string): Promise<CaseDetail>;
