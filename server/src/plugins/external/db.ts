/**
 * The database: the one handed in (tests) or opened from configuration
 * (PGlite embedded, PostgreSQL with DATABASE_URL), migrated — backfills
 * included — and, with SEED, the demo catalogue.
 */
import fp from 'fastify-plugin'
import { openDb, type Db } from '../../store/db'
import { migrate } from '../../store/migrations'
import { caseBackfills } from '../../cases/responsibility'
import { seedCatalogue } from '../../seed'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
  }
}

export default fp<PluginOptions>(async (app, { config, build }) => {
  const db = build.db ?? (await openDb(config))
  if (!build.db) app.addHook('onClose', async () => db.close())
  // Backfills count working days in the product's calendar.
  await migrate(db, caseBackfills(app.clock.calendar))
  if (config.seed) await seedCatalogue(db)
  app.decorate('db', db)
}, { name: 'db', dependencies: ['clock'] })
