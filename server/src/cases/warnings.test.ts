/**
 * 黄牌/红牌: a step is warned once when its light turns yellow and once when
 * it turns red — whatever the number of sweeps, even two at once — and each
 * warning reaches the desk that answers for the step: the window for
 * pre-review, the department for its branch, supervisors for all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCalendarDays, addWorkingDays, decisionDays, type Item, type StaffCaseDetail, type StaffClockView, type StaffWarning } from '@tongban/core'
import { minimumLivingApplication, signInCitizen, startTestServer, submitApplication, type TestServer, today } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'
import { caseLookups } from './act'
import { sweepWarnings } from './warnings'

let server: TestServer
const tokens: Record<string, string> = {}
beforeAll(async () => {
  server = await startTestServer()
  for (const who of ['clerk', 'reviewer_mz', 'reviewer', 'supervisor']) {
    tokens[who] = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: who, password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
  }
})
afterAll(async () => { await server?.close() })

/** Noon in Beijing on that day. */
const noon = (day: string) => Date.parse(`${day}T04:00:00Z`)
const sweep = (day: string) => sweepWarnings(server.app.db, caseLookups(server.app.catalogue, server.app.clock), noon(day))
const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` })
const warningsOf = async (who: string, caseNo: string) =>
  (await server.app.inject({ url: '/api/staff/warnings', headers: as(who) })).json<StaffWarning[]>().filter((w) => w.caseNo === caseNo)

describe('staff warnings at yellow and red', () => {
  it('warns the window once at yellow and once at red for pre-review, and only its desk', async () => {
    const day = today()
    const { token } = await signInCitizen(server.app, '13944440001', '10.44.0.1')
    const { caseNo } = await submitApplication(server.app, token, minimumLivingApplication('13944440001'), 'warnings-test-0000001')
    const deadline = addWorkingDays(day, 2)

    expect(await sweep(day)).toBe(0)
    const yellowDay = addWorkingDays(day, 1)
    expect(await sweep(yellowDay)).toBe(1)
    expect(await sweep(yellowDay)).toBe(0)
    // Two instances sweeping the red day at once raise it once.
    const redDay = addCalendarDays(deadline, 1)
    const [a, b] = await Promise.all([sweep(redDay), sweep(redDay)])
    expect(a + b).toBe(1)

    const clerkSees = await warningsOf('clerk', caseNo)
    expect(clerkSees.map((w) => [w.light, w.step, w.deadline, w.read])).toEqual([['red', '窗口预审', deadline, false], ['yellow', '窗口预审', deadline, false]])
    expect(await warningsOf('reviewer_mz', caseNo)).toEqual([])
    expect(await warningsOf('supervisor', caseNo)).toHaveLength(2)

    // Read marks are the person's own; unread stays on top.
    const red = clerkSees[0]!
    expect((await server.app.inject({ method: 'POST', url: `/api/staff/warnings/${red.id}/read`, headers: as('clerk') })).statusCode).toBe(204)
    expect((await warningsOf('clerk', caseNo)).map((w) => [w.light, w.read])).toEqual([['yellow', false], ['red', true]])
    expect((await warningsOf('supervisor', caseNo)).every((w) => !w.read)).toBe(true)
    // Not the reviewer's desk: as good as absent.
    const other = await server.app.inject({ method: 'POST', url: `/api/staff/warnings/${red.id}/read`, headers: as('reviewer') })
    expect(other.statusCode).toBe(404)
    expect(other.headers['content-type']).toContain('application/problem+json')
  })

  it('warns the department for its own branch, not the window or another department', async () => {
    const day = today()
    const { token } = await signInCitizen(server.app, '13944440002', '10.44.0.2')
    const { caseNo } = await submitApplication(server.app, token, minimumLivingApplication('13944440002'), 'warnings-test-0000002')
    for (const type of ['start_pre_review', 'accept']) {
      const { version } = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: as('clerk') })).json<StaffCaseDetail>()
      expect((await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { type, version }, headers: as('clerk') })).statusCode).toBe(200)
    }
    const item = (await server.app.inject('/api/items/MZ-0001')).json<Item>()
    const days = decisionDays({ promisedDays: item.promisedDays, statutoryDays: item.statutoryDays }, false, 0)
    const deadline = addWorkingDays(day, days)
    expect(await sweep(addWorkingDays(day, days - 2))).toBe(0)
    expect(await sweep(addWorkingDays(day, days - 1))).toBe(1)
    expect((await warningsOf('reviewer_mz', caseNo)).map((w) => [w.light, w.step, w.deadline])).toEqual([['yellow', '示例市民政局办理', deadline]])
    expect(await warningsOf('clerk', caseNo)).toEqual([])
    expect(await warningsOf('reviewer', caseNo)).toEqual([])
  })

  it('warns the department when its special procedure reaches and passes the day it was expected to end', async () => {
    const day = today()
    const { token } = await signInCitizen(server.app, '13944440003', '10.44.0.3')
    const { caseNo } = await submitApplication(server.app, token, minimumLivingApplication('13944440003'), 'warnings-test-0000003')
    const act = async (who: string, body: object) => {
      const { version } = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: as(who) })).json<StaffCaseDetail>()
      const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...body, version }, headers: as(who) })
      expect(res.statusCode, res.body).toBe(200)
    }
    await act('clerk', { type: 'start_pre_review' })
    await act('clerk', { type: 'accept' })
    const end = addWorkingDays(day, 3)
    await act('reviewer_mz', { type: 'pause_branch', department: 'mzj', procedure: '入户调查', reason: '核实家庭收入', expectedEnd: end })
    // The branch's own clock stands still; the procedure's expected end is what is watched.
    expect(await sweep(addWorkingDays(day, 1))).toBe(0)
    expect(await sweep(addWorkingDays(day, 2))).toBe(1)
    expect(await sweep(addCalendarDays(end, 1))).toBe(1)
    expect((await warningsOf('reviewer_mz', caseNo)).map((w) => [w.light, w.step, w.deadline]))
      .toEqual([['red', '示例市民政局特别程序（预计结束日）', end], ['yellow', '示例市民政局特别程序（预计结束日）', end]])
    expect(await warningsOf('clerk', caseNo)).toEqual([])
  })
})

describe('the clock settings the workbench shows (GET /api/staff/clock)', () => {
  it('names this year or next when its holidays are not loaded, and nothing when both are', async () => {
    let clock = Date.parse('2026-11-24T04:00:00Z')
    const timed = await startTestServer({ now: () => clock })
    try {
      const token = (await timed.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
      const read = async () => (await timed.app.inject({ url: '/api/staff/clock', headers: { authorization: `Bearer ${token}` } })).json<StaffClockView>()
      // The bundled calendar has 2025 and 2026; 2027's arrangement is not published in it.
      expect(await read()).toEqual({ today: '2026-11-24', yellowDays: 1, missingYears: [2027] })
      clock = Date.parse('2025-06-01T04:00:00Z')
      expect(await read()).toEqual({ today: '2025-06-01', yellowDays: 1, missingYears: [] })
      expect((await timed.app.inject({ url: '/api/staff/clock' })).statusCode).toBe(401)
    } finally {
      await timed.close()
    }
  })
})
