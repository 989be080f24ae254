/**
 * The staff workbench's cases (built-in approval backend, first part): the
 * lists each role works from, sorted by their lights, one case with the
 * actions the core machine allows this person now, and those actions. An
 * action names the version (event count) it was taken on; the case row is
 * locked while it is checked and appended, so of two people acting at once
 * one wins and the other is told to look again.
 */
import type { FastifyInstance } from 'fastify';
export declare function staffCaseRoutes(app: FastifyInstance, opts: {
    now?: () => number;
    origin: () => string;
}): Promise<void>;
