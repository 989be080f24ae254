/**
 * GET /api/me/licences: the citizen's e-licence wallet (我的证照). In demo
 * mode (SEED on, not production) an empty wallet is filled once, on first
 * read, with the demo licences (licences/demo.ts).
 */
import type { FastifyInstance } from 'fastify'
import { ROUTES, type Licence } from '@tongban/core'
import { ProblemError } from '../errors'
import { identityRepo } from '../store/identity'
import { licencesRepo, type LicenceRow } from '../store/licences'
import { demoLicences } from '../licences/demo'

export function licenceView(r: LicenceRow): Licence {
  return {
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

export async function licenceRoutes(app: FastifyInstance, opts: { demo: boolean }): Promise<void> {
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
}
