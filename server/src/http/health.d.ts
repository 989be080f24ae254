/** Liveness and readiness in one: answers 200 only when the database answers. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../store/db';
declare module 'fastify' {
    interface FastifyInstance {
        db: Db;
    }
}
export declare function healthRoutes(app: FastifyInstance): Promise<void>;
