/**
 * Drafts kept for the citizen across devices (API.drafts): the newer of
 * device and BFF wins; a submitted case's draft goes with the submission.
 */
import { API, MAX_DRAFT_BYTES } from '@tongban/core'
import type { FastifyInstance } from 'fastify'
import { ProblemError } from '../../errors'
import { draftRepo } from '../../store/cases'
import { implement } from '../define'
import { draftView } from './views'

const routes = API.drafts

export async function draftRoutes(app: FastifyInstance): Promise<void> {
  const { itemOf } = app.caseEvents.lookups

  implement(app, routes.list, async (request) => (await draftRepo(app.db).list(request.citizen.accountId)).map(draftView))

  implement(app, routes.save, async (request) => {
    const body = request.body
    if (Buffer.byteLength(JSON.stringify(body.values)) + Buffer.byteLength(JSON.stringify(body.answers)) > MAX_DRAFT_BYTES) throw new ProblemError('DRAFT_TOO_LARGE')
    const item = await itemOf(request.params.code)
    if (!item) throw new ProblemError('ITEM_NOT_FOUND')
    const saved = await draftRepo(app.db).save(request.citizen.accountId, item.code, {
      item_name: item.name, form_version: body.formVersion, form_values: body.values, answers: body.answers, updated_at: body.updatedAt,
    })
    return draftView(saved)
  })

  implement(app, routes.remove, async (request, reply) => {
    await draftRepo(app.db).remove(request.citizen.accountId, request.params.code)
    return reply.code(204).send()
  })
}
