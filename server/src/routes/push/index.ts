/**
 * Web Push subscriptions (API.push): the VAPID public key a browser
 * subscribes with, and a person's subscriptions listed, kept and removed. The
 * endpoint is where the BFF will later post, so it is checked against the
 * known push services (messages/push-endpoint.ts) before it is kept.
 */
import type { FastifyInstance } from 'fastify'
import { API, PUSH_MESSAGES } from '@tongban/core'
import { ProblemError } from '../../errors'
import { refuseEndpoint, type EndpointRule } from '../../messages/push-endpoint'
import { pushSubscriptionRepo } from '../../store/push-subscriptions'
import { implement } from '../define'

export async function pushRoutes(app: FastifyInstance, opts: { rule: EndpointRule; now: () => number }): Promise<void> {
  implement(app, API.push.vapidPublicKey, async () => ({ publicKey: app.vapid.publicKey }))

  implement(app, API.push.list, async (request) => (await pushSubscriptionRepo(app.db).forAccount(request.citizen.accountId))
    .filter((s) => !s.signed_out)
    .map((s) => ({ endpoint: s.endpoint, createdAt: new Date(s.created_at).toISOString(), lastSuccessAt: s.last_success_at ? new Date(s.last_success_at).toISOString() : null })))

  implement(app, API.push.subscribe, async (request, reply) => {
    const { endpoint, keys } = request.body
    const refusal = refuseEndpoint(endpoint, opts.rule)
    if (refusal) {
      const message = refusal === 'unknown_service' ? PUSH_MESSAGES.endpointService : PUSH_MESSAGES.endpoint
      throw new ProblemError('VALIDATION', { errors: [{ path: 'endpoint', code: refusal, message }] })
    }
    if (Buffer.from(keys.p256dh, 'base64url')[0] !== 4) {
      throw new ProblemError('VALIDATION', { errors: [{ path: 'keys.p256dh', code: 'not_p256', message: PUSH_MESSAGES.keys }] })
    }
    const at = new Date(opts.now())
    await pushSubscriptionRepo(app.db).save(request.citizen.accountId, { endpoint, keys }, at, request.citizen.tokenHash)
    reply.code(201)
    return { endpoint, createdAt: at.toISOString() }
  })

  implement(app, API.push.unsubscribe, async (request, reply) => {
    // Idempotent: turning off twice, or after the push service dropped it, is the same as once.
    await pushSubscriptionRepo(app.db).remove(request.citizen.accountId, request.body.endpoint)
    return reply.code(204).send()
  })
}
