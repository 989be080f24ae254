/**
 * Jobs: a singleton runs on one instance at a time (a PostgreSQL advisory
 * lock; the other instance skips the tick), one run of a job at a time in a
 * process, and PROCESS_ROLE decides which processes run them at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { postgresAvailable, postgresDb, startTestServer, type TestServer } from '../testing'
import type { Db } from '../store/db'
import { jobRunner, lockKey } from './runner'

const quiet = { info: () => {}, warn: () => {} }
const url = await postgresAvailable()

describe('jobs', () => {
  it('runs one run of a job at a time in a process: a second call while it runs waits for the same run', async () => {
    let runs = 0
    let release!: () => void
    const db = { exclusively: async (_k: number, fn: () => Promise<void>) => { await fn(); return true } } as unknown as Db
    const jobs = jobRunner({ db, log: quiet })
    jobs.add({ name: 'slow', everyMs: 0, run: async () => { runs++; await new Promise<void>((r) => { release = r }) } })
    const a = jobs.run('slow')
    const b = jobs.run('slow')
    await new Promise((r) => setTimeout(r, 10))
    release()
    expect(await Promise.all([a, b])).toEqual([true, true])
    expect(runs).toBe(1)
    expect(() => jobs.add({ name: 'slow', everyMs: 0, run: async () => {} })).toThrow(/twice/)
    await expect(jobs.run('missing')).rejects.toThrow(/no job/)
  })

  it('names each job its own lock', () => {
    expect(lockKey('warning-sweep')).not.toBe(lockKey('upload-sweep'))
    expect(Number.isInteger(lockKey('warning-sweep'))).toBe(true)
  })

  describe.runIf(url)('on PostgreSQL', () => {
    let pg: Awaited<ReturnType<typeof postgresDb>>
    let other: Awaited<ReturnType<typeof postgresDb>>
    beforeAll(async () => {
      pg = await postgresDb(url!)
      other = await postgresDb(url!)
    })
    afterAll(async () => { await pg?.drop(); await other?.drop() })

    it('runs a singleton on one instance at a time: the other skips while the lock is held, and runs once it is free', async () => {
      let release!: () => void
      const seen: string[] = []
      const a = jobRunner({ db: pg.db, log: quiet })
      const b = jobRunner({ db: other.db, log: quiet })
      a.add({ name: 'sweep-test', everyMs: 0, singleton: true, run: async () => { seen.push('a'); await new Promise<void>((r) => { release = r }) } })
      b.add({ name: 'sweep-test', everyMs: 0, singleton: true, run: async () => { seen.push('b') } })
      const first = a.run('sweep-test')
      while (!seen.length) await new Promise((r) => setTimeout(r, 5))
      // Another database connection, same server: the advisory lock is the server's, whatever the schema.
      expect(await b.run('sweep-test')).toBe(false)
      release()
      expect(await first).toBe(true)
      expect(await b.run('sweep-test')).toBe(true)
      expect(seen).toEqual(['a', 'b'])
    })
  })
})

describe('PROCESS_ROLE', () => {
  let web: TestServer
  let worker: TestServer
  beforeAll(async () => {
    web = await startTestServer({ config: { processRole: 'web' } })
    worker = await startTestServer({ db: web.app.db, config: { processRole: 'worker' } })
  })
  afterAll(async () => { await worker?.close(); await web?.close() })

  it('web serves requests and runs no jobs; worker runs them and serves /healthz only', async () => {
    expect(web.app.runsJobs).toBe(false)
    expect(worker.app.runsJobs).toBe(true)
    expect(worker.app.jobs.names()).toEqual(expect.arrayContaining(['warning-sweep', 'upload-sweep']))
    expect((await web.app.inject({ url: '/api/items?q=低保' })).statusCode).toBe(200)
    expect((await worker.app.inject({ url: '/healthz' })).statusCode).toBe(200)
    const refused = await worker.app.inject({ url: '/api/items?q=低保' })
    expect(refused.statusCode).toBe(404)
    expect(refused.headers['content-type']).toContain('application/problem+json')
    expect(loadConfig({ PROCESS_ROLE: 'worker' }).processRole).toBe('worker')
    expect(loadConfig({}).processRole).toBe('all')
    expect(() => loadConfig({ PROCESS_ROLE: 'both' })).toThrow(/PROCESS_ROLE must be web, worker or all/)
  })
})
