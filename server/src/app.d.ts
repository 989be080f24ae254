import { type FastifyInstance } from 'fastify';
import type { AppConfig } from './config';
import { type Db } from './store/db';
import type { SmsProvider } from './connectors/sms/index';
import { type ProductClock } from './clock';
/** Never in a log line: credentials, and personal data wherever it appears in a logged object. */
export declare const LOG_REDACT: string[];
export interface BuildOptions {
    /** Use this database instead of opening one (tests share one per worker). */
    db?: Db;
    logger?: boolean;
    /** Use this SMS provider instead of the configured one. */
    sms?: SmsProvider;
    /** Write logs here instead of stdout (tests read them). */
    logStream?: NodeJS.WritableStream;
    /** The time cases are acted on and their clocks read at (tests move it on to see yellow and red lights). */
    now?: () => number;
}
declare module 'fastify' {
    interface FastifyInstance {
        /** The product's clock (clock.ts): every route reads now and today from it. */
        clock: ProductClock;
        now: () => number;
    }
}
export declare function buildApp(config: AppConfig, opts?: BuildOptions): Promise<FastifyInstance>;
