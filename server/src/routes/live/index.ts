/**
 * The live-update streams (API.live): a citizen's own cases and messages;
 * a staff member's desks (the window, their department) and the cases they
 * filed as agent, or every case for supervision — the same rule as the
 * workbench's lists (cases/responsibility.ts). A citizen who comes back with
 * a Last-Event-ID is told where each of her cases stands now; the workbench
 * reloads its list on coming back instead (its desks hold too many cases).
 * Each stream also listens to its session's topic: signing out (or being
 * signed out from another device) ends it at once with `signed-out`.
 */
import type { FastifyInstance } from 'fastify'
import { API, type LiveEvent } from '@tongban/core'
import { accountTopic, ALL_DESKS, deskTopic, hallTopic, sessionTopic, staffTopic } from '../../live/bus'
import { ProblemError } from '../../errors'
import { queueRepo } from '../../store/queue'
import { audiencesOf, watchesEverything } from '../../cases/responsibility'
import { caseRepo } from '../../store/cases'
import { implement } from '../define'

/** Streams one hall's queue may hold open on one instance (its screen, and the phones of everyone waiting). */
export const HALL_STREAMS = 10_000

export async function liveRoutes(app: FastifyInstance): Promise<void> {
  implement(app, API.live.events, async (request, reply) => {
    const { accountId, tokenHash } = request.citizen
    // Back after a gap: where each of her cases stands now, from the stored cases (the page keeps what is newer).
    const replay = async () => (await caseRepo(app.db).liveVersions(accountId))
      .map((r): LiveEvent => ({ type: 'case', caseNo: r.case_no, version: r.version, status: r.status }))
    return app.liveStreams.open(request, reply, accountTopic(accountId), [accountTopic(accountId), sessionTopic(tokenHash)], replay)
  })

  // A hall's queue: public (numbers and windows, what its screen shows anyway); its visitors share the hall's Wi-Fi,
  // hence one address, so the streams are counted per hall, not per address or person.
  implement(app, API.live.hallEvents, async (request, reply) => {
    const { hallId } = request.params
    if (!(await queueRepo(app.db).config(hallId))) throw new ProblemError('HALL_NOT_FOUND')
    return app.liveStreams.open(request, reply, `hall:${hallId}`, [hallTopic(hallId)], undefined, HALL_STREAMS)
  })

  implement(app, API.live.staffEvents, async (request, reply) => {
    const { staff } = request
    const desks = watchesEverything(staff) ? [ALL_DESKS] : audiencesOf(staff).map(deskTopic)
    return app.liveStreams.open(request, reply, staffTopic(staff.id), [...desks, staffTopic(staff.id), sessionTopic(staff.tokenHash)])
  })
}
