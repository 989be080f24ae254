/**
 * The workbench queue with many open cases (embedded PGlite): a page of the
 * window's queue (GET /api/staff/cases, read by desk in SQL) and a
 * department's, against the baseline measured in the same run — what
 * deciding each person's queue costs without stored desks: read every open
 * case, its events, and project its clock (the old list did this for the
 * 500 oldest and stopped there).
 */
import { performance } from 'node:perf_hooks'
import { caseRepo } from '../../server/src/store/cases'
import { caseClock, clockRules, loadEventsOf } from '../../server/src/cases/events'
import { caseLookups } from '../../server/src/cases/act'
import type {} from '../../server/src/app' // its FastifyInstance augmentation: app.clock
import { cloneOpenCases, minimumLivingApplication, signInCitizen, startTestServer, submitApplication } from '../../server/src/testing'
import { DEMO_STAFF_PASSWORD } from '../../server/seed/staff'
import { line, ms, percentile } from './util'
// The BFF's decorations of the Fastify instance (app.db, app.catalogue), for the types.
import type {} from '../../server/src/plugins/external/db'
import type {} from '../../server/src/plugins/app/catalogue'
import type {} from '../../server/src/plugins/app/clock'

const B = 'queue'
const OPEN = 3_000
const RUNS = 20

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  await fn() // warm
  const out: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return out.sort((a, b) => a - b)
}

export async function run(): Promise<void> {
  const server = await startTestServer({ checkResponses: false })
  try {
    const { token } = await signInCitizen(server.app, '13988880001', '10.88.8.1')
    const template = await submitApplication(server.app, token, minimumLivingApplication('13988880001'), 'queue-bench-template-01')
    const templateId = (await server.app.db.query<{ id: string }>('select id from cases where case_no = $1', [template.caseNo]))[0]!.id
    let t = performance.now()
    await cloneOpenCases(server.app.db, templateId, OPEN - 1)
    line(B, `${OPEN} open cases at the window (inserted in ${ms(performance.now() - t)})`)
    const login = async (username: string) =>
      (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    const [clerk, mz] = [await login('clerk'), await login('reviewer_mz')]
    const page = (who: string) => server.app.inject({ url: '/api/staff/cases', headers: { authorization: `Bearer ${who}` } })

    const windowPage = await timed(() => page(clerk))
    const departmentPage = await timed(() => page(mz))
    const lookups = caseLookups(server.app.catalogue, server.app.clock)
    const everyCase = await timed(async () => {
      for (let after: string | null = null; ;) {
        const rows = await caseRepo(server.app.db).openAfter(after, 500)
        const events = await loadEventsOf(server.app.db, rows.map((r) => r.id))
        for (const r of rows) caseClock(events.get(r.id) ?? [], clockRules(await lookups.itemOf(r.item_code)), Date.now(), server.app.clock)
        if (rows.length < 500) return
        after = rows.at(-1)!.id
      }
    })
    const [w, d, all] = [percentile(windowPage, 50), percentile(departmentPage, 50), percentile(everyCase, 50)]
    line(B, `window queue, first page of 100: median ${ms(w)}, p95 ${ms(percentile(windowPage, 95))}`)
    line(B, `民政局 queue (nothing of the ${OPEN} on its desk): median ${ms(d)}, p95 ${ms(percentile(departmentPage, 95))}`)
    line(B, `baseline, every open case read and projected: median ${ms(all)} — ${(all / w).toFixed(1)}× the window page, ${(all / d).toFixed(1)}× the department's`)
  } finally {
    await server.close()
  }
}
