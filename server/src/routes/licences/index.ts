/**
 * The e-licence wallet (API.licences): GET /api/me/licences, the citizen's
 * 我的证照; the certificate PDF of a licence issued on a case's 办结; and
 * an agent's view of the resident's licences under a consent. In demo mode
 * (SEED on, not production) an empty wallet is filled once, on first read,
 * with the demo licences (licences/demo.ts).
 */
import type { FastifyInstance } from 'fastify'
import { API, buildPath, type FormField, type Licence } from '@tongban/core'
import { grantedConsent } from '../../cases/agent'
import { accessLogRepo } from '../../store/access-log'
import { ProblemError } from '../../errors'
import { identityRepo } from '../../store/identity'
import { licencesRepo, type LicenceRow } from '../../store/licences'
import { demoLicences } from '../../licences/demo'
import { caseRepo } from '../../store/cases'
import { loadEvents } from '../../cases/events'
import { issueCaseCertificate } from '../../notices/case-documents'
import { implement } from '../define'
import { sendPdf } from '../uploads/stored-files'

const routes = API.licences

export function licenceView(r: LicenceRow & { case_no?: string | null }): Licence {
  return {
    ...(r.case_id && r.case_no ? { caseNo: r.case_no, certificateUrl: buildPath(routes.certificate.path, { id: r.id }) } : {}),
    id: r.id,
    type: r.type,
    title: r.title,
    number: r.number_masked,
    holder: r.holder,
    issuer: r.issuer,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
  }
}

export async function licenceRoutes(app: FastifyInstance, opts: { demo: boolean; origin: () => string }): Promise<void> {
  async function fillDemoWallet(accountId: string): Promise<void> {
    await app.db.transaction(async (tx) => {
      const repo = licencesRepo(tx)
      if (!(await repo.claimFill(accountId))) return
      const a = await identityRepo(tx).accountById(accountId)
      if (!a) return
      const owner = {
        accountId,
        name: a.name,
        idNumber: a.id_number_enc ? app.idCipher.decrypt(a.id_number_enc) : null,
        company: a.company_name && a.credit_code ? { name: a.company_name, creditCode: a.credit_code } : null,
      }
      for (const l of demoLicences(owner, app.idCipher)) await repo.insert(accountId, l)
    })
  }

  implement(app, routes.mine, async (request) => {
    const { accountId } = request.citizen
    let rows = await licencesRepo(app.db).forAccount(accountId)
    if (!rows.length && opts.demo) {
      await fillDemoWallet(accountId)
      rows = await licencesRepo(app.db).forAccount(accountId)
    }
    return rows.map(licenceView)
  })

  // The certificate PDF of a licence we issued on a case's 办结 (same document, same verify id, every time).
  implement(app, routes.certificate, async (request, reply) => {
    const licence = (await licencesRepo(app.db).ownedBy(request.citizen.accountId, [request.params.id]))[0]
    const row = licence?.case_id ? await caseRepo(app.db).byId(licence.case_id) : null
    if (!licence || !row) throw new ProblemError('NOT_FOUND')
    const events = await loadEvents(app.db, row.id)
    const index = events.findLastIndex((e) => e.type === 'complete')
    if (index < 0) throw new ProblemError('NOT_FOUND')
    const { pdf } = await issueCaseCertificate({ db: app.db, origin: opts.origin(), at: new Date(app.now()) }, row, licence, index)
    return sendPdf(reply, `${licence.type}-${licence.holder}.pdf`, pdf)
  })

  // 代办: only the kinds of licence the consented item's form takes, and the resident sees who looked.
  implement(app, routes.agent, async (request) => {
    const consent = await grantedConsent(app.db, request, request.params.id)
    const form = (await app.catalogue.guide(consent.item_code))?.item.form
    const types = new Set<string>()
    const walk = (fields: FormField[]) => {
      for (const f of fields) {
        if (f.type === 'material') for (const t of f.eLicenceTypes ?? []) types.add(t)
        if (f.type === 'group') walk(f.fields)
      }
    }
    walk(form?.fields ?? [])
    if (!types.size) return []
    let rows = await licencesRepo(app.db).forAccount(consent.account_id)
    if (!rows.length && opts.demo) {
      await fillDemoWallet(consent.account_id)
      rows = await licencesRepo(app.db).forAccount(consent.account_id)
    }
    const usable = rows.filter((r) => types.has(r.type))
    await accessLogRepo(app.db).record(consent.account_id, request.staff.id, 'assist', usable.map((r) => `licence:${r.type}`))
    return usable.map(licenceView)
  })
}
