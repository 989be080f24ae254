/**
 * A hall and its queue's configuration as the queue's and the appointments'
 * routes read them: kept a few seconds per BFF instance, so a burst of scans
 * at the door reads them once, and a hall_admin's change is seen within
 * HALL_CACHE_MS on every instance (at once on the one that saved it). One
 * cache per app, shared by both route plugins.
 */
import type { FastifyInstance } from 'fastify'
import type { HallQueueConfig } from '@tongban/core'
import { ProblemError } from '../../errors'

/** How long a hall's configuration is kept in memory. */
export const HALL_CACHE_MS = 5_000

export interface QueueHall { id: string; name: string; address: string }
export interface HallWithQueue { hall: QueueHall; config: HallQueueConfig }

export interface HallCache {
  /** The hall with its queue, or null when there is no such hall or it has no queue. */
  find(hallId: string): Promise<HallWithQueue | null>
  /** The same, or HALL_NOT_FOUND. */
  get(hallId: string): Promise<HallWithQueue>
  /** Read it afresh next time (after a save). */
  forget(hallId: string): void
}

const caches = new WeakMap<FastifyInstance, HallCache>()

export function hallCache(app: FastifyInstance): HallCache {
  let cache = caches.get(app)
  if (cache) return cache
  const kept = new Map<string, { at: number; value: Promise<HallWithQueue | null> }>()
  cache = {
    find(hallId) {
      const t = Date.now()
      let entry = kept.get(hallId)
      if (!entry || t - entry.at > HALL_CACHE_MS) {
        const value = (async () => {
          const [row] = await app.db.query<{ doc: QueueHall; config: HallQueueConfig | null }>(
            'select h.doc, q.doc as config from halls h left join queue_halls q on q.hall_id = h.id where h.id = $1', [hallId],
          )
          return row?.config ? { hall: { id: row.doc.id, name: row.doc.name, address: row.doc.address }, config: row.config } : null
        })()
        kept.set(hallId, (entry = { at: t, value }))
        value.catch(() => kept.delete(hallId))
      }
      return entry.value
    },
    async get(hallId) {
      const found = await cache!.find(hallId)
      if (!found) throw new ProblemError('HALL_NOT_FOUND')
      return found
    },
    forget: (hallId) => { kept.delete(hallId) },
  }
  caches.set(app, cache)
  return cache
}
