/** Sign-in with phone + SMS code, the citizen's own account, sign-out. */
import type { FastifyInstance } from 'fastify';
import { type AccountView } from '@tongban/core';
import { type AccountRow } from '../store/identity';
import type { FieldCipher } from '../auth/crypto';
import type { Secrets } from '../auth/secrets';
import { type SessionService } from '../auth/sessions';
import type { OtpService } from '../auth/otp';
declare module 'fastify' {
    interface FastifyInstance {
        otp: OtpService;
        sessions: SessionService;
        secrets: Secrets;
        idCipher: FieldCipher;
    }
}
/** The account as its owner sees it: the only view with the full ID number. */
export declare function ownView(app: FastifyInstance, a: AccountRow): AccountView;
export declare function authRoutes(app: FastifyInstance, opts: {
    devInbox: boolean;
}): Promise<void>;
