/**
 * One BFF instance in a process of its own, for a bench that wants several
 * instances truly side by side (on 2 cores: two instances, and the load in
 * the bench's own process). argv: the PostgreSQL URL, its schema, and the
 * config overrides as JSON. Over IPC: → {url} once listening; it closes when
 * the bench disconnects.
 */
import { loadConfig, type AppConfig } from '../../server/src/config'
import { openDb } from '../../server/src/store/db'
import { startTestServer } from '../../server/src/testing'

const [databaseUrl, databaseSchema, overrides] = process.argv.slice(2)
const db = await openDb({ ...loadConfig({}), databaseUrl: databaseUrl!, databaseSchema: databaseSchema! })
const server = await startTestServer({ db, checkResponses: false, config: JSON.parse(overrides!) as Partial<AppConfig> })
process.send!({ url: server.url })
process.on('disconnect', () => void server.close().then(() => db.close()).then(() => process.exit(0)))
