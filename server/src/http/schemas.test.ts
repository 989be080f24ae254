/**
 * Every route as registered holds its input to the two schema rules that
 * keep hostile values out of the database: each integer or number (body,
 * query, path, headers, at any depth) has a minimum and a maximum, and each
 * path parameter a pattern or an enum. A new route that forgets fails here,
 * named with the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { startTestServer, type TestServer } from '../testing'

type Node = Record<string, unknown>

/** Each number in a schema without both bounds, by dotted path. */
function unboundedNumbers(schema: unknown, path: string): string[] {
  if (!schema || typeof schema !== 'object') return []
  const s = schema as Node
  const found: string[] = []
  const types = [s.type].flat()
  if (types.includes('integer') || types.includes('number')) {
    const low = s.minimum !== undefined || s.exclusiveMinimum !== undefined
    const high = s.maximum !== undefined || s.exclusiveMaximum !== undefined
    if (!low || !high) found.push(`${path} (${!low && !high ? 'no minimum, no maximum' : !low ? 'no minimum' : 'no maximum'})`)
  }
  for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) found.push(...unboundedNumbers(sub, path ? `${path}.${key}` : key))
  for (const key of ['items', 'additionalProperties', 'not']) found.push(...unboundedNumbers(s[key], `${path}[]`))
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const sub of (s[key] ?? []) as unknown[]) found.push(...unboundedNumbers(sub, path))
  return found
}

/** Each `:name` in the route's path whose schema neither patterns nor enumerates it. */
function unpatternedParams(url: string, params: unknown): string[] {
  const props = ((params as Node | undefined)?.properties ?? {}) as Record<string, Node>
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!).filter((name) => {
    const p = props[name]
    return !p || (typeof p.pattern !== 'string' && !Array.isArray(p.enum))
  })
}

let server: TestServer
// The http approval backend registers nothing the builtin one does not; both run the same routes.
beforeAll(async () => { server = await startTestServer({ config: { approval: { ...loadConfig({}).approval, backend: 'http', dispatchMs: 0 } } }) })
afterAll(async () => { await server?.close() })

describe('route schemas', () => {
  it('finds what it looks for', () => {
    expect(unboundedNumbers({ type: 'object', properties: { a: { type: 'integer', minimum: 0 }, b: { type: ['integer', 'null'], minimum: 0, maximum: 9 }, c: { type: 'array', items: { type: 'number' } } } }, ''))
      .toEqual(['a (no maximum)', 'c[] (no minimum, no maximum)'])
    expect(unpatternedParams('/x/:a/:b/:c', { properties: { a: { type: 'string', maxLength: 9 }, b: { type: 'string', enum: ['x'] } } })).toEqual(['a', 'c'])
  })

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
})
