/**
 * Authorisation in one place. Every /api route declares `config.access`
 * ('public' or 'citizen'); a route without a rule makes the app refuse to
 * start, so a new route cannot be forgotten. Citizens are recognised by the
 * HttpOnly session cookie (PWA) or a bearer token (mini-program).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ProblemError } from '../errors'
import type { ResolvedSession, SessionService } from './sessions'

export type Access = 'public' | 'citizen'
export const SESSION_COOKIE = 'tb_session'

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    citizen: ResolvedSession | null
  }
}

export function tokenOf(request: FastifyRequest): string | null {
  const auth = request.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim()
  return request.cookies?.[SESSION_COOKIE] ?? null
}

/** Routes outside /api (health, docs, the PWA, the dev inbox) are not citizen data. */
function needsRule(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs')
}

export function installAccessControl(app: FastifyInstance, sessions: SessionService): void {
  app.decorateRequest('citizen', null)
  app.addHook('onRoute', (route) => {
    if (needsRule(route.url) && !route.config?.access) {
      throw new Error(`${String(route.method)} ${route.url} declares no access rule (config.access)`)
    }
  })
  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config?.access
    if (access !== 'citizen') return
    const token = tokenOf(request)
    const session = token ? await sessions.resolve(token) : null
    if (!session) throw new ProblemError('UNAUTHENTICATED')
    request.citizen = session
  })
}
