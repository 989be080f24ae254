/**
 * The routes, by area. A worker process (PROCESS_ROLE=worker) serves
 * /healthz only; the dev pages exist outside production only, and the
 * clock's only when no test injected one.
 */
import fp from 'fastify-plugin'
import { catalogueRoutes } from './catalogue/index'
import { healthRoutes } from '../http/health'
import { staffCitizenRoutes, staffRoutes } from './staff/session'
import { authRoutes } from './identity/auth'
import { devClockRoutes, devRoutes, devWechatRoutes } from '../http/dev'
import { wechatRoutes } from './identity/wechat'
import { consentRoutes } from './identity/consents'
import { caseRoutes, draftRoutes } from './cases/index'
import { staffCaseRoutes } from './workbench/index'
import { materialResolver } from '../cases/materials'
import { uploadRoutes } from './uploads/index'
import { licenceRoutes } from './licences/index'
import { approvalRoutes } from './approval/index'
import { outboxRoutes } from './outbox/index'
import { warningRoutes } from './warnings/index'
import { messageRoutes } from './messages/index'
import { noticeRoutes } from './notices/index'
import { wechatSubscriptionRoutes } from './wechat/index'
import { pushRoutes } from './push/index'
import { liveRoutes } from './live/index'
import { queueRoutes } from './queue/index'
import { appointmentRoutes } from './queue/appointments'
import type { PluginOptions } from '../plugins/options'

export default fp<PluginOptions>(async (app, { config, build }) => {
  await app.register(healthRoutes)
  if (config.processRole === 'worker') return
  const { now, printedOrigin: origin } = app
  const { fakeSms, fakeWechat } = app.connectors
  const demo = config.seed && !config.production
  await app.register(catalogueRoutes)
  await app.register(staffRoutes({ login: config.staffLogin, now: build.now }))
  await app.register(staffCitizenRoutes)
  await app.register(consentRoutes)
  await app.register(uploadRoutes, { uploads: config.uploads, space: app.uploadSpace })
  await app.register(licenceRoutes, { demo, origin })
  await app.register(caseRoutes({ materials: materialResolver(), now }))
  await app.register(draftRoutes)
  await app.register(staffCaseRoutes, { now })
  await app.register(warningRoutes, { now })
  await app.register(messageRoutes, { now, smsReportToken: app.connectors.smsReportToken })
  // The local fake pushes its delivery reports here, as the console's HTTP 批量推送 would.
  const reportToken = app.connectors.smsReportToken
  if (fakeSms && reportToken) app.addHook('onListen', async () => fakeSms.setReportUrl(`${app.ownOrigin()}/api/hooks/sms-reports/${reportToken}`))
  await app.register(outboxRoutes, { now })
  await app.register(approvalRoutes, { webhookSecret: config.approval.webhookSecret, systemId: config.approval.systemId, files: app.uploadSpace.store, now })
  await app.register(wechatRoutes)
  const mirror = fakeWechat && !config.production ? fakeWechat : null
  await app.register(wechatSubscriptionRoutes, {
    templates: config.wechat.templates, now,
    ...(mirror ? { mirror: (openid: string, templateId: string) => mirror.grantSubscription(openid, templateId) } : {}),
  })
  await app.register(authRoutes, { devInbox: fakeSms !== null && !config.production })
  if (fakeSms && !config.production) {
    const inbox = fakeSms
    await app.register(devRoutes(() => inbox.messages().map((m) => ({ phone: m.phone, text: m.text, at: m.at.toISOString() }))))
  }
  if (fakeWechat && !config.production) await app.register(devWechatRoutes(fakeWechat))
  if (!config.production && !build.now) await app.register(devClockRoutes(app.clock))
  await app.register(noticeRoutes({ origin, now }))
  await app.register(pushRoutes, { rule: { serviceHosts: config.webPush.serviceHosts, production: config.production }, now })
  await app.register(liveRoutes)
  await app.register(queueRoutes, {
    ignoreHours: config.queue.ignoreHours,
    // A 小程序码 opens the version its state names; outside production an unreleased page is allowed.
    miniCode: { envVersion: ({ formal: 'release', trial: 'trial', developer: 'develop' } as const)[config.wechat.miniprogramState], checkPath: config.production },
  })
  await app.register(appointmentRoutes)
}, { name: 'routes', dependencies: ['security', 'auth', 'cases', 'uploads', 'push', 'live'] })
