/**
 * A contract from the core becomes a Fastify route here: its schema
 * (request and response, so answers serialise by their schema and the
 * OpenAPI document shows them), its access rule, its field messages and
 * its cache header, with a handler typed by the contract — params, query,
 * headers and body as declared, the principal that access already resolved
 * (`request.citizen` on a citizen route, `request.staff` on a staff route,
 * never null there), and the answer the contract promises.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify'
import {
  CACHE_HEADERS, type BodyOf, type HeadersOf, type ParamsOf, type QueryOf, type ResponseOf, type RouteContract,
} from '@tongban/core'
import type { StaffPrincipal } from '../auth/access'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract the route was declared by (its cache policy, its response schema for the tests' check). */
    contract?: RouteContract
  }
}

type CitizenOn<A> = A extends 'citizen' ? { citizen: { accountId: string; staffId: null; tokenHash: string } } : {}
type StaffOn<A> = A extends { staff: readonly unknown[] } ? { staff: StaffPrincipal & { tokenHash: string } } : {}

export type ContractRequest<C extends RouteContract> =
  Omit<FastifyRequest<{ Params: ParamsOf<C>; Querystring: QueryOf<C>; Headers: HeadersOf<C>; Body: BodyOf<C> }>, 'citizen' | 'staff'>
  & Pick<FastifyRequest, 'citizen' | 'staff'>
  & CitizenOn<C['access']> & StaffOn<C['access']>

/** What a handler gives back: the answer, or the reply it has already sent (bytes, a 204, a 304). */
export type Handler<C extends RouteContract> = (request: ContractRequest<C>, reply: FastifyReply) => Promise<ResponseOf<C> | FastifyReply>

const BINARY = { type: 'string', format: 'binary' } as const

/** The Fastify schema of a contract: what it takes, and what it answers. */
export function schemaOf(c: RouteContract): FastifySchema {
  const response = c.noContent ? { 204: { type: 'null', description: '无内容' } }
    : c.binary ? { '2xx': { description: c.binary, content: { [c.binary]: { schema: BINARY } } } }
    : { '2xx': c.response }
  return {
    ...(c.tag ? { tags: [c.tag] } : {}),
    ...(c.id ? { operationId: c.id } : {}),
    summary: c.summary,
    ...(c.params ? { params: c.params } : {}),
    ...(c.query ? { querystring: c.query } : {}),
    ...(c.headers ? { headers: c.headers } : {}),
    ...(c.body ? { body: c.body } : {}),
    response,
  }
}

/** Route config the contract does not carry because it is the BFF's own policy (a route's rate limit). */
export type RouteExtras = Omit<FastifyContextConfig, 'access' | 'contract' | 'fieldMessages' | 'fieldProblems'>

/** Registers the route a contract declares, answered by `handler`. */
export function implement<C extends RouteContract>(app: FastifyInstance, contract: C, handler: Handler<C>, extras: RouteExtras = {}): void {
  app.route({
    method: contract.method,
    url: contract.path,
    schema: schemaOf(contract),
    config: { ...extras, access: contract.access, contract, fieldMessages: contract.messages, fieldProblems: contract.problems },
    handler: handler as unknown as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  })
}

/** Each contract route's cache header on its answers (2xx and 304), unless its handler set one. */
export function installContractHooks(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const policy = request.routeOptions.config?.contract?.cache
    if (!policy || policy === 'handler' || policy === 'none' || reply.statusCode >= 400 || reply.hasHeader('cache-control')) return payload
    reply.header('cache-control', CACHE_HEADERS[policy])
    return payload
  })
}
