/**
 * 代办: a village/township agent asks a resident's consent to apply for one
 * item on their behalf. The resident gets an SMS naming the agent and the
 * item, and tells the agent the code; the agent enters it and the consent is
 * recorded (who, for what, when) and shown to the resident.
 */
import type { FastifyInstance } from 'fastify';
export declare function consentRoutes(app: FastifyInstance): Promise<void>;
