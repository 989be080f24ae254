/**
 * Submitting an application exactly once. The shell sends an idempotency
 * key with every attempt; the first attempt to claim it (per account) creates
 * the case, every other attempt with the same key and the same body answers
 * with that case, and the same key with a different body is refused. The
 * check, the case, its first event and the binding of the key happen in one
 * transaction, so a failure leaves nothing behind and the key free to retry.
 */
import { createHash } from 'node:crypto'
import stringify from 'safe-stable-stringify'
import {
  applyEvent, deliveryRefusal, emptyCase, formatCaseNo, materialRefs, shanghaiDate, validateForm, type Actor, type CaseEvent,
  type CaseMaterial, type FormSchema, type FormValues, type Item, type MaterialRef, type RealName, type SubmitCaseBody, type WorkCalendar,
} from '@tongban/core'
import type { Db, Queryable } from '../store/db'
import { caseRepo } from '../store/cases'
import { ProblemError } from '../errors'
import { clockRules } from './events'
import { writeEvents, type ActContext } from './act'
import { checkApplicantFields, requireRealName, type RealNames } from './applicant'

/**
 * Checks that every attached material belongs to the applicant, fits the
 * limits, and names it for the case; marks uploads as used by the case.
 * Runs inside the submit transaction.
 */
export interface MaterialResolver {
  /** `values`: the form as checked (the company it names); `caseId`: files already part of this case (a resubmission) may stay. */
  resolve(tx: Queryable, accountId: string, refs: MaterialRef[], form: FormSchema, values: FormValues, caseId?: string): Promise<CaseMaterial[]>
  attach(tx: Queryable, accountId: string, refs: MaterialRef[], caseId: string): Promise<void>
}

export function requestHash(body: SubmitCaseBody): string {
  return createHash('sha256').update(stringify(body) ?? '').digest('base64url')
}

export interface SubmitContext {
  db: Db
  materials: MaterialResolver
  /** The applicant's real name (applicant.ts): the account's own, or the consenting resident's. */
  realNames: RealNames
  now: () => number
  /** Department code → name, read before the transaction (for the effects). */
  departmentName?: (code: string) => string
  /** The registered effects, in the transaction, once the first event is written (commit.ts). */
  recorded?: (ctx: ActContext) => Promise<void>
  /** The working-day calendar the pre-review deadline counts in (the product clock's). */
  calendar: WorkCalendar
}

export interface SubmitOutcome {
  caseId: string
  /** false: an earlier attempt with this key created it. */
  created: boolean
}

export async function submitCase(
  ctx: SubmitContext, accountId: string, key: string, item: Item, body: SubmitCaseBody, agent: { agentId: string; consentId: string } | null = null,
): Promise<SubmitOutcome> {
  const form = item.form
  if (!form) throw new ProblemError('FORM_NOT_FOUND')
  const hash = requestHash(body)
  const at = new Date(ctx.now())
  const today = shanghaiDate(at.getTime())

  // Checked after the key: a replay of a submitted case answers with it even if the form has changed since.
  const check = (realName: RealName | null) => {
    // Who applies first: without a real name nothing else can be right (the shells ask for it in place).
    const applicant = requireRealName(realName, agent !== null)
    if (body.formVersion !== form.version) throw new ProblemError('FORM_OUTDATED', { detail: `form version ${form.version}` })
    if (body.personalDataConsent !== true) {
      throw new ProblemError('CONSENT_REQUIRED', { errors: [{ path: 'personalDataConsent', code: 'required', message: '请阅读并同意个人信息使用说明' }] })
    }
    // The result reaches the applicant only in a way the item offers (the core's deliveryChoices, as the review showed).
    const refusal = deliveryRefusal(item, body.delivery)
    if (refusal) throw new ProblemError('DELIVERY_NOT_OFFERED', { detail: refusal })
    const result = validateForm(form, body.values, { answers: body.answers, today })
    checkApplicantFields(result, applicant)
    return result.values
  }

  return ctx.db.transaction(async (tx) => {
    const cases = caseRepo(tx)
    const claim = await cases.claimKey(accountId, key, hash)
    if (!claim.claimed) {
      if (claim.requestHash !== hash) throw new ProblemError('IDEMPOTENCY_KEY_REUSED')
      if (claim.caseId) return { caseId: claim.caseId, created: false }
      throw new ProblemError('SUBMIT_IN_PROGRESS')
    }
    const values = check(await ctx.realNames(tx, accountId))
    const refs = materialRefs(form, values)
    const materials = await ctx.materials.resolve(tx, accountId, refs, form, values)
    const seq = await cases.nextSeq(item.code, today)
    const caseNo = formatCaseNo(item.code, today, seq)
    const caseId = await cases.insert({
      caseNo, itemCode: item.code, accountId, agentId: agent?.agentId ?? null, consentId: agent?.consentId ?? null,
      form, values, answers: body.answers, materials, delivery: body.delivery, at,
    })
    // The first event, checked by the same machine the shells run: draft → submitted.
    const actor: Actor = agent ? { role: 'agent', id: agent.agentId } : { role: 'citizen', id: accountId }
    const before = emptyCase()
    const submitted = applyEvent(before, { type: 'submit', actor, day: today, at: at.toISOString() }, clockRules(item), ctx.calendar)
    // Stored with the case number and the delivery chosen, as the submission's own record.
    const event = { ...submitted.events[0]!, caseNo, delivery: body.delivery } as unknown as CaseEvent
    await writeEvents(tx, caseId, [event], submitted, at)
    await ctx.materials.attach(tx, accountId, refs, caseId)
    await cases.bindKey(accountId, key, caseId)
    if (ctx.recorded) {
      const row = (await cases.byId(caseId))!
      await ctx.recorded({ tx, row, item, before, after: submitted, event, added: [event], today, departmentName: ctx.departmentName ?? ((code) => code) })
    }
    return { caseId, created: true }
  })
}
