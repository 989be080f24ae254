/**
 * The outbox on its own: jobs exist only if their transaction commits, each
 * is sent once however many senders run, a retryable failure waits a
 * back-off with jitter (never longer than the back-off, never less than half),
 * a final one or too many tries dead-letter it, and an immediate kind is done
 * in the committing request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../store/db'
import { outboxRepo } from '../store/outbox'
import { seededPglite } from '../testing'
import { backoffMs, createOutbox, withJitter, type Outbox, type SendResult } from './outbox'

let db: Db
const quiet = { warn: () => {}, error: () => {} }
let clock = Date.parse('2026-12-07T01:30:00Z')

beforeAll(async () => { db = await seededPglite() })
afterAll(async () => db?.close())

/** An outbox with one kind whose sender answers from `answers` in turn (then ok), recording what it was given. */
function outboxWith(kind: string, answers: SendResult[], opts: { immediate?: boolean; maxAttempts?: number; random?: () => number } = {}) {
  const got: unknown[] = []
  const outbox: Outbox = createOutbox({ db, now: () => clock, log: quiet, random: opts.random ?? (() => 0.5) })
  outbox.register<{ n: number }>({
    kind,
    immediate: opts.immediate,
    maxAttempts: opts.maxAttempts,
    async send(job) {
      got.push(job.payload.n)
      return answers.shift() ?? { ok: true, externalId: `x-${job.payload.n}` }
    },
  })
  return { outbox, got }
}

const rowsOf = (kind: string) => db.query<{ attempts: number; sent_at: Date | null; dead_at: Date | null; next_at: Date; last_error: string | null; external_id: string | null }>(
  'select attempts, sent_at, dead_at, next_at, last_error, external_id from outbox where kind = $1 order by id', [kind])

describe('outbox', () => {
  it('keeps a job only if its transaction commits, and sends each job once', async () => {
    const { outbox, got } = outboxWith('test.once', [])
    await db.transaction(async (tx) => { await outbox.enqueue(tx, 'test.once', { payload: { n: 1 } }) })
    await db.transaction(async (tx) => {
      await outbox.enqueue(tx, 'test.once', { payload: { n: 2 } })
      throw new Error('the event was refused')
    }).catch(() => undefined)
    expect(await outbox.dispatch()).toEqual({ sent: 1, retried: 0, dead: 0 })
    expect(await outbox.dispatch()).toEqual({ sent: 0, retried: 0, dead: 0 })
    expect(got).toEqual([1])
    expect((await rowsOf('test.once'))[0]).toMatchObject({ attempts: 1, external_id: 'x-1' })
  })

  it('refuses a job of a kind nobody sends', async () => {
    const { outbox } = outboxWith('test.known', [])
    await expect(db.transaction((tx) => outbox.enqueue(tx, 'test.unknown', { payload: {} }))).rejects.toThrow(/no outbox handler/)
  })

  it('waits between half the back-off and all of it, then dead-letters after the last try; a resend revives it', async () => {
    const fail: SendResult = { ok: false, retry: true, error: 'answered 503' }
    const random = [0, 1, 0.25]
    const { outbox } = outboxWith('test.retry', [fail, fail, fail], { maxAttempts: 3, random: () => random.shift() ?? 0 })
    await db.transaction((tx) => outbox.enqueue(tx, 'test.retry', { payload: { n: 1 } }))
    const start = clock
    expect(await outbox.dispatch()).toMatchObject({ retried: 1 })
    expect((await rowsOf('test.retry'))[0]!.next_at.getTime()).toBe(start + backoffMs(0) / 2) // random 0: half
    clock += backoffMs(0) / 2
    expect(await outbox.dispatch()).toMatchObject({ retried: 1 })
    expect((await rowsOf('test.retry'))[0]!.next_at.getTime()).toBe(clock + backoffMs(1)) // random 1: all of it
    clock += backoffMs(1)
    expect(await outbox.dispatch()).toMatchObject({ dead: 1 })
    expect((await rowsOf('test.retry'))[0]).toMatchObject({ attempts: 3, last_error: 'answered 503', sent_at: null })
    expect((await rowsOf('test.retry'))[0]!.dead_at).not.toBeNull()
    const [pending] = await outboxRepo(db).pending(['test.retry'])
    expect(await outboxRepo(db).revive(pending!.id, ['other.kind'], new Date(clock))).toBe(false)
    expect(await outboxRepo(db).revive(pending!.id, ['test.retry'], new Date(clock))).toBe(true)
    expect(await outbox.dispatch()).toMatchObject({ sent: 1 })
    expect(await outboxRepo(db).pending(['test.retry'])).toEqual([])
  })

  it('dead-letters at once what can never succeed, and a sender that throws is tried again', async () => {
    const { outbox } = outboxWith('test.final', [{ ok: false, retry: false, error: 'answered 401' }])
    await db.transaction((tx) => outbox.enqueue(tx, 'test.final', { payload: { n: 1 } }))
    expect(await outbox.dispatch()).toMatchObject({ dead: 1 })
    const thrower = createOutbox({ db, now: () => clock, log: quiet, random: () => 0 })
    thrower.register({ kind: 'test.throws', send: async () => { throw new Error('socket hang up') } })
    await db.transaction((tx) => thrower.enqueue(tx, 'test.throws', { payload: {} }))
    expect(await thrower.dispatch()).toMatchObject({ retried: 1 })
    expect((await rowsOf('test.throws'))[0]).toMatchObject({ last_error: 'socket hang up' })
  })

  it('does an immediate kind in the committing request, and leaves the others to the dispatcher', async () => {
    const now = outboxWith('test.now', [], { immediate: true })
    const later = createOutbox({ db, now: () => clock, log: quiet })
    const sentLater: unknown[] = []
    later.register<{ n: number }>({ kind: 'test.later', send: async (job) => { sentLater.push(job.payload.n); return { ok: true } } })
    const a = await db.transaction((tx) => now.outbox.enqueue(tx, 'test.now', { payload: { n: 7 } }))
    await now.outbox.committed([{ id: a, kind: 'test.now' }])
    expect(now.got).toEqual([7])
    const b = await db.transaction((tx) => later.enqueue(tx, 'test.later', { payload: { n: 8 } }))
    await later.committed([{ id: b, kind: 'test.later' }])
    expect(sentLater).toEqual([])
    expect(await later.dispatch()).toMatchObject({ sent: 1 })
  })

  it('jitters within [half, all] of the back-off', () => {
    for (const r of [0, 0.1, 0.5, 0.99, 1]) {
      const ms = withJitter(10_000, () => r)
      expect(ms).toBeGreaterThanOrEqual(5_000)
      expect(ms).toBeLessThanOrEqual(10_000)
    }
  })
})

describe('outbox batches', () => {
  it('sends a claimed batch at once, but one case\'s jobs one at a time in the order they were queued', async () => {
    const [{ id: accountId }] = await db.query<{ id: string }>(`insert into accounts (phone) values ('13911110042') returning id`) as [{ id: string }]
    const caseOf = async (no: string) => (await db.query<{ id: string }>(
      `insert into cases (case_no, item_code, account_id, form_version, form, form_values, answers, materials, delivery)
       values ($1, 'SJ-0001', $2, 1, '{}', '{}', '{}', '[]', 'pickup') returning id`, [no, accountId]))[0]!.id
    const [a, b] = [await caseOf('SJ-0001-20261207-9001'), await caseOf('SJ-0001-20261207-9002')]
    let inFlight = 0
    let most = 0
    const running = new Set<string>()
    const order: string[] = []
    const outbox = createOutbox({ db, now: () => clock, log: quiet })
    outbox.register<{ c: string; n: number }>({
      kind: 'test.batch',
      async send(job) {
        // Two jobs of one case at the same time would be a bug, whatever the timing.
        if (running.has(job.payload.c)) throw new Error(`two jobs of case ${job.payload.c} at once`)
        if (job.payload.c !== '-') running.add(job.payload.c)
        most = Math.max(most, ++inFlight)
        await new Promise((r) => setTimeout(r, 5))
        order.push(`${job.payload.c}${job.payload.n}`)
        running.delete(job.payload.c)
        inFlight--
        return { ok: true }
      },
    })
    await db.transaction(async (tx) => {
      for (let n = 1; n <= 3; n++) {
        await outbox.enqueue(tx, 'test.batch', { caseId: a, payload: { c: 'a', n } })
        await outbox.enqueue(tx, 'test.batch', { caseId: b, payload: { c: 'b', n } })
        await outbox.enqueue(tx, 'test.batch', { payload: { c: '-', n } })
      }
    })
    expect(await outbox.dispatch()).toEqual({ sent: 9, retried: 0, dead: 0 })
    expect(most).toBeGreaterThan(2)
    expect(order.filter((j) => j.startsWith('a'))).toEqual(['a1', 'a2', 'a3'])
    expect(order.filter((j) => j.startsWith('b'))).toEqual(['b1', 'b2', 'b3'])
  })
})
