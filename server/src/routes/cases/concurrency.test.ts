/**
 * Two tabs (or two people) acting on the same case at once, on PostgreSQL
 * behind two BFF instances with their own connection pools — the case row
 * lock and the version check are what stand between them. Every time,
 * exactly one wins; the other gets CASE_CHANGED as problem+json; one event
 * is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CaseDetail, type Problem, type StaffCaseDetail } from '@tongban/core'
import { loadConfig } from '../../config'
import { openDb, type Db } from '../../store/db'
import { minimumLivingApplication, postgresAvailable, realNameFor, postgresDb, signInCitizen, startTestServer, submitApplication, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'

const pgUrl = await postgresAvailable()

describe.runIf(pgUrl)('acting at once on PostgreSQL, two instances', () => {
  let pg: Awaited<ReturnType<typeof postgresDb>>
  let dbB: Db
  let a: TestServer
  let b: TestServer
  let clerk: string
  beforeAll(async () => {
    pg = await postgresDb(pgUrl!)
    a = await startTestServer({ db: pg.db, config: { seed: true } })
    dbB = await openDb({ ...loadConfig({}), databaseUrl: pgUrl!, databaseSchema: pg.schema })
    b = await startTestServer({ db: dbB, config: { seed: true } })
    clerk = (await a.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
  })
  afterAll(async () => {
    await b?.close()
    await dbB?.close()
    await a?.close()
    await pg?.drop()
  })

  let n = 0
  async function submitted(): Promise<{ caseNo: string; citizen: string }> {
    const phone = `1398880${String(++n).padStart(4, '0')}`
    const citizen = (await signInCitizen(a.app, phone, `10.98.0.${n}`, { realName: realNameFor(phone, '周建国') })).token
    const { caseNo } = await submitApplication(a.app, citizen, minimumLivingApplication(phone, { name: '周建国', reason: '独居老人，无子女，生活困难需要救助。' }), `concurrency-${phone}`)
    return { caseNo, citizen }
  }

  const post = (server: TestServer, url: string, token: string, body: object) =>
    fetch(`${server.url}${url}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })

  it('two clerks deciding the same pre-review: one wins every time', async () => {
    for (let round = 0; round < 8; round++) {
      const { caseNo } = await submitted()
      expect((await post(a, `/api/staff/cases/${caseNo}/events`, clerk, { type: 'start_pre_review', version: 1 })).status).toBe(200)
      const [x, y] = await Promise.all([
        post(a, `/api/staff/cases/${caseNo}/events`, clerk, { type: 'accept', version: 2 }),
        post(b, `/api/staff/cases/${caseNo}/events`, clerk, { type: 'refuse', version: 2, reason: '不属于本机关职权范围', basis: '《行政许可法》第三十二条第一款第（二）项' }),
      ])
      expect([x.status, y.status].sort()).toEqual([200, 409])
      const loser = x.status === 409 ? x : y
      expect(loser.headers.get('content-type')).toContain('application/problem+json')
      expect(((await loser.json()) as Problem).code).toBe('CASE_CHANGED')
      const seen = (await a.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: { authorization: `Bearer ${clerk}` } })).json<StaffCaseDetail>()
      expect(seen.version).toBe(3)
      expect(seen.timeline).toHaveLength(3)
    }
  })

  it('the citizen withdrawing while the clerk accepts: one of them, never both', async () => {
    for (let round = 0; round < 6; round++) {
      const { caseNo, citizen } = await submitted()
      await post(a, `/api/staff/cases/${caseNo}/events`, clerk, { type: 'start_pre_review', version: 1 })
      const [x, y] = await Promise.all([
        post(b, `/api/cases/${caseNo}/withdraw`, citizen, { version: 2 }),
        post(a, `/api/staff/cases/${caseNo}/events`, clerk, { type: 'accept', version: 2 }),
      ])
      expect([x.status, y.status].sort()).toEqual([200, 409])
      // The loser is told plainly, in the problem format both shells read.
      const loser = x.status === 409 ? x : y
      expect(loser.headers.get('content-type')).toContain('application/problem+json')
      expect(await loser.json()).toMatchObject({ code: 'CASE_CHANGED', status: 409, title: '这个办件刚被其他人处理过，请刷新后再确认一次' })
      const seen = (await a.app.inject({ url: `/api/cases/${caseNo}`, headers: { authorization: `Bearer ${citizen}` } })).json<CaseDetail>()
      expect(seen.status).toBe(x.status === 200 ? 'withdrawn' : 'accepted')
      expect(seen.version).toBe(3)
    }
  })
})
