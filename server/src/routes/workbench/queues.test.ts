/**
 * The workbench queues past a few hundred open cases: read by desk in SQL
 * (case_desks), most urgent first, a page at a time — so a new case reaches
 * the window and, once accepted, its department however many older cases
 * are open (the old list took the 500 oldest open cases system-wide and
 * filtered those). The warning sweep walks every open case in batches, and
 * cases stored before desks were kept get theirs at start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addWorkingDays, STAFF_QUEUE_PAGE, type StaffCaseDetail, type StaffCaseSummary } from '@tongban/core'
import { cloneOpenCases, minimumLivingApplication, databaseVariants, signInCitizen, startTestServer, submitApplication, type TestServer } from '../../testing'
import type { Db } from '../../store/db'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { caseLookups } from '../../cases/act'
import { sweepWarnings } from '../../cases/warnings'
import { CASE_BACKFILLS, fillMissingDesks } from '../../cases/responsibility'

const OLDER = 620

const variants = await databaseVariants()

describe.each(variants)('workbench queues on $label', (variant) => {
  let database: { db: Db; close(): Promise<void> }
  let server: TestServer
  const tokens: Record<string, string> = {}
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` })

  async function allPages(who: string): Promise<StaffCaseSummary[]> {
    const out: StaffCaseSummary[] = []
    for (let offset = 0; ; offset += STAFF_QUEUE_PAGE) {
      const res = await server.app.inject({ url: `/api/staff/cases?offset=${offset}`, headers: as(who) })
      expect(res.statusCode, res.body).toBe(200)
      const page = res.json<StaffCaseSummary[]>()
      out.push(...page)
      if (page.length < STAFF_QUEUE_PAGE) return out
    }
  }

  beforeAll(async () => {
    database = await variant.open()
    server = await startTestServer({ db: database.db })
    for (const who of ['clerk', 'reviewer_mz', 'supervisor']) {
      tokens[who] = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: who, password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    }
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    await database?.close()
  })

  describe(`workbench queues with more than ${OLDER} open cases`, () => {
    it('reach the window and the department by desk, most urgent first, a page at a time; the sweep sees every case', async () => {
      const { token } = await signInCitizen(server.app, '13977770001', '10.77.0.1')
      const template = await submitApplication(server.app, token, minimumLivingApplication('13977770001'), 'queues-test-template-01')
      const templateId = (await server.app.db.query<{ id: string }>('select id from cases where case_no = $1', [template.caseNo]))[0]!.id
      await cloneOpenCases(server.app.db, templateId, OLDER)
      const fresh = await submitApplication(server.app, token, minimumLivingApplication('13977770001'), 'queues-test-newest-001')

      // The window: every open case at the window, the long-overdue copies first, the new one on a later page.
      const window = await allPages('clerk')
      expect(window).toHaveLength(OLDER + 2)
      expect(window[0]!.light).toBe('red')
      expect(window.findIndex((c) => c.caseNo === fresh.caseNo)).toBeGreaterThanOrEqual(OLDER)
      const firstPage = (await server.app.inject({ url: '/api/staff/cases', headers: as('clerk') })).json<StaffCaseSummary[]>()
      expect(firstPage).toHaveLength(STAFF_QUEUE_PAGE)
      // Supervision sees them all too.
      expect(await allPages('supervisor')).toHaveLength(OLDER + 2)

      // Accepted, the new case is on 民政局's desk at once (none of the copies is).
      for (const type of ['start_pre_review', 'accept']) {
        const { version } = (await server.app.inject({ url: `/api/staff/cases/${fresh.caseNo}`, headers: as('clerk') })).json<StaffCaseDetail>()
        expect((await server.app.inject({ method: 'POST', url: `/api/staff/cases/${fresh.caseNo}/events`, payload: { type, version }, headers: as('clerk') })).statusCode).toBe(200)
      }
      const department = (await server.app.inject({ url: '/api/staff/cases', headers: as('reviewer_mz') })).json<StaffCaseSummary[]>()
      expect(department.map((c) => c.caseNo)).toEqual([fresh.caseNo])
      expect((await allPages('clerk')).map((c) => c.caseNo)).not.toContain(fresh.caseNo)

      // A bad page number is refused in words.
      const bad = await server.app.inject({ url: '/api/staff/cases?offset=-1', headers: as('clerk') })
      expect(bad.statusCode).toBe(400)
      expect(bad.headers['content-type']).toContain('application/problem+json')

      // The sweep, 100 at a time, reaches the template (its id may sort anywhere among 600-odd) and raises its red card.
      const lookups = caseLookups(server.app.catalogue, server.app.clock)
      // A working day after the new case's department deadline (its latest), whatever day the test runs on.
      const later = Date.parse(`${addWorkingDays(department[0]!.deadline!, 1)}T04:00:00Z`)
      await sweepWarnings(server.app.db, lookups, later, 100)
      const warned = await server.app.db.query<{ n: number }>(`select count(distinct case_id)::int as n from case_warnings where light = 'red'`)
      expect(warned[0]!.n).toBe(OLDER + 2) // the copies, the template and the new case (its department late by then)
      const red = await server.app.db.query<{ case_no: string }>(`select c.case_no from case_warnings w join cases c on c.id = w.case_id where w.light = 'red' and c.case_no = $1`, [template.caseNo])
      expect(red).toHaveLength(1)
    }, 120_000)

    it('works out the desks of cases stored before they were kept', async () => {
      const { token } = await signInCitizen(server.app, '13977770002', '10.77.0.2')
      const old = await submitApplication(server.app, token, minimumLivingApplication('13977770002'), 'queues-test-undesked-01')
      await server.app.db.query(`delete from case_desks where case_id = (select id from cases where case_no = $1)`, [old.caseNo])
      await server.app.db.query(`update cases set desks_ready = false, due = null where case_no = $1`, [old.caseNo])
      expect((await allPages('clerk')).map((c) => c.caseNo)).not.toContain(old.caseNo)
      // As migration 024 runs it: in the migrating transaction, the items' rules read from their rows.
      await server.app.db.transaction((tx) => CASE_BACKFILLS.fillMissingDesks!(tx))
      expect((await allPages('clerk')).map((c) => c.caseNo)).toContain(old.caseNo)
      await server.app.db.query(`delete from case_desks where case_id = (select id from cases where case_no = $1)`, [old.caseNo])
      await server.app.db.query(`update cases set desks_ready = false, due = null where case_no = $1`, [old.caseNo])
      expect(await fillMissingDesks(server.app.db, caseLookups(server.app.catalogue, server.app.clock).itemOf, server.app.clock.calendar)).toBe(1)
      expect((await allPages('clerk')).map((c) => c.caseNo)).toContain(old.caseNo)
      expect(await fillMissingDesks(server.app.db, caseLookups(server.app.catalogue, server.app.clock).itemOf, server.app.clock.calendar)).toBe(0)
    }, 60_000)

    it('serves cases due the same day first come, first served — by submission time, never by their random ids', async () => {
      // One morning at the window: twelve applications a minute apart, all due the same day (a clock the test moves).
      let at = Date.parse('2026-03-02T02:00:00Z') // Monday 10:00 in Shanghai
      const morning = await startTestServer({ db: database.db, now: () => at })
      try {
        const { token } = await signInCitizen(morning.app, '13977770003', '10.77.0.3')
        const submitted: string[] = []
        for (let i = 0; i < 12; i++) {
          at += 60_000
          submitted.push((await submitApplication(morning.app, token, minimumLivingApplication('13977770003'), `queues-fifo-${String(i).padStart(2, '0')}`)).caseNo)
        }
        const ours = (list: StaffCaseSummary[]) => list.map((c) => c.caseNo).filter((no) => submitted.includes(no))
        for (const who of ['clerk', 'supervisor']) {
          const login = await morning.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: who, password: DEMO_STAFF_PASSWORD } })
          tokens[`${who}-morning`] = login.json<{ token: string }>().token
          const list: StaffCaseSummary[] = []
          for (let offset = 0; ; offset += STAFF_QUEUE_PAGE) {
            const page = (await morning.app.inject({ url: `/api/staff/cases?offset=${offset}`, headers: as(`${who}-morning`) })).json<StaffCaseSummary[]>()
            list.push(...page)
            if (page.length < STAFF_QUEUE_PAGE) break
          }
          const due = new Set(list.filter((c) => submitted.includes(c.caseNo)).map((c) => c.deadline))
          expect(due.size, who).toBe(1)
          expect(ours(list), who).toEqual(submitted)
        }
      } finally {
        await morning.close()
      }
    }, 60_000)
  })
})
