/**
 * Background work on a timer, the same way for every sweep: once when the
 * app is ready, then every `everyMs`; a failure is logged and the next tick
 * tries again; the timer never keeps the process alive and stops with the app.
 */
import type { FastifyInstance } from 'fastify';
export declare function scheduleEvery(app: FastifyInstance, everyMs: number, what: string, task: () => Promise<void>): void;
