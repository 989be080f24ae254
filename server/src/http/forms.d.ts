/**
 * Application forms: the BFF checks a draft with the same validateForm the
 * shells run, against the form served with the item, so the verdict on the
 * phone and on the server cannot differ.
 */
import type { FastifyInstance } from 'fastify';
export declare function formRoutes(app: FastifyInstance): Promise<void>;
