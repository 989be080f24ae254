/**
 * Hostile input stopped in one place, for every route there is or will be:
 * a string anywhere in a request — path parameters, query, JSON body at any
 * depth (free-form `values` too), headers — holding NUL or a lone surrogate,
 * a body nested deeper than any form, a number that is not finite: 400 with
 * the path of the value (the core's rule, findInputIssue), before the
 * schema and before any route reads it. Checked again once the schema has
 * coerced the request: ajv turns "1e999" into Infinity past `maximum`.
 * Multipart fields are read by their route, which asks `refuseInput` itself.
 *
 * Also records each route's schema as registered, so a test can hold every
 * route to bounded numbers and patterned path parameters.
 */
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify'
import { findInputIssue, INPUT_MESSAGES, type InputIssue } from '@tongban/core'
import { ProblemError } from './errors'

export interface RouteSchema {
  method: string
  url: string
  schema: FastifySchema | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its schema, as registered (the schema test walks it). */
    routeSchemas: RouteSchema[]
  }
}

function problemOf(issue: InputIssue, request: FastifyRequest): ProblemError {
  return new ProblemError('VALIDATION', {
    errors: [{ path: issue.path, code: issue.code, message: INPUT_MESSAGES[issue.code] }],
    instance: request.url.split('?')[0],
  })
}

/** Throws the 400 for a value a route read itself (a multipart field), named `path`. */
export function refuseInput(value: unknown, path: string, request: FastifyRequest): void {
  const issue = findInputIssue(value, path)
  if (issue) throw problemOf(issue, request)
}

function headersIssue(request: FastifyRequest): InputIssue | null {
  for (const [name, value] of Object.entries(request.headers)) {
    const issue = findInputIssue(value, `headers.${name}`)
    if (issue) return issue
  }
  return null
}

export function installInputGuard(app: FastifyInstance): void {
  const schemas: RouteSchema[] = []
  app.decorate('routeSchemas', schemas)
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') schemas.push({ method, url: route.url, schema: route.schema })
  })

  app.addHook('preValidation', async (request) => {
    const issue = findInputIssue(request.params) ?? findInputIssue(request.query) ?? findInputIssue(request.body) ?? headersIssue(request)
    if (issue) throw problemOf(issue, request)
  })
  app.addHook('preHandler', async (request) => {
    const issue = findInputIssue(request.params) ?? findInputIssue(request.query) ?? findInputIssue(request.body)
    if (issue) throw problemOf(issue, request)
  })
}
