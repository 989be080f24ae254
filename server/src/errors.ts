/**
 * Every error leaves the BFF as application/problem+json with a stable
 * code and a Chinese title (the table lives in the core), whoever found
 * it: a route, the schema (per-field issues with messages from the route's
 * message map), the router (a URL it cannot decode, a parameter too long)
 * or Node's HTTP parser (a request it cannot read, headers too large, a
 * request that never finishes arriving).
 */
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { makeProblem, PROBLEM_CONTENT_TYPE, type FieldIssue, type Problem, type ProblemCode } from '@tongban/core'

export class ProblemError extends Error {
  readonly problem: Problem
  constructor(code: ProblemCode, extra: Partial<Omit<Problem, 'code' | 'type'>> = {}) {
    const problem = makeProblem(code, extra)
    super(problem.title)
    this.problem = problem
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Chinese message per field, shown when that field fails the schema. */
    fieldMessages?: Record<string, string>
    /** Problem code for a schema failure on a given field (e.g. q → QUERY_TOO_LONG). */
    fieldProblems?: Record<string, ProblemCode>
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem)
}

function fieldOf(e: { instancePath?: string; params?: Record<string, unknown> }): string {
  const missing = e.params?.missingProperty
  const path = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.')
  if (typeof missing === 'string') return path ? `${path}.${missing}` : missing
  return path
}

function validationProblem(error: FastifyError, request: FastifyRequest): Problem {
  const config = request.routeOptions.config
  const messages = config?.fieldMessages ?? {}
  const errors: FieldIssue[] = (error.validation ?? []).map((v) => {
    const path = fieldOf(v as { instancePath?: string; params?: Record<string, unknown> })
    return { path, code: v.keyword, message: messages[path] ?? '这一项的格式不正确' }
  })
  const special = errors.map((e) => config?.fieldProblems?.[e.path]).find(Boolean)
  return makeProblem(special ?? 'VALIDATION', { errors, instance: request.url.split('?')[0] })
}

/** Statuses Fastify's own errors carry, in our words. */
const BY_STATUS: Partial<Record<number, ProblemCode>> = {
  404: 'NOT_FOUND', 408: 'REQUEST_TIMEOUT', 413: 'PAYLOAD_TOO_LARGE', 414: 'URI_TOO_LONG', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED', 431: 'HEADERS_TOO_LARGE',
}

/** Fastify's `frameworkErrors`: what the router refuses before any route (or hook) runs. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') return void sendProblem(reply, makeProblem('BAD_URL'))
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return void sendProblem(reply, makeProblem('URI_TOO_LONG'))
  request.log.error({ err: error }, 'router error')
  return void sendProblem(reply, makeProblem('INTERNAL'))
}

/** Node's HTTP parser's refusals (its `clientError`), by error code. */
const PARSER_PROBLEMS: Partial<Record<string, ProblemCode>> = {
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'PAYLOAD_TOO_LARGE',
}

/** The whole answer to a request Node could not hand to Fastify, written to the socket before it is closed. */
export function rawProblemResponse(problem: Problem): string {
  const body = JSON.stringify(problem)
  return `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n`
    + `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
}

/**
 * Fastify's `clientErrorHandler` (bound to the instance): a request the
 * parser cannot read (Content-Length -1, both Content-Length and
 * Transfer-Encoding, two Content-Lengths), headers too large, a request not
 * all there by the request timeout. As Node's own handler: answer if the
 * socket can still be written, then close it.
 */
export function clientErrorHandler(this: FastifyInstance, error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const problem = makeProblem(PARSER_PROBLEMS[error.code] ?? 'BAD_REQUEST')
  this.log.debug({ err: error }, 'client error')
  // Never into the middle of an answer already on its way (Node's own handler checks the same).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage
  if (socket.writable && !inFlight?.headersSent) socket.write(rawProblemResponse(problem))
  socket.destroy(error)
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error.problem)
    if (error.validation) return sendProblem(reply, validationProblem(error, request))
    const status = error.statusCode ?? 500
    const known = BY_STATUS[status]
    if (known) return sendProblem(reply, makeProblem(known))
    if (status >= 400 && status < 500) return sendProblem(reply, makeProblem('BAD_REQUEST', { status }))
    request.log.error({ err: error }, 'unhandled error')
    return sendProblem(reply, makeProblem('INTERNAL'))
  })
}
