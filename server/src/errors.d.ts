/**
 * Every error leaves the BFF as application/problem+json with a stable
 * code and a Chinese title (the table lives in the core). Schema failures
 * become per-field issues with messages from the route's message map.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Problem, type ProblemCode } from '@tongban/core';
export declare class ProblemError extends Error {
    readonly problem: Problem;
    constructor(code: ProblemCode, extra?: Partial<Omit<Problem, 'code' | 'type'>>);
}
declare module 'fastify' {
    interface FastifyContextConfig {
        /** Chinese message per field, shown when that field fails the schema. */
        fieldMessages?: Record<string, string>;
        /** Problem code for a schema failure on a given field (e.g. q → QUERY_TOO_LONG). */
        fieldProblems?: Record<string, ProblemCode>;
    }
}
export declare function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply;
export declare function installErrorHandlers(app: FastifyInstance): void;
