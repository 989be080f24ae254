/**
 * One small database interface over PGlite (embedded, default) and
 * PostgreSQL (pg, when DATABASE_URL is set). Same SQL dialect for both;
 * data access lives in store/ only.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { AppConfig } from '../config'

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /**
   * Runs `fn` while this process holds the advisory lock `key` (a session lock on a connection of its own, so
   * `fn` may use the pool and run transactions); false, without running it, when another process holds it.
   * PGlite has one process: it always runs.
   */
  exclusively(key: number, fn: () => Promise<void>): Promise<boolean>
  close(): Promise<void>
  /** PGlite only: the whole data directory, to start other instances from. */
  dump?(): Promise<Blob>
}

/** The namespace of the jobs' advisory locks (jobs/runner.ts); a job's name gives the second key. */
const JOB_LOCKS = 7_262_002

async function openPglite(config: AppConfig): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite')
  const memory = config.dataDir === 'memory://'
  const open = () => new PGlite({
    ...(memory ? {} : { dataDir: config.dataDir }),
    ...(config.pgliteSnapshot ? { loadDataDir: config.pgliteSnapshot } : {}),
    // PostgreSQL's default 128 MB of shared buffers is most of PGlite's memory; the catalogue needs far less.
    postgresqlconf: 'shared_buffers=16MB',
  })
  const creates = !memory && !config.pgliteSnapshot && !existsSync(join(config.dataDir, 'PG_VERSION'))
  let pg = open()
  await pg.waitReady
  if (creates) {
    // initdb grew the wasm heap to several hundred MB, and a wasm memory never
    // shrinks: serve from a second instance on the directory it just made,
    // as every later start does (~1 s more, once).
    await pg.close()
    // The closed instance's wasm memory goes only when V8 collects it, which a heap this quiet may not do for
    // minutes: collect now when allowed (npm start runs node with --expose-gc).
    ;(globalThis as { gc?: () => void }).gc?.()
    pg = open()
    await pg.waitReady
  }
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pg.query<T>(sql, params)).rows
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return pg.transaction(async (tx) => fn({
        async query<R>(sql: string, params: unknown[] = []) {
          return (await tx.query<R>(sql, params)).rows
        },
      }))
    },
    async exclusively(_key: number, fn: () => Promise<void>) {
      await fn()
      return true
    },
    async close() {
      await pg.close()
    },
    async dump() {
      return pg.dumpDataDir('gzip')
    },
  }
}

async function openPostgres(config: AppConfig): Promise<Db> {
  const { default: pg } = await import('pg')
  const schema = config.databaseSchema
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  if (schema) await pool.query(`create schema if not exists ${schema}`)
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[]
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await fn({ query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[] })
        await client.query('commit')
        return result
      } catch (e) {
        await client.query('rollback').catch(() => {})
        throw e
      } finally {
        client.release()
      }
    },
    async exclusively(key: number, fn: () => Promise<void>) {
      const client = await pool.connect()
      try {
        const [got] = (await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1, $2) as locked', [JOB_LOCKS, key])).rows
        if (!got?.locked) return false
        try {
          await fn()
        } finally {
          await client.query('select pg_advisory_unlock($1, $2)', [JOB_LOCKS, key])
        }
        return true
      } finally {
        client.release()
      }
    },
    async close() {
      await pool.end()
    },
  }
}

export function openDb(config: AppConfig): Promise<Db> {
  return config.databaseUrl ? openPostgres(config) : openPglite(config)
}
