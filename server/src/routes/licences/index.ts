/**
 * The e-licence wallet (API.licences): GET /api/me/licences, the citizen's
 * 我的证照; the certificate PDF of a licence issued on a case's 办结; and
 * an agent's view of the resident's licences under a consent. In demo mode
 * (SEED on, not production) an empty wallet is filled once, on first read,
 * with the demo licences (licences/demo.ts).
 */
import type { FastifyInstance } from 'fastify'
import { API, type FormField } from '@tongban/core'
import { grantedConsent } from '../../cases/agent'
import { accessLogRepo } from '../../store/access-log'
import { ProblemError } from '../../errors'
import { identityRepo } from '../../store/identity'
import { licencesRepo } from '../../store/licences'
import { licenceView } from '../../licences/view'
import { demoLicences } from '../../licences/demo'
import { caseRepo } from '../../store/cases'
import { loadEvents } from '../../cases/events'
import { issueCaseCertificate } from '../../notices/case-documents'
import { implement } from '../define'
import { sendPdf } from '../uploads/stored-files'

const routes = API.licences

export async function licenceRoutes(app: FastifyInstance, opts: { demo: boolean; origin: () => string }): Promise<void> {
  /** Fills a demo wallet once, from the account's own real name (and company): nothing before it has one. */
  async function fillDemoWallet(accountId: string): Promise<void> {
    await app.db.transaction(async (tx) => {
      const repo = licencesRepo(tx)
      const a = await identityRepo(tx).accountById(accountId)
      const realName = a?.name && a.id_number_enc ? { name: a.name, idNumber: app.idCipher.decrypt(a.id_number_enc) } : null
      if (!a || !realName || !(await repo.claimFill(accountId))) return
      const owner = { accountId, realName, company: a.company_name && a.credit_code ? { name: a.company_name, creditCode: a.credit_code } : null }
      for (const l of demoLicences(owner, app.idCipher, (id) => app.secrets.mac('id-number', id))) await repo.insert(accountId, l)
    })
  }

  /** The wallet, filled in demo mode when it holds no demo licences yet. */
  async function wallet(accountId: string) {
    let rows = await licencesRepo(app.db).forAccount(accountId)
    if (opts.demo && rows.every((r) => r.case_id)) {
      await fillDemoWallet(accountId)
      rows = await licencesRepo(app.db).forAccount(accountId)
    }
    return rows
  }

  implement(app, routes.mine, async (request) => {
    return (await wallet(request.citizen.accountId)).map(licenceView)
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
    const rows = await wallet(consent.account_id)
    const usable = rows.filter((r) => types.has(r.type))
    await accessLogRepo(app.db).record(consent.account_id, request.staff.id, 'assist', usable.map((r) => `licence:${r.type}`))
    return usable.map(licenceView)
  })
}
