/**
 * The catalogue (API.catalogue): list and search items, one guide, the
 * whole snapshot, halls, departments; and a draft of an item's form checked
 * with the same validateForm the shells run, against the form served with
 * the item, so the verdict on the phone and on the server cannot differ.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { API, shanghaiDate, validateForm } from '@tongban/core'
import { ProblemError } from '../../errors'
import { implement } from '../define'

const routes = API.catalogue

/** Serialised once per change; answered 304 while the caller's tag still holds (the contract sets its cache header). */
function sendCached(request: FastifyRequest, reply: FastifyReply, body: { json: string; etag: string }) {
  reply.header('etag', body.etag).header('vary', 'accept-encoding')
  const match = request.headers['if-none-match']
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === body.etag)) {
    return reply.code(304).send()
  }
  return reply.type('application/json; charset=utf-8').send(body.json)
}

export async function catalogueRoutes(app: FastifyInstance): Promise<void> {
  implement(app, routes.listItems, async (request) => app.catalogue.list(request.query))
  implement(app, routes.snapshot, async (request, reply) => sendCached(request, reply, await app.catalogue.snapshot()))
  implement(app, routes.guide, async (request, reply) => {
    const guide = await app.catalogue.guide(request.params.code)
    if (!guide) throw new ProblemError('ITEM_NOT_FOUND', { detail: `事项编码：${request.params.code}`, instance: request.url })
    return sendCached(request, reply, guide)
  })
  implement(app, routes.halls, async () => app.catalogue.halls())
  implement(app, routes.departments, async () => app.catalogue.departments())

  implement(app, routes.checkForm, async (request) => {
    const guide = await app.catalogue.guide(request.params.code)
    if (!guide) throw new ProblemError('ITEM_NOT_FOUND')
    const form = guide.item.form
    if (!form) throw new ProblemError('FORM_NOT_FOUND')
    return validateForm(form, request.body.values, { answers: request.body.answers ?? {}, today: shanghaiDate(app.now()) })
  })
}
