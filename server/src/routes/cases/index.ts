/**
 * Applying online (API.cases): submission of a case exactly once
 * (Idempotency-Key), by the citizen or by an agent for a resident who
 * consented; 补正 and 撤回 on the version the applicant saw; the case as
 * submitted for the receipt page and 我的办件; and 办件查询 for anyone with
 * the number and the phone's last 4 digits.
 */
import {
  API, BRANCH_STATUS_TEXT, caseStatusLabel, clockStop, CASE_NO_PATTERN, IDEMPOTENCY_KEY_PATTERN, materialRefs, PUBLIC_QUERY_FAILURES_PER_HOUR,
  PUBLIC_QUERY_PER_MINUTE, shanghaiDate, timeline, validateForm,
  type CaseEvent, type CaseEventBody, type Item,
} from '@tongban/core'
import type { FastifyInstance } from 'fastify'
import { ProblemError } from '../../errors'
import { identityRepo } from '../../store/identity'
import { caseRepo, draftRepo, type CaseRow } from '../../store/cases'
import type { MaterialResolver } from '../../cases/submit'
import { grantedConsent } from '../../cases/agent'
import { checkApplicantFields, realNames } from '../../cases/applicant'
import { caseClock, clockAt, clockRules, loadEvents, loadEventsOf } from '../../cases/events'
import type { ActRequest } from '../../cases/act'
import { accessLogRepo } from '../../store/access-log'
import { implement } from '../define'
import { changedFields, detail, summary } from './views'

export { draftRoutes } from './drafts'

const routes = API.cases
const idempotencyKey = new RegExp(IDEMPOTENCY_KEY_PATTERN)
const caseNoPattern = new RegExp(CASE_NO_PATTERN)

/** The key as sent, when it is one (a missing or malformed key answers IDEMPOTENCY_KEY_MISSING, no field list). */
function keyOf(headers: { 'idempotency-key'?: unknown }): string {
  const key = headers['idempotency-key']
  if (typeof key !== 'string' || !idempotencyKey.test(key)) throw new ProblemError('IDEMPOTENCY_KEY_MISSING')
  return key
}

export interface CaseRouteOptions {
  materials: MaterialResolver
  now?: () => number
}

export function caseRoutes(opts: CaseRouteOptions) {
  return async function cases(app: FastifyInstance): Promise<void> {
    const now = opts.now ?? Date.now
    const readRealName = realNames(app.idCipher)
    const { itemOf, departmentNames } = app.caseEvents.lookups
    /** The case's projection from its events, by the core machine. */
    const clockOf = async (row: CaseRow, item: Item | null, events?: CaseEvent[]) =>
      caseClock(events ?? (await loadEvents(app.db, row.id)), clockRules(item), now(), app.clock)
    const detailOf = async (row: CaseRow, item: Item | null) => detail(row, item, await clockOf(row, item), now(), await departmentNames())

    implement(app, routes.submit, async (request, reply) => {
      const { accountId } = request.citizen
      const key = keyOf(request.headers)
      const item = await itemOf(request.body.itemCode)
      if (!item) throw new ProblemError('ITEM_NOT_FOUND')
      if (request.body.agentConsentId) throw new ProblemError('FORBIDDEN', { detail: '代办申请请从代办员工作台提交' })
      const out = await app.caseEvents.submit(accountId, key, item, request.body)
      const row = await caseRepo(app.db).byId(out.caseId)
      if (!row) throw new ProblemError('INTERNAL')
      if (out.created) await draftRepo(app.db).remove(accountId, item.code)
      reply.code(out.created ? 201 : 200)
      return detailOf(row, item)
    })

    // 代办: the agent submits for the resident of a granted consent; the case is the resident's, and names the agent.
    implement(app, routes.agentSubmit, async (request, reply) => {
      const key = keyOf(request.headers)
      const consentId = request.body.agentConsentId
      if (!consentId) throw new ProblemError('VALIDATION', { errors: [{ path: 'agentConsentId', code: 'required', message: '请先取得群众的代办授权' }] })
      const consent = await grantedConsent(app.db, request, consentId, request.body.itemCode)
      const item = await itemOf(consent.item_code)
      if (!item) throw new ProblemError('ITEM_NOT_FOUND')
      const agentId = request.staff.id
      const out = await app.caseEvents.submit(consent.account_id, key, item, request.body, { agentId, consentId: consent.id })
      const row = await caseRepo(app.db).byId(out.caseId)
      if (!row) throw new ProblemError('INTERNAL')
      if (out.created) await accessLogRepo(app.db).record(consent.account_id, agentId, 'assist', ['application'])
      reply.code(out.created ? 201 : 200)
      return detailOf(row, item)
    })

    /** A citizen's action on their own case, on the version they saw, under a row lock. */
    async function citizenAction(accountId: string, caseNo: string, version: number, body: CaseEventBody, within?: ActRequest['within']) {
      const done = await app.caseEvents.act({
        caseNo, version, owner: accountId, actor: { role: 'citizen', id: accountId }, body, at: new Date(now()), within,
      })
      return detail(done.row, done.item, caseClock(done.events, clockRules(done.item), now(), app.clock), now(), await departmentNames())
    }

    implement(app, routes.resubmit, async (request) => citizenAction(request.citizen.accountId, request.params.caseNo, request.body.version, { type: 'resubmit' }, async ({ tx, row, today, event }) => {
      const id = row.id
      const result = validateForm(row.form, request.body.values, { answers: row.answers, today })
      // The applicant stays the applicant: where the account has a real name, the applicant fields hold it (a case
      // submitted before 实名 was asked is corrected as it was).
      const realName = await readRealName(tx, row.account_id)
      if (realName) checkApplicantFields(result, realName)
      else if (!result.ok) throw new ProblemError('VALIDATION', { errors: result.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) })
      const refs = materialRefs(row.form, result.values)
      const materials = await opts.materials.resolve(tx, row.account_id, refs, row.form, result.values, id)
      await opts.materials.attach(tx, row.account_id, refs, id)
      await caseRepo(tx).replaceContent(id, result.values, materials)
      // What the citizen changed is stamped on the event before it is written: a second 补正 may ask about it (Art. 32).
      if (event.type === 'resubmit') event.changed = changedFields(row.form_values, result.values)
    }))

    implement(app, routes.withdraw, async (request) => citizenAction(request.citizen.accountId, request.params.caseNo, request.body.version,
      { type: 'withdraw', ...(request.body.reason ? { reason: request.body.reason } : {}) }))

    /**
     * Wrong answers per case number, whatever the address (counted where the address limits are:
     * Redis when configured). A locked number stays locked for the window even for the right
     * digits, or a guesser would just keep going until one answer is not 429. (In Redis the key
     * reads `…rate-limit:undefinedundefined-query-case:<no>`: the plugin names a manual limiter's
     * keys after a route it does not have.)
     */
    const queryFailures = app.createRateLimit({
      max: PUBLIC_QUERY_FAILURES_PER_HOUR,
      timeWindow: '1 hour',
      keyGenerator: (r) => `query-case:${(r.query as { caseNo: string }).caseNo}`,
    })

    // 办件查询: anyone with the number and the applicant phone's last 4 digits; no personal data, and
    // the same answer whether the number is unknown or the digits are wrong (both count as failures).
    implement(app, routes.publicQuery, async (request, reply) => {
      const { caseNo, phone4 } = request.query
      const tries = await queryFailures(request, { increment: false })
      if (!tries.isAllowed && tries.remaining === 0) {
        reply.header('retry-after', tries.ttlInSeconds)
        throw new ProblemError('QUERY_LOCKED')
      }
      const row = caseNoPattern.test(caseNo) ? await caseRepo(app.db).byNo(caseNo) : null
      const phone = row ? (await identityRepo(app.db).accountById(row.account_id))?.phone ?? null : null
      if (!row || !phone || !phone.endsWith(phone4)) {
        await queryFailures(request)
        throw new ProblemError('QUERY_NOT_FOUND')
      }
      const item = await itemOf(row.item_code)
      const clock = await clockOf(row, item)
      const names = await departmentNames()
      return {
        caseNo: row.case_no,
        itemName: row.item_name,
        department: item?.department.name ?? '',
        statusLabel: caseStatusLabel(clock.projection.status, clock.projection.outcome),
        submittedDay: shanghaiDate(new Date(row.submitted_at).getTime()),
        deadline: clock.projection.deadline,
        light: clock.light,
        daysLeft: clock.daysLeft,
        clockStop: clockStop(clock.projection),
        branches: clock.projection.branches.map((b) => ({
          department: names(b.department),
          statusLabel: BRANCH_STATUS_TEXT[b.status],
          deadline: b.deadline,
          ...clockAt(b.deadline, shanghaiDate(now()), app.clock),
          ...(b.pause ? { paused: { procedure: b.pause.procedure, expectedEnd: b.pause.expectedEnd } } : {}),
        })),
        steps: timeline(clock.projection.events, names).map(({ day, text, by, due }) => ({ day, text, by, ...(due ? { due } : {}) })),
      }
    }, { rateLimit: { max: PUBLIC_QUERY_PER_MINUTE, timeWindow: '1 minute' } })

    implement(app, routes.mine, async (request) => {
      const rows = await caseRepo(app.db).forAccount(request.citizen.accountId)
      const events = await loadEventsOf(app.db, rows.map((r) => r.id))
      const urgentOn = shanghaiDate(now())
      return Promise.all(rows.map(async (r) => summary(r, await clockOf(r, await itemOf(r.item_code), events.get(r.id) ?? []), { urgentOn })))
    })

    implement(app, routes.get, async (request) => {
      // Someone else's case reads as missing: a case number reveals nothing.
      const row = await caseRepo(app.db).byNo(request.params.caseNo)
      if (!row || row.account_id !== request.citizen.accountId) throw new ProblemError('CASE_NOT_FOUND')
      return detailOf(row, await itemOf(row.item_code))
    })
  }
}
