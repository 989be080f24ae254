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
import { accountTopic, ALL_DESKS, deskTopic, sessionTopic, staffTopic } from '../../live/bus'
import { audiencesOf, watchesEverything } from '../../cases/responsibility'
import { caseRepo } from '../../store/cases'
import { implement } from '../define'

export async function liveRoutes(app: FastifyInstance): Promise<void> {
  implement(app, API.live.events, async (request, reply) => {
    const { accountId, tokenHash } = request.citizen
    // Back after a gap: where each of her cases stands now, from the stored cases (the page keeps what is newer).
    const replay = async () => (await caseRepo(app.db).liveVersions(accountId))
      .map((r): LiveEvent => ({ type: 'case', caseNo: r.case_no, version: r.version, status: r.status }))
    return app.liveStreams.open(request, reply, accountTopic(accountId), [accountTopic(accountId), sessionTopic(tokenHash)], replay)
  })

  implement(app, API.live.staffEvents, async (request, reply) => {
    const { staff } = request
    const desks = watchesEverything(staff) ? [ALL_DESKS] : audiencesOf(staff).map(deskTopic)
    return app.liveStreams.open(request, reply, staffTopic(staff.id), [...desks, staffTopic(staff.id), sessionTopic(staff.tokenHash)])
  })
}
