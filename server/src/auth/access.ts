/**
 * Authorisation in one place. Every /api route is declared by a contract
 * (its `access` becomes `config.access`):
 * 'public', 'citizen', or `{ staff: [roles…] }` (an empty list: any staff
 * member). A route without a rule makes the app refuse to start, so a new
 * route cannot be forgotten. Citizens are recognised by the `tb_session`
 * cookie (PWA) or a bearer token (mini-program); staff by `tb_staff` or a
 * bearer token. A citizen's session never opens a staff route, nor the other
 * way round.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Access, StaffRole } from '@tongban/core'
import { ProblemError } from '../errors'
import type { ResolvedSession, SessionService } from './sessions'

export type { Access }
export const SESSION_COOKIE = 'tb_session'
export const STAFF_COOKIE = 'tb_staff'

export interface StaffPrincipal {
  id: string
  roles: StaffRole[]
  hallId: string | null
  departmentCode: string | null
}

export interface AccessRule {
  method: string
  url: string
  access: Access
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyInstance {
    /** Every /api route with its rule, as registered (the authorisation matrix test walks it). */
    accessRules: AccessRule[]
  }
  interface FastifyRequest {
    citizen: ResolvedSession | null
    staff: (StaffPrincipal & { tokenHash: string }) | null
  }
}

export function tokenOf(request: FastifyRequest, cookie: string): string | null {
  const auth = request.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim()
  return request.cookies?.[cookie] ?? null
}

/** Routes outside /api (health, docs, the PWA, the dev inbox) are not personal data. */
function needsRule(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs')
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The origin a request names: its Origin header, else the origin of its Referer; null when it names none. */
function namedOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin
  if (origin !== undefined) return origin
  const referer = request.headers.referer
  if (referer === undefined) return null
  try { return new URL(referer).origin } catch { return 'null' }
}

/**
 * Cross-site request forgery: a change (any method but GET/HEAD/OPTIONS) that
 * the browser authenticates with our cookie must come from one of our own
 * pages — its Origin (or, without one, its Referer) is the request's own
 * origin, PUBLIC_ORIGIN or one of TRUSTED_ORIGINS. SameSite=Lax leaves sibling
 * subdomains and top-level POSTs open; a bearer token (the mini-program) is
 * never sent by a browser on its own, so bearer requests are not concerned.
 * A request naming no origin at all (curl, older clients) is let through:
 * every browser names one on a cross-site POST.
 */
export function installOriginCheck(app: FastifyInstance, ownOrigins: readonly string[]): void {
  const own = new Set(ownOrigins)
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return
    if (request.headers.authorization?.startsWith('Bearer ')) return
    const cookies = request.cookies ?? {}
    if (cookies[SESSION_COOKIE] === undefined && cookies[STAFF_COOKIE] === undefined) return
    const origin = namedOrigin(request)
    if (origin === null || own.has(origin) || origin === `${request.protocol}://${request.host}`) return
    request.log.warn({ origin, url: request.url }, 'cross-site request with our cookie refused')
    throw new ProblemError('CROSS_SITE_REFUSED')
  })
}

export function installAccessControl(
  app: FastifyInstance,
  sessions: SessionService,
  loadStaff: (id: string) => Promise<StaffPrincipal | null> = async () => null,
): void {
  app.decorateRequest('citizen', null)
  app.decorateRequest('staff', null)
  const rules: AccessRule[] = []
  app.decorate('accessRules', rules)
  app.addHook('onRoute', (route) => {
    if (!needsRule(route.url)) return
    const access = route.config?.access
    if (!access) throw new Error(`${String(route.method)} ${route.url} declares no access rule (config.access)`)
    // Every /api route is declared by a contract in the core (routes/define.ts implement()): one place for its shape.
    if (!route.config?.contract) throw new Error(`${String(route.method)} ${route.url} is not declared by a contract (packages/core/src/api/<area>/contracts.ts, registered with implement())`)
    for (const method of [route.method].flat()) if (method !== 'HEAD') rules.push({ method, url: route.url, access })
  })
  // onRequest, before body parsing and validation: who may ask comes before what was asked.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access
    if (!access || access === 'public') return
    if (access === 'citizen') {
      const token = tokenOf(request, SESSION_COOKIE)
      const session = token ? await sessions.resolve(token) : null
      if (!session?.accountId) throw new ProblemError('UNAUTHENTICATED')
      request.citizen = session
      return
    }
    const token = tokenOf(request, STAFF_COOKIE)
    const session = token ? await sessions.resolve(token) : null
    const staff = session?.staffId ? await loadStaff(session.staffId) : null
    if (!session || !staff) throw new ProblemError('UNAUTHENTICATED')
    if (access.staff.length && !staff.roles.some((r) => access.staff.includes(r))) throw new ProblemError('FORBIDDEN')
    request.staff = { ...staff, tokenHash: session.tokenHash }
  })
}
