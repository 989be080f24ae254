/**
 * Application forms: the BFF checks a draft with the same validateForm the
 * shells run, against the form served with the item, so the verdict on the
 * phone and on the server cannot differ.
 */
import type { FastifyInstance } from 'fastify'
import { checkFormBodySchema, itemCodeParamsSchema, ROUTES, shanghaiDate, validateForm, type FormResult } from '@tongban/core'
import { ProblemError } from '../errors'

export async function formRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Params: { code: string }; Body: { values: Record<string, unknown>; answers?: Record<string, string | string[]> } }>(ROUTES.checkForm.path, {
    schema: { params: itemCodeParamsSchema, body: checkFormBodySchema, tags: ['forms'], summary: '检查申请表（与手机端同一校验规则）' },
    config: { access: 'citizen', fieldMessages: { code: '事项编码格式不正确', values: '申请表内容格式不正确' }, fieldProblems: { code: 'ITEM_NOT_FOUND' } },
  }, async (request, reply): Promise<FormResult> => {
    reply.header('cache-control', 'no-store')
    const guide = await app.catalogue.guide(request.params.code)
    if (!guide) throw new ProblemError('ITEM_NOT_FOUND')
    const form = guide.item.form
    if (!form) throw new ProblemError('FORM_NOT_FOUND')
    return validateForm(form, request.body.values, { answers: request.body.answers ?? {}, today: shanghaiDate(app.now()) })
  })
}
