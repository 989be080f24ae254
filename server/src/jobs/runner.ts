/**
 * Background jobs, by name: each runs once when the app is ready, then every
 * `everyMs`; a failure is logged and the next tick tries again; one run of a
 * job at a time in a process; timers never keep the process alive and stop
 * with the app. A `singleton` job runs on one instance at a time: each run
 * first takes a PostgreSQL advisory lock named after the job (db.ts
 * `exclusively`), and an instance that does not get it skips that tick —
 * so, with ten BFF instances, one sweeps.
 *
 * Which processes run jobs is PROCESS_ROLE: `worker` and `all` (the
 * default: `npm start` does everything), never `web`.
 */
import { createHash } from 'node:crypto'
import type { Db } from '../store/db'

export interface Job {
  name: string
  /** 0: never on a timer (the job can still be run by name). */
  everyMs: number
  singleton?: boolean
  /** What it did, for the log line (e.g. { raised: 3 }); nothing worth saying: undefined or all zero. */
  run(): Promise<Record<string, number> | void>
}

export interface JobLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

export interface JobRunner {
  add(job: Job): void
  /** Runs one job now (under its lock if singleton); false when another instance holds the lock. */
  run(name: string): Promise<boolean>
  start(): void
  stop(): void
  names(): string[]
}

/** The advisory lock key of a job: 32 bits of its name's hash, beside a fixed namespace (migrations use another). */
export function lockKey(name: string): number {
  return createHash('sha256').update(`job:${name}`).digest().readInt32BE(0)
}

export function jobRunner(opts: { db: Db; log: JobLog }): JobRunner {
  const jobs = new Map<string, Job>()
  const running = new Map<string, Promise<boolean>>()
  const timers: NodeJS.Timeout[] = []

  async function once(job: Job): Promise<boolean> {
    const work = async () => {
      const did = await job.run()
      if (did && Object.values(did).some((n) => n > 0)) opts.log.info({ job: job.name, ...did }, `${job.name} done`)
    }
    if (!job.singleton) {
      await work()
      return true
    }
    return opts.db.exclusively(lockKey(job.name), work)
  }

  const runner: JobRunner = {
    add(job) {
      if (jobs.has(job.name)) throw new Error(`job ${job.name} added twice`)
      jobs.set(job.name, job)
    },
    async run(name) {
      const job = jobs.get(name)
      if (!job) throw new Error(`no job ${name}`)
      const current = running.get(name)
      if (current) return current
      const p = once(job).finally(() => running.delete(name))
      running.set(name, p)
      return p
    },
    start() {
      for (const job of jobs.values()) {
        if (job.everyMs <= 0) continue
        const tick = () => {
          runner.run(job.name).catch((err: unknown) => opts.log.warn({ err, job: job.name }, `${job.name} failed; will try again`))
        }
        const timer = setInterval(tick, job.everyMs)
        timer.unref()
        timers.push(timer)
        tick()
      }
    },
    stop() {
      for (const t of timers.splice(0)) clearInterval(t)
    },
    names: () => [...jobs.keys()],
  }
  return runner
}
