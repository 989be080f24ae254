/**
 * The background jobs of this process (jobs/runner.ts). Plugins add theirs;
 * they start once the app is ready, in a process whose PROCESS_ROLE is
 * `worker` or `all`, and stop when it closes.
 */
import fp from 'fastify-plugin'
import { jobRunner, type JobRunner } from '../../jobs/runner'
import type { PluginOptions } from '../options'

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner
    /** This process runs the background jobs (PROCESS_ROLE worker or all). */
    runsJobs: boolean
  }
}

export default fp<PluginOptions>(async (app, { config }) => {
  const jobs = jobRunner({ db: app.db, log: app.log })
  app.decorate('jobs', jobs)
  app.decorate('runsJobs', config.processRole !== 'web')
  if (app.runsJobs) app.addHook('onReady', async () => jobs.start())
  app.addHook('onClose', async () => jobs.stop())
}, { name: 'jobs', dependencies: ['db'] })
