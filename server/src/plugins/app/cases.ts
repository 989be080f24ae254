/**
 * Cases: the outbox, where a case is worked after acceptance (the approval
 * backend), the one write point for case events with the effects that
 * follow them — in the order they follow: the certificate into the wallet,
 * the handover, the notice's 文号, the message to the applicant — and the jobs that watch the clocks and
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
import { messageEffect } from '../../messages/effect'
import { channelRegistry, messageDeliverJob, type ChannelRegistry } from '../../messages/dispatch'
import { queueSmsJob } from '../../messages/queue-messages'
import { createSmsChannel } from '../../messages/channels/sms'
import { createWechatChannel } from '../../messages/channels/wechat'
import { createWebPushChannel } from '../../messages/channels/webpush'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    /** Work sent after a commit (outbox/outbox.ts). */
    outbox: Outbox
    /** Where a case is worked after the window accepts it (backend/index.ts). */
    approval: ApprovalBackend
    /** The one write point for case events (cases/commit.ts). */
    caseEvents: CaseEvents
    /** Where the message channels are added (messages/dispatch.ts: tried wechat → webpush → sms). */
    messageChannels: ChannelRegistry
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
  // What the events tell the applicant: written with them, then sent by the first channel that can take it.
  events.effect(messageEffect)
  const channels = channelRegistry()
  channels.registerChannel(createSmsChannel({ provider: app.connectors.sms, now, dailyCap: config.sms.dailyCap }))
  channels.registerChannel(createWechatChannel({ client: app.wechat, config: config.wechat, now, log: app.log }))
  channels.registerChannel(createWebPushChannel({ vapid: app.vapid, now }))
  outbox.register(messageDeliverJob({ db, channels, now }))
  // A queue's word to a visitor who left only a phone number (issue 19).
  outbox.register(queueSmsJob(app.connectors.sms))
  app.decorate('messageChannels', channels)
  app.decorate('caseEvents', events)

  app.jobs.add(warningSweepJob(db, events.lookups, config.clock.warningSweepMs, now))
  // The dispatcher is the worker's; a web process only queues (and does the immediate kinds in its requests).
  if (app.runsJobs) app.addHook('onReady', async () => outbox.start(config.approval.dispatchMs))
  app.addHook('onClose', async () => outbox.stop())
}, { name: 'cases', dependencies: ['db', 'catalogue', 'connectors', 'clock', 'jobs', 'auth', 'push', 'live'] })
