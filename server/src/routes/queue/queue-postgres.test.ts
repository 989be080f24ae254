/**
 * A burst of scans at the hall door, spread over two BFF instances on one
 * PostgreSQL (and Redis, as deployed): 1,000 simultaneous takes in one
 * category get 1,000 distinct numbers, consecutive, with no gap; and one
 * person tapping twice on both instances at once gets one ticket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TakenTicket } from '@tongban/core'
import { loadConfig } from '../../config'
import { openDb, type Db } from '../../store/db'
import { postgresAvailable, postgresDb, redisAvailable, redisSpace, startTestServer, type TestServer } from '../../testing'
import { HALL } from '../../../seed/halls'

const pgUrl = await postgresAvailable()
const redisUrl = await redisAvailable()
const clock = Date.parse('2026-12-07T10:00:00+08:00')

describe.runIf(pgUrl && redisUrl)('taking numbers at once on two instances (PostgreSQL + Redis)', () => {
  let pg: Awaited<ReturnType<typeof postgresDb>>
  let space: ReturnType<typeof redisSpace>
  let dbB: Db
  let a: TestServer
  let b: TestServer
  beforeAll(async () => {
    pg = await postgresDb(pgUrl!)
    space = redisSpace(redisUrl!)
    const config = { seed: true, redisUrl: redisUrl!, redisPrefix: space.prefix, processRole: 'web' as const }
    a = await startTestServer({ db: pg.db, config, now: () => clock })
    dbB = await openDb({ ...loadConfig({}), databaseUrl: pgUrl!, databaseSchema: pg.schema })
    b = await startTestServer({ db: dbB, config, now: () => clock })
  })
  afterAll(async () => {
    await b?.close()
    await dbB?.close()
    await a?.close()
    await pg?.drop()
    await space?.drop()
  })

  const take = (server: TestServer, deviceId: string) => fetch(`${server.url}/api/halls/${HALL.city.id}/tickets`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: 'A', deviceId }),
  })

  it('gives 1,000 distinct, consecutive numbers', async () => {
    const answers = await Promise.all(Array.from({ length: 1000 }, async (_, i) => {
      const res = await take(i % 2 ? b : a, `burst-${String(i).padStart(12, '0')}`)
      return { status: res.status, body: (await res.json()) as TakenTicket }
    }))
    expect(answers.filter((r) => r.status !== 201)).toEqual([])
    const seqs = answers.map((r) => Number(r.body.number.slice(1))).sort((x, y) => x - y)
    expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1))
  }, 120_000)

  it('gives one person tapping on both instances at once one ticket, and loses no number to the refused tap', async () => {
    for (let round = 0; round < 10; round++) {
      const deviceId = `twice-${String(round).padStart(12, '0')}`
      const [x, y] = await Promise.all([take(a, deviceId), take(b, deviceId)])
      expect([x.status, y.status].sort()).toEqual([201, 409])
    }
    // The next number follows the last one given: the refused taps gave theirs back.
    const next = (await (await take(a, 'after-000000000000')).json()) as TakenTicket
    expect(next.number).toBe('A1011')
  }, 60_000)
})
