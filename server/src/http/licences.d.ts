/**
 * GET /api/me/licences: the citizen's e-licence wallet (我的证照). In demo
 * mode (SEED on, not production) an empty wallet is filled once, on first
 * read, with the demo licences (licences/demo.ts).
 */
import type { FastifyInstance } from 'fastify';
import { type Licence } from '@tongban/core';
import { type LicenceRow } from '../store/licences';
export declare function licenceView(r: LicenceRow & {
    case_no?: string | null;
}): Licence;
export declare function licenceRoutes(app: FastifyInstance, opts: {
    demo: boolean;
    origin: () => string;
}): Promise<void>;
