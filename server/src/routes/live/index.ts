/**
 * The live-update streams (API.live): a citizen's own cases and messages;
 * a staff member's desks (the window, their department) and the cases they
 * filed as agent, or every case for supervision — the same rule as the
 * workbench's lists (cases/responsibility.ts).
 */
import type { FastifyInstance } from 'fastify'
import { API } from '@tongban/core'
import { accountTopic, ALL_DESKS, deskTopic, staffTopic } from '../../live/bus'
import { audiencesOf, watchesEverything } from '../../cases/responsibility'
import { implement } from '../define'

export async function liveRoutes(app: FastifyInstance): Promise<void> {
  implement(app, API.live.events, async (request, reply) => {
    const { accountId } = request.citizen
    return app.liveStreams.open(request, reply, accountTopic(accountId), [accountTopic(accountId)])
  })

  implement(app, API.live.staffEvents, async (request, reply) => {
    const { staff } = request
    const desks = watchesEverything(staff) ? [ALL_DESKS] : audiencesOf(staff).map(deskTopic)
    return app.liveStreams.open(request, reply, staffTopic(staff.id), [...desks, staffTopic(staff.id)])
  })
}
