/** Catalogue routes: list/search items, one guide, the whole snapshot, halls, departments. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  ITEM_QUERY_MESSAGES, itemCodeParamsSchema, itemListQuerySchema, ROUTES, type ItemListQuery,
} from '@tongban/core'
import type { CatalogueService } from '../catalogue/service'
import { ProblemError } from '../errors'

/** Guides change rarely; clients revalidate cheaply with the ETag. */
const GUIDE_CACHE = 'public, max-age=60, stale-while-revalidate=86400'

function sendCached(request: FastifyRequest, reply: FastifyReply, body: { json: string; etag: string }) {
  reply.header('etag', body.etag).header('cache-control', GUIDE_CACHE).header('vary', 'accept-encoding')
  const match = request.headers['if-none-match']
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === body.etag)) {
    return reply.code(304).send()
  }
  return reply.type('application/json; charset=utf-8').send(body.json)
}

export async function catalogueRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: ItemListQuery }>(ROUTES.listItems.path, {
    schema: { querystring: itemListQuerySchema, tags: ['catalogue'], summary: '搜索和筛选事项' },
    config: { access: 'public', fieldMessages: ITEM_QUERY_MESSAGES, fieldProblems: { q: 'QUERY_TOO_LONG' } },
  }, async (request) => app.catalogue.list(request.query))

  app.get(ROUTES.catalogue.path, {
    schema: { tags: ['catalogue'], summary: '全部事项摘要、部门和大厅（供离线搜索）' },
    config: { access: 'public' },
  }, async (request, reply) => sendCached(request, reply, await app.catalogue.snapshot()))

  app.get<{ Params: { code: string } }>(ROUTES.getItem.path, {
    schema: { params: itemCodeParamsSchema, tags: ['catalogue'], summary: '办事指南' },
    config: { access: 'public', fieldMessages: { code: '事项编码格式不正确' }, fieldProblems: { code: 'ITEM_NOT_FOUND' } },
  }, async (request, reply) => {
    const guide = await app.catalogue.guide(request.params.code)
    if (!guide) throw new ProblemError('ITEM_NOT_FOUND', { detail: `事项编码：${request.params.code}`, instance: request.url })
    return sendCached(request, reply, guide)
  })

  app.get(ROUTES.listHalls.path, { schema: { tags: ['catalogue'], summary: '服务大厅' }, config: { access: 'public' } }, async () => app.catalogue.halls())
  app.get(ROUTES.listDepartments.path, { schema: { tags: ['catalogue'], summary: '实施部门' }, config: { access: 'public' } }, async () => app.catalogue.departments())
}
