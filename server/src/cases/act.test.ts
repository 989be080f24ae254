/**
 * actOnCase on the embedded PGlite (one connection): catalogue lookups that
 * query the database themselves — as the catalogue's periodic recheck does —
 * must not run inside the case transaction, where they would wait for it
 * forever. Here every lookup queries; the action must still finish.
 */
import { describe, expect, it } from 'vitest'
import { caseLookups, actOnCase } from './act'
import { minimumLivingApplication, seededPglite, signInCitizen, startTestServer, submitApplication } from '../testing'

describe('actOnCase', () => {
  it('reads the catalogue outside its transaction (no deadlock on one connection)', async () => {
    const db = await seededPglite()
    const server = await startTestServer({ db })
    try {
      const { token } = await signInCitizen(server.app, '13912340001')
      const { caseNo } = await submitApplication(server.app, token, minimumLivingApplication('13912340001'), 'act-test-0000000001')
      const real = caseLookups(server.app.catalogue)
      let queried = 0
      const querying: typeof real = {
        itemOf: async (code) => { await db.query('select 1'); queried++; return real.itemOf(code) },
        departmentNames: async () => { await db.query('select 1'); queried++; return real.departmentNames() },
      }
      const done = await Promise.race([
        actOnCase(db, querying, { caseNo, version: 1, actor: { role: 'clerk', id: 'c1' }, body: { type: 'start_pre_review' }, at: new Date() }),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('actOnCase waited on its own transaction')), 5_000)),
      ])
      expect(done.projection.status).toBe('pre_review')
      expect(queried).toBe(2)
    } finally {
      await server.close()
      await db.close()
    }
  })
})
