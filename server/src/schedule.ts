/**
 * Background work on a timer, the same way for every sweep: once when the
 * app is ready, then every `everyMs`; a failure is logged and the next tick
 * tries again; the timer never keeps the process alive and stops with the app.
 */
import type { FastifyInstance } from 'fastify'

export function scheduleEvery(app: FastifyInstance, everyMs: number, what: string, task: () => Promise<void>): void {
  if (everyMs <= 0) return
  const run = async () => {
    try {
      await task()
    } catch (err) {
      app.log.warn({ err }, `${what} failed; will try again`)
    }
  }
  const timer = setInterval(() => { void run() }, everyMs)
  timer.unref()
  app.addHook('onReady', async () => { void run() })
  app.addHook('onClose', async () => clearInterval(timer))
}
