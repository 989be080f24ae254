/** Liveness and readiness in one: answers 200 only when the database answers. */
import type { FastifyInstance } from 'fastify'
import { ROUTES } from '@tongban/core'
import type { Db } from '../store/db'
import { ProblemError } from '../errors'

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(ROUTES.health.path, { schema: { hide: true }, logLevel: 'warn' }, async () => {
    try {
      await app.db.query('select 1')
    } catch {
      throw new ProblemError('UNAVAILABLE')
    }
    return { status: 'ok', db: app.db.kind }
  })
}
