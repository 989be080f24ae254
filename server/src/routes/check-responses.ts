/**
 * Tests only (startTestServer): every answer a contract route gives is
 * checked against the contract's response schema before it is serialised,
 * closed objects included, so a field the schema forgot (which
 * fast-json-stringify would drop without a word) or a value of the wrong
 * type fails the test that caused it, with the route and the field named.
 */
import { Ajv, type ValidateFunction } from 'ajv'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { RouteContract } from '@tongban/core'

export interface ResponseIssue {
  route: string
  status: number
  errors: string[]
}

export function installResponseCheck(app: FastifyInstance, issues: ResponseIssue[]): void {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
  const compiled = new WeakMap<RouteContract, ValidateFunction>()
  const validatorOf = (c: RouteContract): ValidateFunction | null => {
    if (!c.response) return null
    let v = compiled.get(c)
    if (!v) compiled.set(c, (v = ajv.compile(c.response)))
    return v
  }
  const check = (request: FastifyRequest, status: number, body: unknown): void => {
    const contract = request.routeOptions.config?.contract
    if (!contract || status < 200 || status >= 300) return
    const validate = validatorOf(contract)
    if (!validate || validate(body)) return
    const issue = {
      route: `${contract.method} ${contract.path}`,
      status,
      errors: (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`),
    }
    issues.push(issue)
    console.error(`response does not match its contract: ${JSON.stringify(issue)}`)
    throw new Error(`response of ${issue.route} does not match its contract: ${issue.errors.join('; ')}`)
  }
  const checked = new WeakSet<FastifyRequest>()
  app.addHook('preSerialization', async (request, reply, payload) => {
    checked.add(request)
    check(request, reply.statusCode, payload)
    return payload
  })
  // A handler that sends JSON it serialised itself (the catalogue's cached guides) is checked as it parses.
  app.addHook('onSend', async (request, reply, payload) => {
    if (checked.has(request) || typeof payload !== 'string') return payload
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload
    check(request, reply.statusCode, JSON.parse(payload))
    return payload
  })
}
