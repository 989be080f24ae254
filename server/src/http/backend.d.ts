/**
 * The approval system's side door (APPROVAL_BACKEND=http): its signed
 * webhooks become our case events, and staff see the handovers that have
 * not gone through. With `builtin` the webhook answers 404.
 */
import type { FastifyInstance } from 'fastify';
import type { FileStore } from '../store/file-store';
import type { ApprovalBackend } from '../backend/index';
declare module 'fastify' {
    interface FastifyInstance {
        approval: ApprovalBackend;
    }
    interface FastifyRequest {
        rawBody?: Buffer;
    }
}
export interface BackendRouteOptions {
    webhookSecret: string;
    /** Where uploads are kept: the approval system fetches a case's materials by signed link. */
    files: FileStore;
    systemId: string;
    now?: () => number;
}
export declare function backendRoutes(app: FastifyInstance, opts: BackendRouteOptions): Promise<void>;
