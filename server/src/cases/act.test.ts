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
      const real = caseLookups(server.app.catalogue, server.app.clock)
      let queried = 0
      const querying: typeof real = {
        clock: real.clock,
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

  it('accepts a case whose item left the catalogue only for the departments the clerk names', async () => {
    const server = await startTestServer()
    try {
      const { token } = await signInCitizen(server.app, '13912340002')
      const { caseNo } = await submitApplication(server.app, token, minimumLivingApplication('13912340002'), 'act-test-0000000002')
      const real = caseLookups(server.app.catalogue, server.app.clock)
      const gone: typeof real = { ...real, itemOf: async () => null }
      const clerk = { role: 'clerk' as const, id: 'c1' }
      await actOnCase(server.app.db, gone, { caseNo, version: 1, actor: clerk, body: { type: 'start_pre_review' }, at: new Date() })
      await expect(actOnCase(server.app.db, gone, { caseNo, version: 2, actor: clerk, body: { type: 'accept', departments: [] }, at: new Date() }))
        .rejects.toMatchObject({ problem: { code: 'VALIDATION', errors: [{ path: 'departments', code: 'required', message: '这个事项已不在目录中，请选择办理部门' }] } })
      const named = await actOnCase(server.app.db, gone, { caseNo, version: 2, actor: clerk, body: { type: 'accept', departments: ['mzj'] }, at: new Date() })
      expect(named.projection.branches.map((b) => b.department)).toEqual(['mzj'])
    } finally {
      await server.close()
    }
  })
})
