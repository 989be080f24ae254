/**
 * What every contract must hold to, checked over the whole list (a core
 * test) and over every route the BFF registers (its schema test): each
 * number a request carries has a minimum and a maximum, each path
 * parameter a pattern or an enum, every route says what it answers, and a
 * response object says whether it is closed (fast-json-stringify would
 * otherwise drop every property of `{ type: 'object' }` without a word).
 */
import type { RouteContract } from './contract'

type Node = Record<string, unknown>

function children(s: Node, path: string, visit: (sub: unknown, path: string) => void): void {
  for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) visit(sub, path ? `${path}.${key}` : key)
  for (const key of ['items', 'additionalProperties', 'not']) if (s[key] && typeof s[key] === 'object') visit(s[key], `${path}[]`)
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const sub of (s[key] ?? []) as unknown[]) visit(sub, path)
}

/** Each number in a schema without both bounds, by dotted path. */
export function unboundedNumbers(schema: unknown, path = ''): string[] {
  if (!schema || typeof schema !== 'object') return []
  const s = schema as Node
  const found: string[] = []
  const types = [s.type].flat()
  if (types.includes('integer') || types.includes('number')) {
    const low = s.minimum !== undefined || s.exclusiveMinimum !== undefined
    const high = s.maximum !== undefined || s.exclusiveMaximum !== undefined
    if (!low || !high) found.push(`${path} (${!low && !high ? 'no minimum, no maximum' : !low ? 'no minimum' : 'no maximum'})`)
  }
  children(s, path, (sub, at) => found.push(...unboundedNumbers(sub, at)))
  return found
}

/** Each `:name` in the path whose schema neither patterns nor enumerates it. */
export function unpatternedParams(url: string, params: unknown): string[] {
  const props = ((params as Node | undefined)?.properties ?? {}) as Record<string, Node>
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!).filter((name) => {
    const p = props[name]
    return !p || (typeof p.pattern !== 'string' && !Array.isArray(p.enum))
  })
}

/** Each object in a response schema that does not say whether other properties pass. */
export function openObjects(schema: unknown, path = ''): string[] {
  if (!schema || typeof schema !== 'object') return []
  const s = schema as Node
  const found: string[] = []
  if ([s.type].flat().includes('object') && s.additionalProperties === undefined) found.push(path || '(body)')
  children(s, path, (sub, at) => found.push(...openObjects(sub, at)))
  return found
}

/** Everything wrong with one contract, in words naming the route and the field. */
export function contractIssues(c: RouteContract): string[] {
  const label = `${c.method} ${c.path}`
  const parts = { params: c.params, query: c.query, headers: c.headers, body: c.body }
  const answers = [c.response, c.binary, c.noContent].filter((x) => x !== undefined).length
  return [
    ...Object.entries(parts).flatMap(([part, schema]) => unboundedNumbers(schema, part).map((f) => `${label}: ${f}`)),
    ...unpatternedParams(c.path, c.params).map((name) => `${label}: path parameter ${name} has no pattern or enum`),
    ...(answers === 1 ? [] : [`${label}: says ${answers ? 'more than one' : 'nothing'} of response, binary, noContent`]),
    ...openObjects(c.response).map((at) => `${label}: response ${at} does not say additionalProperties`),
  ]
}
