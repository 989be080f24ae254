/**
 * The streams on their own, on a bare Fastify with compression registered
 * as the app has it: heartbeats, never compressed, one serialisation for
 * every stream, and a stream's subscription gone when its client goes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import compress from '@fastify/compress'
import { installErrorHandlers } from '../errors'
import { ALL_DESKS, createLiveBus, type LiveBus, type LiveMessage } from './bus'
import { frameOf, liveStreams, wantsEventStream, type LiveStreams } from './sse'
import { openSse } from './sse-client'

let app: FastifyInstance | null = null
afterEach(async () => { await app?.close(); app = null })

async function serve(bus: LiveBus, heartbeatMs: number): Promise<{ url: string; streams: LiveStreams }> {
  const streams = liveStreams(bus, { perPerson: 2, heartbeatMs, retryMs: 1234 })
  app = Fastify()
  installErrorHandlers(app)
  await app.register(compress, { threshold: 1 })
  app.addHook('preClose', async () => streams.endAll())
  app.get('/events', async (request, reply) => streams.open(request, reply, 'p', ['account:p', ALL_DESKS]))
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/events`, streams }
}

describe('stream frames', () => {
  it('serialises a message once for every stream', () => {
    const m: LiveMessage = { id: 'x-1', topics: ['account:a'], event: { type: 'message', id: '9', caseNo: null } }
    expect(frameOf(m)).toBe(frameOf(m))
    expect(frameOf(m).toString()).toBe('id: x-1\nevent: message\ndata: {"type":"message","id":"9","caseNo":null}\n\n')
  })

  it('knows a request for an event stream', () => {
    expect(wantsEventStream('text/event-stream')).toBe(true)
    expect(wantsEventStream('application/json, Text/Event-Stream;q=0.9')).toBe(true)
    expect(wantsEventStream('*/*')).toBe(false)
    expect(wantsEventStream(undefined)).toBe(false)
  })
})

describe('an event stream', () => {
  it('beats, is never compressed, and unsubscribes when the client goes', async () => {
    const bus = createLiveBus()
    const { url, streams } = await serve(bus, 20)
    const c = await openSse(url, { headers: { 'accept-encoding': 'gzip' } })
    expect(c.headers['content-encoding']).toBeUndefined()
    expect((await c.nextOf('ready')).retry).toBe(1234)
    await expect.poll(() => c.comments.length).toBeGreaterThan(1)
    expect(c.comments[0]).toBe('heartbeat')
    bus.publishToAccount('p', { type: 'message', id: '1', caseNo: 'C1' })
    expect(JSON.parse((await c.nextOf('message')).data)).toMatchObject({ id: '1' })
    expect(streams.size).toBe(1)
    c.close()
    await expect.poll(() => streams.size).toBe(0)
  })

  it('ends a stream past its age, so the client connects again and is checked again', async () => {
    const bus = createLiveBus()
    const streams = liveStreams(bus, { perPerson: 2, heartbeatMs: 10, maxAgeMs: 30 })
    app = Fastify()
    app.get('/events', async (request, reply) => streams.open(request, reply, 'p', ['account:p']))
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const c = await openSse(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/events`)
    await c.nextOf('ready')
    await expect(c.next()).rejects.toThrow('the stream ended')
    await expect.poll(() => streams.size).toBe(0)
  })

  it('is ended when the server closes, so closing does not wait on it', async () => {
    const { url } = await serve(createLiveBus(), 60_000)
    const c = await openSse(url)
    await c.nextOf('ready')
    await app!.close()
    app = null
    await expect(c.next()).rejects.toThrow('the stream ended')
  })
})
