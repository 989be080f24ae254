/** Where uploads are kept (disk or S3), and the job that removes what no case ever took. */
import fp from 'fastify-plugin'
import { openUploadSpace, type UploadSpace } from '../../store/file-store'
import { uploadSweepJob } from '../../uploads/sweep'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    uploadSpace: UploadSpace
  }
}

export default fp<PluginOptions>(async (app, { config }) => {
  const space = await openUploadSpace(config, app.db, app.connectors.s3)
  app.addHook('onClose', async () => space.close())
  app.decorate('uploadSpace', space)
  app.jobs.add(uploadSweepJob(app.db, space.store, config.uploads.retentionDays, app.now))
}, { name: 'uploads', dependencies: ['db', 'connectors', 'clock', 'jobs'] })
