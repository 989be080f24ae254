/**
 * A route declared once, as data: method, path, who may call it, its
 * params, query, headers and body, the body it answers with, the Chinese
 * message for each field that fails, and its cache policy. The BFF turns a
 * contract into its Fastify schema, access rule and typed handler
 * (server/src/routes/define.ts); the client calls it by the same object
 * (`api.call(contract, input)`); the OpenAPI document is what the BFF
 * registered. Schemas are TypeBox: plain JSON Schema (ajv, fast-json-stringify
 * and swagger read them as they are) whose TypeScript types come with them,
 * so a DTO is written once.
 */
import type { Static, TSchema } from '@sinclair/typebox/type'
import type { StaffRole } from '../identity/labels'
import type { ProblemCode } from '../problems'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Who may call a route: anyone, a signed-in citizen, or staff holding one of the roles (an empty list: any staff member). */
export type Access = 'public' | 'citizen' | { readonly staff: readonly StaffRole[] }

/**
 * How a response may be kept. `no-store`: nowhere (answers that change with
 * every call); `personal`: never by a shared cache nor kept (one person's
 * data: `private, no-store`); `guide`: public, revalidated by ETag (the
 * catalogue); `handler`: the handler sets it (files, PDFs, HTML); `none`:
 * no header (public lists that carry no validator, so are not kept).
 */
export type CachePolicy = 'no-store' | 'personal' | 'guide' | 'handler' | 'none'

export const CACHE_HEADERS: Record<Exclude<CachePolicy, 'handler' | 'none'>, string> = {
  'no-store': 'no-store',
  personal: 'private, no-store',
  guide: 'public, max-age=60, stale-while-revalidate=86400',
}

export interface RouteContract {
  readonly method: HttpMethod
  readonly path: string
  readonly access: Access
  /** One line for the OpenAPI document, in Chinese like the UI. */
  readonly summary: string
  /** The area (OpenAPI tag); set by defineRoutes. */
  readonly tag?: string
  /** `<area>.<name>`, e.g. `catalogue.guide` (OpenAPI operationId, logs, test fakes); set by defineRoutes. */
  readonly id?: string
  readonly params?: TSchema
  readonly query?: TSchema
  readonly headers?: TSchema
  readonly body?: TSchema
  /**
   * A body that is not JSON, by its media types (multipart/form-data for an
   * upload, application/pdf to verify a file): no body schema then, the
   * handler reads and checks it (field messages may still be given).
   */
  readonly consumes?: readonly string[]
  /**
   * The JSON body of a 2xx answer. Every route has one, or says it answers
   * with bytes (`binary`) or with nothing (`noContent`).
   */
  readonly response?: TSchema
  /** Answers with bytes of this media type, or one of these (a PDF, an uploaded file), not JSON. */
  readonly binary?: string | readonly string[]
  /** Answers 204 with no body. */
  readonly noContent?: true
  /** Chinese message per field (dotted path) shown when it fails the schema. */
  readonly messages?: Readonly<Record<string, string>>
  /** A problem code other than VALIDATION for a field's failure (q → QUERY_TOO_LONG, a malformed caseNo → CASE_NOT_FOUND). */
  readonly problems?: Readonly<Record<string, ProblemCode>>
  readonly cache: CachePolicy
  /** How long the client waits before it gives up (uploads and submissions wait longer). */
  readonly timeoutMs?: number
}

/** An area's routes, each tagged with the area's name and given its id. */
export function defineRoutes<const A extends string, const T extends Record<string, RouteContract>>(tag: A, routes: T): { [K in keyof T]: T[K] & { readonly tag: A; readonly id: `${A}.${K & string}` } } {
  const out: Record<string, RouteContract> = {}
  for (const [name, route] of Object.entries(routes)) out[name] = { ...route, tag, id: `${tag}.${name}` }
  return out as { [K in keyof T]: T[K] & { readonly tag: A; readonly id: `${A}.${K & string}` } }
}

type Part<S> = S extends TSchema ? Static<S> : undefined

export type ParamsOf<C extends RouteContract> = Part<C['params']>
export type QueryOf<C extends RouteContract> = Part<C['query']>
export type HeadersOf<C extends RouteContract> = Part<C['headers']>
export type BodyOf<C extends RouteContract> = Part<C['body']>
/** What a 2xx answer carries: the response schema's type; nothing for a route without one. */
export type ResponseOf<C extends RouteContract> = C['response'] extends TSchema ? Static<C['response']> : void

// [T]: not distributed over a union body (the workbench's event is one of several shapes, sent as one part).
type Field<Name extends string, T> = [T] extends [undefined] ? { [K in Name]?: never } : {} extends T ? { [K in Name]?: T } : { [K in Name]: T }

/** What a caller passes: each part the contract has, required where its schema requires something. */
export type InputOf<C extends RouteContract> =
  Field<'params', ParamsOf<C>> & Field<'query', QueryOf<C>> & Field<'headers', HeadersOf<C>> & Field<'body', BodyOf<C>>

/** `call(contract)` without an input where the contract needs none. */
export type InputArgs<C extends RouteContract> = {} extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>]

/** `/api/cases/:caseNo` with { caseNo } → `/api/cases/SJ-0001-20261124-0001`, each value encoded. */
export function buildPath(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name]
    if (v === undefined) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(v)
  })
}
