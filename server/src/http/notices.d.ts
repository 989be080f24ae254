/**
 * Notices as PDFs (受理通知书, 补正材料一次性告知书, 不予受理决定书) for the
 * applicant and for staff, and the public verify page behind their QR codes.
 * A citizen gets only their own case's notices (anyone else's reads as
 * missing, as GET /api/cases/:caseNo); staff reading a notice is logged for
 * the citizen like opening the case. The verify answer is the document's
 * face without personal data.
 */
import type { FastifyInstance } from 'fastify';
export interface NoticeRouteOptions {
    /** Scheme + host the QR codes point at: PUBLIC_ORIGIN, else this server's http://localhost:<port> — never a request's Host. */
    origin: () => string;
    now?: () => number;
}
export declare function noticeRoutes(opts: NoticeRouteOptions): (app: FastifyInstance) => Promise<void>;
