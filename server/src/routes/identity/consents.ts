/**
 * 代办: a village/township agent asks a resident's consent to apply for one
 * item on their behalf. The resident gets an SMS naming the agent and the
 * item, and tells the agent the code; the agent enters it and the consent is
 * recorded (who, for what, when) and shown to the resident. Under it the
 * agent reads the resident's 实名 for the form's applicant fields.
 */
import type { FastifyInstance } from 'fastify'
import { API, CONSENT_MESSAGES, isValidMobile, maskMobile, normalizeMobile, type Consent } from '@tongban/core'
import { ProblemError } from '../../errors'
import { codeRefused, codeTooFrequent } from '../../auth/otp'
import { consentRepo, type ConsentRow } from '../../store/consents'
import { identityRepo } from '../../store/identity'
import { implement } from '../define'
import { grantedConsent } from '../../cases/agent'
import { realNames } from '../../cases/applicant'
import { accessLogRepo } from '../../store/access-log'

const routes = API.identity

function view(r: ConsentRow): Consent {
  return {
    id: r.id,
    status: r.status,
    residentPhoneMasked: maskMobile(r.resident_phone),
    itemCode: r.item_code,
    itemName: r.item_name,
    agentName: r.agent_name,
    createdAt: new Date(r.created_at).toISOString(),
    grantedAt: r.granted_at ? new Date(r.granted_at).toISOString() : null,
  }
}

export async function consentRoutes(app: FastifyInstance): Promise<void> {
  implement(app, routes.requestConsent, async (request, reply) => {
    const agent = request.staff
    const phone = normalizeMobile(request.body.residentPhone)
    if (!isValidMobile(phone)) throw new ProblemError('VALIDATION', { errors: [{ path: 'residentPhone', code: 'mobile', message: CONSENT_MESSAGES.residentPhone }] })
    const guide = await app.catalogue.guide(request.body.itemCode)
    if (!guide) throw new ProblemError('VALIDATION', { errors: [{ path: 'itemCode', code: 'unknown', message: CONSENT_MESSAGES.itemCode }] })
    const repo = consentRepo(app.db)
    const id = await repo.create(agent.id, phone, request.body.itemCode)
    const row = (await repo.byId(id))!
    const sent = await app.otp.send(phone, request.ip, 'consent', 'consent_code', { agent: row.agent_name, item: row.item_name })
    if (!sent.ok) {
      await repo.remove(id)
      if (sent.reason === 'too_frequent') throw codeTooFrequent(reply, sent.retryAfter)
      throw new ProblemError('SMS_UNAVAILABLE')
    }
    reply.code(201)
    return view(row)
  })

  implement(app, routes.confirmConsent, async (request) => {
    const repo = consentRepo(app.db)
    const row = await repo.byId(request.params.id)
    // Another agent's request is as good as absent.
    if (!row || row.agent_id !== request.staff.id) throw new ProblemError('CONSENT_NOT_FOUND')
    if (row.status === 'granted') return view(row)
    const checked = await app.otp.verify(row.resident_phone, request.body.code.trim(), 'consent')
    if (!checked.ok) throw codeRefused(checked)
    const account = await identityRepo(app.db).ensureAccount(row.resident_phone)
    await repo.grant(row.id, account.id, new Date(app.now()))
    return view((await repo.byId(row.id))!)
  })

  // The resident's 实名 for the applicant fields of the agent's form (read-only there, checked on submit): a look the resident sees.
  const readRealName = realNames(app.idCipher)
  implement(app, routes.agentApplicant, async (request) => {
    const consent = await grantedConsent(app.db, request, request.params.id)
    const realName = await readRealName(app.db, consent.account_id)
    if (realName) await accessLogRepo(app.db).record(consent.account_id, request.staff.id, 'assist', ['realName'])
    return { realName }
  })

  implement(app, routes.agentConsents, async (request) => (await consentRepo(app.db).forAgent(request.staff.id)).map(view))

  implement(app, routes.myConsents, async (request) => (await consentRepo(app.db).grantedBy(request.citizen.accountId)).map(view))
}
