/**
 * 未完成的发送 (API.outbox): every outbox job that has not gone through, of
 * every kind, for the workbench; and sending a stopped one again now.
 */
import type { FastifyInstance } from 'fastify'
import { API, outboxKindLabel, type OutboxJob } from '@tongban/core'
import { ProblemError } from '../../errors'
import { outboxRepo, type OutboxRow } from '../../store/outbox'
import { implement } from '../define'

function jobView(r: OutboxRow): OutboxJob {
  return {
    id: r.id,
    caseNo: r.case_no ?? '',
    kind: r.kind,
    what: outboxKindLabel(r.kind),
    attempts: r.attempts,
    state: r.sent_at ? 'sent' : r.dead_at ? 'dead' : 'retrying',
    nextAt: r.dead_at || r.sent_at ? null : new Date(r.next_at).toISOString(),
    lastError: r.last_error,
    externalId: r.external_id,
  }
}

export async function outboxRoutes(app: FastifyInstance, opts: { now?: () => number }): Promise<void> {
  const now = opts.now ?? Date.now
  implement(app, API.outbox.pending, async () => (await outboxRepo(app.db).pending(app.outbox.kinds())).map(jobView))
  implement(app, API.outbox.resend, async (request, reply) => {
    if (!(await outboxRepo(app.db).revive(request.params.id, app.outbox.kinds(), new Date(now())))) throw new ProblemError('NOT_FOUND')
    // Sent now if this process runs the dispatcher, else by the worker on its next round.
    app.outbox.kick()
    return reply.code(202).send({ id: request.params.id })
  })
}
