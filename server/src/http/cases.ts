/**
 * Applying online: drafts kept for the citizen across devices, and
 * submission of a case exactly once (Idempotency-Key), then the case as
 * submitted for the receipt page and 我的办件.
 */
import { isDeepStrictEqual } from 'node:util'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  clockStop, materialRefs, urgentDeadline, resubmitCaseBodySchema, validateForm, withdrawCaseBodySchema,
  type CaseEventBody, type ResubmitCaseBody, type PublicCaseView,
  PUBLIC_QUERY_FAILURES_PER_HOUR, PUBLIC_QUERY_MESSAGES, PUBLIC_QUERY_PER_MINUTE, publicQuerySchema,
  BRANCH_STATUS_TEXT, isBeforeAcceptance, isClosed, REMEDY_TEXT, shanghaiDate, STAFF_CAPABILITIES, timeline,
  CASE_NO_PATTERN, caseNoParamsSchema, caseStatusLabel, IDEMPOTENCY_KEY_PATTERN, itemCodeParamsSchema, MAX_DRAFT_BYTES, ROUTES, saveDraftBodySchema,
  submitCaseBodySchema, SUBMIT_MESSAGES,
  type CaseDetail, type CaseEvent, type CaseStatus, type CaseSummary, type DraftRecord, type FormValues, type Item, type SubmitCaseBody,
} from '@tongban/core'
import { ProblemError } from '../errors'
import { identityRepo } from '../store/identity'
import { caseRepo, draftRepo, type CaseRow, type DraftRow } from '../store/cases'
import type { MaterialResolver } from '../cases/submit'
import { grantedConsent } from '../cases/agent'
import { caseClock, clockAt, clockRules, loadEvents, loadEventsOf, type CaseClock } from '../cases/events'
import type { ActRequest } from '../cases/act'
import { accessLogRepo } from '../store/access-log'

const idempotencyKey = new RegExp(IDEMPOTENCY_KEY_PATTERN)
const caseNoPattern = new RegExp(CASE_NO_PATTERN)
/** A malformed case number in a path names no case. */
const caseNoProblems = { caseNo: 'CASE_NOT_FOUND' } as const

function urgentClock(clock: CaseClock, today: string): Pick<CaseSummary, 'deadline' | 'light' | 'daysLeft'> {
  const deadline = urgentDeadline(clock.projection)
  return { deadline, ...clockAt(deadline, today, clock.context) }
}

/**
 * A case as a list shows it. `urgentOn` (the lists, with today's date) puts the earliest
 * running step's clock on the row, so a department past its day shows red even while the
 * case's own deadline, its last department's, is still ahead.
 */
export function summary(r: CaseRow, clock: CaseClock, opts: { urgentOn?: string } = {}): CaseSummary {
  const status = clock.projection.status
  const shown = opts.urgentOn === undefined
    ? { deadline: clock.projection.deadline, light: clock.light, daysLeft: clock.daysLeft }
    : urgentClock(clock, opts.urgentOn)
  return {
    caseNo: r.case_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    status,
    statusLabel: caseStatusLabel(status, clock.projection.outcome),
    submittedAt: new Date(r.submitted_at).toISOString(),
    ...shown,
    clockStop: clockStop(clock.projection),
  }
}

/** Top-level fields whose value differs between two versions of a form (a material's file counts). */
export function changedFields(before: FormValues, after: FormValues): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names].filter((n) => !isDeepStrictEqual(before[n] ?? null, after[n] ?? null))
}

/** What happens next, from the item's own promises. */
export function nextSteps(item: Pick<Item, 'handlingType' | 'promisedDays' | 'visits' | 'department'> | null, delivery: CaseRow['delivery'], status: CaseStatus = 'submitted', outcome?: 'approved' | 'denied'): string[] {
  // Denied: no licence is coming; where the reasons are, and what the applicant may do about it.
  if (outcome === 'denied') {
    return [
      '办理部门没有批准这项申请，理由和法律依据见“不予批准的理由”。',
      REMEDY_TEXT,
    ]
  }
  if (isClosed(status)) return []
  const accepted = status !== 'draft' && !isBeforeAcceptance(status)
  const steps = accepted ? [] : ['窗口工作人员将核对您的申请和材料，材料齐全的予以受理；需要补正的，会一次性告知需补正的全部内容。']
  if (item && status !== 'decided') {
    steps.push(item.handlingType === 'immediate' || item.promisedDays === 0
      ? `${item.department.name}受理后当场办结。`
      : `${item.department.name}承诺自受理之日起${item.promisedDays}个工作日内办结。`)
    if (item.visits === 0) steps.push('全程网上办理，无需到现场。')
    else steps.push(`最多到现场${item.visits}次。`)
  }
  steps.push(delivery === 'electronic' ? '办结后，电子证照会发到“我的证照”。'
    : delivery === 'post' ? '办结后，证照将通过EMS邮寄给您。'
    : '办结后，请凭办件编号和身份证到窗口领取证照。')
  steps.push('每一步进展都会通知您，也可以在“我的办件”中随时查看。')
  return steps
}

export function detail(r: CaseRow, item: Item | null, clock: CaseClock, now: number, departmentName: (code: string) => string): CaseDetail {
  const today = shanghaiDate(now)
  const p = clock.projection
  return {
    ...summary(r, clock),
    timeline: timeline(p.events, departmentName),
    branches: p.branches.map((b) => ({
      department: departmentName(b.department),
      statusLabel: BRANCH_STATUS_TEXT[b.status],
      deadline: b.deadline,
      ...clockAt(b.deadline, today, clock.context),
      ...(b.pause ? { paused: b.pause } : {}),
    })),
    ...(p.supplement ? { supplement: p.supplement } : {}),
    ...(p.outcome ? { outcome: p.outcome } : {}),
    ...(p.outcome === 'denied' ? { denials: p.branches.flatMap((b) => (b.denial ? [{ department: departmentName(b.department), ...b.denial }] : [])) } : {}),
    version: p.events.length,
    formVersion: r.form_version,
    form: r.form,
    values: r.form_values,
    answers: r.answers,
    materials: r.materials,
    delivery: r.delivery,
    agent: r.agent_id && r.consent_id ? { name: r.agent_name, consentId: r.consent_id } : null,
    nextSteps: nextSteps(item, r.delivery, p.status, p.outcome),
    phones: item ? { consult: item.consultPhone, complaint: item.complaintPhone } : null,
  }
}

function draftView(r: DraftRow): DraftRecord {
  return {
    itemCode: r.item_code,
    itemName: r.item_name,
    formVersion: r.form_version,
    values: r.form_values,
    answers: r.answers,
    updatedAt: Number(r.updated_at),
  }
}

export interface CaseRouteOptions {
  materials: MaterialResolver
  now?: () => number
}

export function caseRoutes(opts: CaseRouteOptions) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const now = opts.now ?? Date.now
    const citizenOf = (request: { citizen: { accountId: string | null } | null }): string => {
      const id = request.citizen?.accountId
      if (!id) throw new ProblemError('UNAUTHENTICATED')
      return id
    }
    const { itemOf, departmentNames } = app.caseEvents.lookups
    /** The case's projection from its events, by the core machine. */
    const clockOf = async (row: CaseRow, item: Item | null, events?: CaseEvent[]) =>
      caseClock(events ?? (await loadEvents(app.db, row.id)), clockRules(item), now(), app.clock)
    const detailOf = async (row: CaseRow, item: Item | null) => detail(row, item, await clockOf(row, item), now(), await departmentNames())

    app.post<{ Body: SubmitCaseBody; Headers: { 'idempotency-key'?: string } }>(ROUTES.submitCase.path, {
      schema: { body: submitCaseBodySchema, tags: ['cases'], summary: '提交申请（同一 Idempotency-Key 只生成一个办件）' },
      config: { access: 'citizen', fieldMessages: SUBMIT_MESSAGES },
    }, async (request, reply): Promise<CaseDetail> => {
      const accountId = citizenOf(request)
      const key = request.headers['idempotency-key']
      if (typeof key !== 'string' || !idempotencyKey.test(key)) throw new ProblemError('IDEMPOTENCY_KEY_MISSING')
      const item = await itemOf(request.body.itemCode)
      if (!item) throw new ProblemError('ITEM_NOT_FOUND')
      if (request.body.agentConsentId) throw new ProblemError('FORBIDDEN', { detail: '代办申请请从代办员工作台提交' })
      const out = await app.caseEvents.submit(accountId, key, item, request.body)
      const row = await caseRepo(app.db).byId(out.caseId)
      if (!row) throw new ProblemError('INTERNAL')
      if (out.created) await draftRepo(app.db).remove(accountId, item.code)
      reply.code(out.created ? 201 : 200).header('cache-control', 'no-store')
      return detailOf(row, item)
    })

    // 代办: the agent submits for the resident of a granted consent; the case is the resident's, and names the agent.
    app.post<{ Body: SubmitCaseBody; Headers: { 'idempotency-key'?: string } }>(ROUTES.agentSubmitCase.path, {
      schema: { body: submitCaseBodySchema, tags: ['agent'], summary: '代办员为授权群众提交申请（同一 Idempotency-Key 只生成一个办件）' },
      config: { access: { staff: STAFF_CAPABILITIES.applyForOthers }, fieldMessages: SUBMIT_MESSAGES },
    }, async (request, reply): Promise<CaseDetail> => {
      const key = request.headers['idempotency-key']
      if (typeof key !== 'string' || !idempotencyKey.test(key)) throw new ProblemError('IDEMPOTENCY_KEY_MISSING')
      const consentId = request.body.agentConsentId
      if (!consentId) throw new ProblemError('VALIDATION', { errors: [{ path: 'agentConsentId', code: 'required', message: '请先取得群众的代办授权' }] })
      const consent = await grantedConsent(app.db, request, consentId, request.body.itemCode)
      const item = await itemOf(consent.item_code)
      if (!item) throw new ProblemError('ITEM_NOT_FOUND')
      const agentId = request.staff!.id
      const out = await app.caseEvents.submit(consent.account_id, key, item, request.body, { agentId, consentId: consent.id })
      const row = await caseRepo(app.db).byId(out.caseId)
      if (!row) throw new ProblemError('INTERNAL')
      if (out.created) await accessLogRepo(app.db).record(consent.account_id, agentId, 'assist', ['application'])
      reply.code(out.created ? 201 : 200).header('cache-control', 'no-store')
      return detailOf(row, item)
    })

    /** A citizen's action on their own case, on the version they saw, under a row lock. */
    async function citizenAction(request: FastifyRequest<{ Params: { caseNo: string } }>, version: number, body: CaseEventBody, within?: ActRequest['within']): Promise<CaseDetail> {
      const accountId = citizenOf(request)
      const done = await app.caseEvents.act({
        caseNo: request.params.caseNo, version, owner: accountId, actor: { role: 'citizen', id: accountId }, body, at: new Date(now()), within,
      })
      return detail(done.row, done.item, caseClock(done.events, clockRules(done.item), now(), app.clock), now(), await departmentNames())
    }

    app.post<{ Params: { caseNo: string }; Body: ResubmitCaseBody }>(ROUTES.resubmitCase.path, {
      schema: { params: caseNoParamsSchema, body: resubmitCaseBodySchema, tags: ['cases'], summary: '补正后重新提交（与申请时同一校验）' },
      config: { access: 'citizen', fieldMessages: { values: '申请表内容格式不正确', version: '请刷新后再提交' }, fieldProblems: caseNoProblems },
    }, async (request) => citizenAction(request, request.body.version, { type: 'resubmit' }, async ({ tx, row, today, event }) => {
      const id = row.id
      const result = validateForm(row.form, request.body.values, { answers: row.answers, today })
      if (!result.ok) throw new ProblemError('VALIDATION', { errors: result.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) })
      const refs = materialRefs(row.form, result.values)
      const materials = await opts.materials.resolve(tx, row.account_id, refs, row.form, id)
      await opts.materials.attach(tx, row.account_id, refs, id)
      await caseRepo(tx).replaceContent(id, result.values, materials)
      // What the citizen changed is stamped on the event before it is written: a second 补正 may ask about it (Art. 32).
      if (event.type === 'resubmit') event.changed = changedFields(row.form_values, result.values)
    }))

    app.post<{ Params: { caseNo: string }; Body: { version: number; reason?: string } }>(ROUTES.withdrawCase.path, {
      schema: { params: caseNoParamsSchema, body: withdrawCaseBodySchema, tags: ['cases'], summary: '受理前撤回申请' },
      config: { access: 'citizen', fieldMessages: { version: '请刷新后再操作', reason: '撤回原因太长了' }, fieldProblems: caseNoProblems },
    }, async (request) => citizenAction(request, request.body.version, { type: 'withdraw', ...(request.body.reason ? { reason: request.body.reason } : {}) }))

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
    app.get<{ Querystring: { caseNo: string; phone4: string } }>(ROUTES.publicQuery.path, {
      schema: { querystring: publicQuerySchema, tags: ['cases'], summary: '办件查询（办件编号 + 手机号后4位，不含个人信息）' },
      config: {
        access: 'public', fieldMessages: PUBLIC_QUERY_MESSAGES,
        rateLimit: { max: PUBLIC_QUERY_PER_MINUTE, timeWindow: '1 minute' },
      },
    }, async (request, reply): Promise<PublicCaseView> => {
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
      reply.header('cache-control', 'no-store')
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
    })

    app.get(ROUTES.myCases.path, {
      schema: { tags: ['cases'], summary: '我的办件' },
      config: { access: 'citizen' },
    }, async (request, reply): Promise<CaseSummary[]> => {
      reply.header('cache-control', 'private, no-store')
      const rows = await caseRepo(app.db).forAccount(citizenOf(request))
      const events = await loadEventsOf(app.db, rows.map((r) => r.id))
      const urgentOn = shanghaiDate(now())
      return Promise.all(rows.map(async (r) => summary(r, await clockOf(r, await itemOf(r.item_code), events.get(r.id) ?? []), { urgentOn })))
    })

    app.get<{ Params: { caseNo: string } }>(ROUTES.getCase.path, {
      schema: { params: caseNoParamsSchema, tags: ['cases'], summary: '办件详情（按提交时的内容）' },
      config: { access: 'citizen', fieldProblems: caseNoProblems },
    }, async (request, reply): Promise<CaseDetail> => {
      const accountId = citizenOf(request)
      const { caseNo } = request.params
      // Someone else's case reads as missing: a case number reveals nothing.
      const row = await caseRepo(app.db).byNo(caseNo)
      if (!row || row.account_id !== accountId) throw new ProblemError('CASE_NOT_FOUND')
      reply.header('cache-control', 'private, no-store')
      return detailOf(row, await itemOf(row.item_code))
    })

    app.get(ROUTES.myDrafts.path, {
      schema: { tags: ['drafts'], summary: '我的草稿（云端）' },
      config: { access: 'citizen' },
    }, async (request, reply): Promise<DraftRecord[]> => {
      reply.header('cache-control', 'private, no-store')
      return (await draftRepo(app.db).list(citizenOf(request))).map(draftView)
    })

    app.put<{ Params: { code: string }; Body: Omit<DraftRecord, 'itemCode'> }>(ROUTES.saveDraft.path, {
      schema: { params: itemCodeParamsSchema, body: saveDraftBodySchema, tags: ['drafts'], summary: '保存草稿（较新的一份为准）' },
      config: {
        access: 'citizen', fieldProblems: { code: 'ITEM_NOT_FOUND' },
        fieldMessages: { code: '事项编码格式不正确', values: '草稿内容格式不正确', answers: '情形选择格式不正确', updatedAt: '保存时间不正确', formVersion: '申请表版本不正确', itemName: '事项名称太长' },
      },
    }, async (request): Promise<DraftRecord> => {
      const accountId = citizenOf(request)
      const body = request.body
      if (Buffer.byteLength(JSON.stringify(body.values)) + Buffer.byteLength(JSON.stringify(body.answers)) > MAX_DRAFT_BYTES) throw new ProblemError('DRAFT_TOO_LARGE')
      const item = await itemOf(request.params.code)
      if (!item) throw new ProblemError('ITEM_NOT_FOUND')
      const saved = await draftRepo(app.db).save(accountId, item.code, {
        item_name: item.name, form_version: body.formVersion, form_values: body.values, answers: body.answers, updated_at: body.updatedAt,
      })
      return draftView(saved)
    })

    app.delete<{ Params: { code: string } }>(ROUTES.deleteDraft.path, {
      schema: { params: itemCodeParamsSchema, tags: ['drafts'], summary: '删除草稿' },
      config: { access: 'citizen', fieldProblems: { code: 'ITEM_NOT_FOUND' } },
    }, async (request, reply) => {
      await draftRepo(app.db).remove(citizenOf(request), request.params.code)
      return reply.code(204).send()
    })
  }
}
