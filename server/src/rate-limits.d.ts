/**
 * Rate limits (@fastify/rate-limit): RATE_LIMIT_MAX a minute per client
 * address, tighter where routes say so. Counted in Redis when REDIS_URL is
 * set, so that several BFF instances share one count; in memory otherwise.
 */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config';
export declare function installRateLimits(app: FastifyInstance, config: AppConfig): Promise<void>;
