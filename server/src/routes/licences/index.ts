/**
 * GET /api/me/licences: the citizen's e-licence wallet (我的证照). In demo
 * mode (SEED on, not production) an empty wallet is filled once, on first
 * read, with the demo licences (licences/demo.ts).
 */
import type { FastifyInstance } from 'fastify'
import { buildPath, ROUTES, STAFF_CAPABILITIES, uuidParamsSchema, type FormField, type Licence } from '@tongban/core'
import { grantedConsent } from '../cases/agent'
import { accessLogRepo } from '../store/access-log'
import { ProblemError } from '../errors'
import { identityRepo } from '../store/identity'
import { licencesRepo, type LicenceRow } from '../store/licences'
import { demoLicences } from '../licences/demo'
import { caseRepo } from '../store/cases'
import { loadEvents } from '../cases/events'
import { issueCaseCertificate } from '../notices/case-documents'
import { contentDisposition } from './uploads'

export function licenceView(r: LicenceRow & { case_no?: string | null }): Licence {
  return {
    ...(r.case_id && r.case_no ? { caseNo: r.case_no, certificateUrl: buildPath(ROUTES.licenceCertificate.path, { id: r.id }) } : {}),
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

  app.get(ROUTES.myLicences.path, {
    schema: { tags: ['applications'], summary: '我的电子证照（个人号码已打码）' },
    config: { access: 'citizen' },
  }, async (request, reply): Promise<Licence[]> => {
    const accountId = request.citizen?.accountId
    if (!accountId) throw new ProblemError('UNAUTHENTICATED')
    reply.header('cache-control', 'private, no-store')
    let rows = await licencesRepo(app.db).forAccount(accountId)
    if (!rows.length && opts.demo) {
      await fillDemoWallet(accountId)
      rows = await licencesRepo(app.db).forAccount(accountId)
    }
    return rows.map(licenceView)
  })

  // The certificate PDF of a licence we issued on a case's 办结 (same document, same verify id, every time).
  app.get<{ Params: { id: string } }>(ROUTES.licenceCertificate.path, {
    schema: { params: uuidParamsSchema, tags: ['applications'], summary: '下载电子证照（PDF，扫码核验）' },
    config: { access: 'citizen', fieldProblems: { id: 'NOT_FOUND' } },
  }, async (request, reply) => {
    const accountId = request.citizen?.accountId
    if (!accountId) throw new ProblemError('UNAUTHENTICATED')
    const licence = (await licencesRepo(app.db).ownedBy(accountId, [request.params.id]))[0]
    const row = licence?.case_id ? await caseRepo(app.db).byId(licence.case_id) : null
    if (!licence || !row) throw new ProblemError('NOT_FOUND')
    const events = await loadEvents(app.db, row.id)
    const index = events.findLastIndex((e) => e.type === 'complete')
    if (index < 0) throw new ProblemError('NOT_FOUND')
    const { pdf } = await issueCaseCertificate({ db: app.db, origin: opts.origin(), at: new Date(app.now()) }, row, licence, index)
    return reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition('attachment', `${licence.type}-${licence.holder}.pdf`))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(pdf)
  })

  // 代办: only the kinds of licence the consented item's form takes, and the resident sees who looked.
  app.get<{ Params: { id: string } }>(ROUTES.agentLicences.path, {
    schema: { params: uuidParamsSchema, tags: ['agent'], summary: '代办员查看授权群众可用于该事项的电子证照' },
    config: { access: { staff: STAFF_CAPABILITIES.applyForOthers }, fieldMessages: { id: '没有找到这条代办授权' }, fieldProblems: { id: 'CONSENT_NOT_FOUND' } },
  }, async (request, reply): Promise<Licence[]> => {
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
    reply.header('cache-control', 'private, no-store')
    if (!types.size) return []
    let rows = await licencesRepo(app.db).forAccount(consent.account_id)
    if (!rows.length && opts.demo) {
      await fillDemoWallet(consent.account_id)
      rows = await licencesRepo(app.db).forAccount(consent.account_id)
    }
    const usable = rows.filter((r) => types.has(r.type))
    await accessLogRepo(app.db).record(consent.account_id, request.staff!.id, 'assist', usable.map((r) => `licence:${r.type}`))
    return usable.map(licenceView)
  })
}
