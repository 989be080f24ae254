/**
 * A contract becomes a route: its schema validates the request, its cache
 * policy sets the header, its response schema serialises the answer, and
 * (in tests) an answer that does not match its schema fails loudly instead
 * of losing a field.
 */
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { defineRoutes, S, type RouteContract } from '@tongban/core'
import { installResponseCheck, type ResponseIssue } from './check-responses'
import { implement, installContractHooks, schemaOf } from './define'

const demo = defineRoutes('demo', {
  item: {
    method: 'GET', path: '/api/demo/:n', access: 'public', summary: '示例', cache: 'personal',
    params: S.Obj({ n: S.Str({ pattern: '^[0-9]{1,3}$' }) }, { additionalProperties: true }),
    response: S.Obj({ n: S.Int(0, 999), label: S.Optional(S.Str()) }),
  },
})

async function appWith(answer: (n: number) => unknown, issues?: ResponseIssue[]) {
  const app = Fastify()
  installContractHooks(app)
  if (issues) installResponseCheck(app, issues)
  implement(app, demo.item, async (request) => answer(Number(request.params.n)) as { n: number })
  await app.ready()
  return app
}

describe('implement', () => {
  it('answers by the contract: schema, cache header, the id as operationId', async () => {
    const app = await appWith((n) => ({ n, label: `第${n}项` }))
    const res = await app.inject('/api/demo/7')
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('private, no-store')
    expect(res.json()).toEqual({ n: 7, label: '第7项' })
    expect((await app.inject('/api/demo/x')).statusCode).toBe(400)
    expect(schemaOf(demo.item as RouteContract)).toMatchObject({ operationId: 'demo.item', tags: ['demo'], response: { '2xx': demo.item.response } })
  })

  it('without the check, a field the schema does not name is dropped (why the tests check)', async () => {
    const app = await appWith((n) => ({ n, secret: 'x' }))
    expect((await app.inject('/api/demo/1')).json()).toEqual({ n: 1 })
  })

  it('with the check, that answer fails and names the field; so does a wrong type', async () => {
    const issues: ResponseIssue[] = []
    const app = await appWith((n) => (n === 1 ? { n, secret: 'x' } : { n: 'many' }), issues)
    const errorLog = console.error
    console.error = () => {}
    try {
      expect((await app.inject('/api/demo/1')).statusCode).toBe(500)
      expect((await app.inject('/api/demo/2')).statusCode).toBe(500)
    } finally { console.error = errorLog }
    expect(issues.map((i) => [i.route, i.errors.join(';')])).toEqual([
      ['GET /api/demo/:n', '(body) must NOT have additional properties: secret'],
      ['GET /api/demo/:n', '/n must be integer'],
    ])
  })
})
