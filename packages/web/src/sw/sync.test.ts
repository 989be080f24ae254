import { describe, expect, it } from 'vitest'
import { makeProblem, type ProblemCode } from '@tongban/core'
import type { PendingSubmission, SubmittedMessage } from '@tongban/app/queue'
import { sendQueued, type QueueIo } from './sync'

const queued = (key: string): PendingSubmission => ({
  key, itemCode: 'SJ-0001', itemName: '食品经营许可', queuedAt: 0, attempts: 1,
  body: { itemCode: 'SJ-0001', formVersion: 1, values: {}, answers: {}, delivery: 'pickup', personalDataConsent: true },
})
const problem = (code: ProblemCode) => new Response(JSON.stringify(makeProblem(code)), { status: makeProblem(code).status, headers: { 'content-type': 'application/problem+json' } })

/** A queue in memory and a network that answers each key from `answers` (a thrown error: no network). */
function io(keys: string[], answers: Record<string, () => Response>) {
  let stored = keys.map(queued)
  const sent: { url: string; key: string }[] = []
  const told: SubmittedMessage[] = []
  const it: QueueIo = {
    read: async () => stored,
    write: async (q) => { stored = q },
    fetch: async (url, init) => {
      const key = (init.headers as Record<string, string>)['idempotency-key']!
      sent.push({ url, key })
      return answers[key]!()
    },
    notify: async (m) => { told.push(m) },
  }
  return { io: it, sent, told, left: () => stored.map((p) => p.key) }
}

describe('Background Sync of the submission queue', () => {
  it('sends each under its own key, drops what landed and tells the open pages', async () => {
    const t = io(['a', 'b'], { a: () => new Response('{}', { status: 201 }), b: () => new Response('{}', { status: 200 }) })
    await sendQueued(t.io)
    expect(t.sent).toEqual([{ url: '/api/cases', key: 'a' }, { url: '/api/cases', key: 'b' }])
    expect(t.left()).toEqual([])
    expect(t.told).toEqual([{ type: 'tb-submitted', keys: ['a', 'b'] }])
  })

  it('stops at no network and asks to be woken again', async () => {
    const t = io(['a', 'b'], { a: () => { throw new TypeError('Failed to fetch') }, b: () => new Response('{}', { status: 201 }) })
    await expect(sendQueued(t.io)).rejects.toThrow(/waiting for the network/)
    expect(t.sent.map((s) => s.key)).toEqual(['a'])
    expect(t.left()).toEqual(['a', 'b'])
  })

  it.each(['REQUEST_TIMEOUT', 'SUBMIT_IN_PROGRESS', 'RATE_LIMITED', 'UNAVAILABLE'] as const)('keeps %s queued and asks again', async (code) => {
    const t = io(['a'], { a: () => problem(code) })
    await expect(sendQueued(t.io)).rejects.toThrow()
    expect(t.left()).toEqual(['a'])
  })

  it.each(['VALIDATION', 'FORM_OUTDATED', 'IDEMPOTENCY_KEY_REUSED'] as const)('leaves %s for the app to show, without asking again', async (code) => {
    const t = io(['a'], { a: () => problem(code) })
    await sendQueued(t.io)
    expect(t.left()).toEqual(['a'])
    expect(t.told).toEqual([])
  })
})
