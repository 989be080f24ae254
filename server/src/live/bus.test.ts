/**
 * The live bus on its own: who a case's word is for, one delivery per
 * message however many of a listener's topics it names, and word passed
 * through a relay (Redis, in production) without coming back twice.
 */
import { describe, expect, it } from 'vitest'
import { ALL_DESKS, createLiveBus, deskTopic, type LiveMessage, type LiveRelay } from './bus'

describe('the live bus', () => {
  it('delivers a message once to a listener of several of its topics, and nothing after unsubscribing', () => {
    const bus = createLiveBus()
    const got: LiveMessage[] = []
    const stop = bus.subscribe(['account:a', ALL_DESKS, deskTopic('window')], (m) => got.push(m))
    bus.publishCase({ caseNo: 'C1', version: 2, status: 'pre_review', accountId: 'a', agentId: null, desks: ['window', 'window'] })
    expect(got.map((m) => m.event)).toEqual([{ type: 'case', caseNo: 'C1', version: 2, status: 'pre_review' }])
    expect(got[0]!.topics).toEqual(['account:a', ALL_DESKS, 'desk:window'])
    stop()
    bus.publishToAccount('a', { type: 'message', id: '1', caseNo: null })
    expect(got).toHaveLength(1)
  })

  it('tells the agent who filed a case, and passes word through a relay once per instance', async () => {
    const sent: string[] = []
    const handlers: ((p: string) => void)[] = []
    const relay: LiveRelay = { publish: async (p) => { sent.push(p) }, onMessage: (h) => { handlers.push(h) }, close: async () => {} }
    const a = createLiveBus({ relay })
    const b = createLiveBus()
    const onA: LiveMessage[] = []
    a.subscribe(['staff:agent-1'], (m) => onA.push(m))
    a.publishCase({ caseNo: 'C2', version: 1, status: 'submitted', accountId: 'r', agentId: 'agent-1', desks: [] })
    expect(onA).toHaveLength(1)
    // Its own word coming back from Redis is not delivered twice.
    for (const h of handlers) h(sent[0]!)
    expect(onA).toHaveLength(1)
    expect(JSON.parse(sent[0]!).message.topics).toContain('staff:agent-1')
    await b.close()
  })

})
