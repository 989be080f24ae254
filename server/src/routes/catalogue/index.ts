/**
 * The catalogue (API.catalogue): list and search items, one guide, the
 * whole snapshot, halls, departments; each blank form a guide promises, as
 * a PDF rendered from the guide (cached as the guide is: by its version);
 * and a draft of an item's form checked with the same validateForm the
 * shells run, against the form served with the item, so the verdict on the
 * phone and on the server cannot differ.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { API, blankFormFileName, shanghaiDate, validateForm } from '@tongban/core'
import { ProblemError } from '../../errors'
import { blankFormFace } from '../../notices/blank-forms'
import { renderBlankForm } from '../../notices/render-form'
import { implement } from '../define'
import { sendPdf } from '../uploads/stored-files'

/** Bumped when the printed layout changes, so a cached PDF of the same guide is not kept past a new layout. */
const BLANK_FORM_LAYOUT = 1

const routes = API.catalogue

/** The caller's copy is still this version. */
function stillFresh(request: FastifyRequest, etag: string): boolean {
  const match = request.headers['if-none-match']
  return !!match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}

/** Serialised once per change; answered 304 while the caller's tag still holds (the contract sets its cache header). */
function sendCached(request: FastifyRequest, reply: FastifyReply, body: { json: string; etag: string }) {
  reply.header('etag', body.etag).header('vary', 'accept-encoding')
  if (stillFresh(request, body.etag)) return reply.code(304).send()
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
  // Rendered once per guide version and material (a few hundred ms each), kept per material: as many entries as the catalogue has blank forms.
  const blankForms = new Map<string, { etag: string; pdf: Promise<Buffer> }>()
  implement(app, routes.blankForm, async (request, reply) => {
    const { code, materialId } = request.params
    const guide = await app.catalogue.guide(code)
    if (!guide) throw new ProblemError('ITEM_NOT_FOUND', { detail: `事项编码：${code}` })
    const material = guide.item.materials.find((m) => m.id === materialId)
    const face = material ? blankFormFace(guide.item, material) : null
    if (!material || !face) throw new ProblemError('BLANK_FORM_NOT_FOUND')
    const etag = `"${guide.etag.replace(/^W\/|"/g, '')}.${materialId}.${BLANK_FORM_LAYOUT}"`
    reply.header('etag', etag)
    if (stillFresh(request, etag)) return reply.code(304).send()
    const key = `${code}/${materialId}`
    let cached = blankForms.get(key)
    if (cached?.etag !== etag) {
      cached = { etag, pdf: renderBlankForm(face) }
      blankForms.set(key, cached)
      cached.pdf.catch(() => { if (blankForms.get(key) === cached) blankForms.delete(key) })
    }
    return sendPdf(reply, blankFormFileName(material), await cached.pdf)
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
