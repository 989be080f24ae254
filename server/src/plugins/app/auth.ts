/**
 * Who is asking: the secret key and what derives from it (field cipher,
 * signing), sign-in codes, sessions, the cross-site origin check and the
 * access rule every route declares (auth/access.ts). Demo staff accounts
 * outside production. After the live bus: an ended session's streams are
 * closed through it.
 */
import fp from 'fastify-plugin'
import { loadSecretKey, secrets, type Secrets } from '../../auth/secrets'
import { fieldCipher, type FieldCipher } from '../../auth/crypto'
import { otpService, type OtpService } from '../../auth/otp'
import { sessionService, type SessionService } from '../../auth/sessions'
import { installAccessControl, installOriginCheck } from '../../auth/access'
import { staffRepo } from '../../store/staff'
import { seedDemoStaff } from '../../seed'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    otp: OtpService
    sessions: SessionService
    secrets: Secrets
    idCipher: FieldCipher
  }
}

export default fp<PluginOptions>(async (app, { config }) => {
  const { db } = app
  const secretKey = await loadSecretKey(config, db)
  const keys = secrets(secretKey)
  app.decorate('secrets', keys)
  app.decorate('idCipher', fieldCipher(secretKey, 'id-number'))
  app.decorate('otp', otpService({ db, secrets: keys, sms: app.connectors.sms }))
  app.decorate('sessions', sessionService({ db, secrets: keys, ended: (hashes) => app.live.publishSessionsEnded(hashes) }))
  installOriginCheck(app, [...(config.publicOrigin ? [config.publicOrigin] : []), ...config.trustedOrigins])
  installAccessControl(app, app.sessions, async (id) => {
    const row = await staffRepo(db).byId(id)
    return row && { id: row.id, roles: row.roles, hallId: row.hall_id, departmentCode: row.department_code }
  })
  if (config.seed && !config.production) await seedDemoStaff(db)
}, { name: 'auth', dependencies: ['db', 'connectors', 'live'] })
