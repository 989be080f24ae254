/**
 * Every error leaves the BFF as application/problem+json with a stable
 * code and a Chinese title (the table lives in the core). Schema failures
 * become per-field issues with messages from the route's message map.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
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

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error.problem)
    if (error.validation) return sendProblem(reply, validationProblem(error, request))
    const status = error.statusCode ?? 500
    if (status === 429) return sendProblem(reply, makeProblem('RATE_LIMITED'))
    if (status === 413) return sendProblem(reply, makeProblem('PAYLOAD_TOO_LARGE'))
    if (status === 415) return sendProblem(reply, makeProblem('UNSUPPORTED_MEDIA_TYPE'))
    if (status === 404) return sendProblem(reply, makeProblem('NOT_FOUND'))
    if (status >= 400 && status < 500) return sendProblem(reply, makeProblem('BAD_REQUEST', { status }))
    request.log.error({ err: error }, 'unhandled error')
    return sendProblem(reply, makeProblem('INTERNAL'))
  })
}
