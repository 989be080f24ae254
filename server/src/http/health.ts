/** Liveness and readiness in one: answers 200 only when the database answers. */
import type { FastifyInstance } from 'fastify'
import type { Db } from '../store/db'
import { ProblemError } from '../errors'

/** Outside /api and the OpenAPI document: for the load balancer and the process manager. */
export const HEALTH_PATH = '/healthz'

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(HEALTH_PATH, { schema: { hide: true }, logLevel: 'warn' }, async () => {
    try {
      await app.db.query('select 1')
    } catch {
      throw new ProblemError('UNAVAILABLE')
    }
    return { status: 'ok', db: app.db.kind }
  })
}
