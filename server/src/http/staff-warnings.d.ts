/**
 * 预警: the workbench's 黄牌/红牌 for the person's desk — the window's for
 * clerks, their department's for reviewers, all for supervisors and
 * leaders — unread first, and marking one read (per person).
 */
import type { FastifyInstance } from 'fastify';
export declare function staffWarningRoutes(app: FastifyInstance, opts?: {
    now?: () => number;
}): Promise<void>;
