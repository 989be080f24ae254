/**
 * Every route as registered holds its input to the two schema rules that
 * keep hostile values out of the database: each integer or number (body,
 * query, path, headers, at any depth) has a minimum and a maximum, and each
 * path parameter a pattern or an enum. A new route that forgets fails here,
 * named with the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allContracts, unboundedNumbers, unpatternedParams } from '@tongban/core'
import { loadConfig } from '../config'
import { startTestServer, type TestServer } from '../testing'

type Node = Record<string, unknown>

let server: TestServer
// The http approval backend registers nothing the builtin one does not; both run the same routes.
beforeAll(async () => { server = await startTestServer({ config: { approval: { ...loadConfig({}).approval, backend: 'http', dispatchMs: 0 } } }) })
afterAll(async () => { await server?.close() })

describe('route schemas', () => {
  it('every number has a minimum and a maximum, every path parameter a pattern or an enum', () => {
    const routes = server.app.routeSchemas
    expect(routes.length).toBeGreaterThan(40)
    const gaps = routes.flatMap(({ method, url, schema }) => {
      const label = `${method} ${url}`
      return [
        // (Fastify takes `query` for `querystring` too.)
        ...['body', 'querystring', 'query', 'params', 'headers'].flatMap((part) => unboundedNumbers((schema as Node | undefined)?.[part], part).map((f) => `${label}: ${f}`)),
        ...unpatternedParams(url, schema?.params).map((name) => `${label}: path parameter ${name} has no pattern or enum`),
      ]
    })
    expect(gaps).toEqual([])
  })

  it('every contract is registered, once, and the OpenAPI document shows it with its id and its answer', () => {
    const doc = server.app.swagger() as { paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>> }
    const missing = allContracts().flatMap(({ contract }) => {
      const op = doc.paths[contract.path.replace(/:(\w+)/g, '{$1}')]?.[contract.method.toLowerCase()]
      const answers = Object.keys(op?.responses ?? {})
      return op?.operationId === contract.id && answers.some((code) => /^2/.test(code)) ? [] : [`${contract.id}: ${op ? `operationId ${op.operationId}, answers ${answers.join(',')}` : 'not in the document'}`]
    })
    expect(missing).toEqual([])
    const registered = server.app.routeSchemas.map((r) => `${r.method} ${r.url}`)
    for (const { contract } of allContracts()) expect(registered.filter((r) => r === `${contract.method} ${contract.path}`)).toHaveLength(1)
  })
})
