/**
 * Cases: the outbox, where a case is worked after acceptance (the approval
 * backend), the one write point for case events with the effects that
 * follow them — in the order they follow: the certificate into the wallet,
 * the handover, the notice's 文号 — and the jobs that watch the clocks and
 * send what the outbox holds.
 */
import fp from 'fastify-plugin'
import { createOutbox, type Outbox } from '../../outbox/outbox'
import { builtinBackend, httpBackend, type ApprovalBackend } from '../../backend/index'
import { caseEvents, type CaseEvents } from '../../cases/commit'
import { certificateEffect } from '../../cases/certificates'
import { materialResolver } from '../../cases/materials'
import { realNames } from '../../cases/applicant'
import { warningSweepJob } from '../../cases/warnings'
import { noticeEffect, noticeJob } from '../../notices/jobs'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    /** Work sent after a commit (outbox/outbox.ts). */
    outbox: Outbox
    /** Where a case is worked after the window accepts it (backend/index.ts). */
    approval: ApprovalBackend
    /** The one write point for case events (cases/commit.ts). */
    caseEvents: CaseEvents
  }
}

export default fp<PluginOptions>(async (app, { config }) => {
  const { db, now } = app
  const outbox = createOutbox({ db, now, log: app.log })
  app.decorate('outbox', outbox)
  const { approval: client, fakeApproval } = app.connectors
  const approval = client
    ? httpBackend({
        outbox, client, now,
        // Links in a handover point at PUBLIC_ORIGIN, else at this process (a fake or a system on the same host).
        downloads: { origin: () => config.publicOrigin ?? app.ownOrigin(), secret: config.approval.webhookSecret },
      })
    : builtinBackend()
  app.decorate('approval', approval)
  if (fakeApproval) app.addHook('onListen', async () => fakeApproval.setWebhookUrl(`${app.ownOrigin()}/api/backend/webhook`))

  const events = caseEvents({ db, catalogue: app.catalogue, outbox, materials: materialResolver(), realNames: realNames(app.idCipher), now, clock: app.clock, live: app.live })
  events.effect(certificateEffect)
  for (const effect of approval.effects) events.effect(effect)
  events.effect(noticeEffect)
  outbox.register(noticeJob({ db, lookups: events.lookups, origin: app.printedOrigin }))
  app.decorate('caseEvents', events)

  app.jobs.add(warningSweepJob(db, events.lookups, config.clock.warningSweepMs, now))
  // The dispatcher is the worker's; a web process only queues (and does the immediate kinds in its requests).
  if (app.runsJobs) app.addHook('onReady', async () => outbox.start(config.approval.dispatchMs))
  app.addHook('onClose', async () => outbox.stop())
}, { name: 'cases', dependencies: ['db', 'catalogue', 'connectors', 'clock', 'jobs', 'auth', 'live'] })
