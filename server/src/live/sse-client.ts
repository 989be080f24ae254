/**
 * A plain SSE client over node:http, for the tests and the bench: it sends
 * what a browser's EventSource sends (Accept, Last-Event-ID, the session)
 * and parses the stream as the HTML standard says (fields, comments,
 * blank-line dispatch), so the server is tested by what a browser would read.
 */
import { request as httpRequest, type Agent, type IncomingMessage } from 'node:http'

export interface SseEvent {
  event: string
  data: string
  id: string | null
  retry: number | null
}

export interface SseClient {
  status: number
  headers: IncomingMessage['headers']
  /** Comment lines seen (heartbeats), without the colon. */
  comments: string[]
  /** The next event not yet taken (waits for it; rejects when the stream ends first). */
  next(): Promise<SseEvent>
  /** The next event of this name, skipping others. */
  nextOf(name: string): Promise<SseEvent>
  /** Called for each event as it is parsed (the bench's timing), besides next(). */
  onEvent?: (e: SseEvent) => void
  /** The whole body, for an answer that is not a stream (a problem). */
  body(): Promise<string>
  close(): void
}

export function openSse(url: string, opts: { token?: string; lastEventId?: string; accept?: string | null; agent?: Agent; headers?: Record<string, string> } = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.accept !== null) headers.accept = opts.accept ?? 'text/event-stream'
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    if (opts.lastEventId) headers['last-event-id'] = opts.lastEventId
    const req = httpRequest(url, { headers, ...(opts.agent ? { agent: opts.agent } : {}) }, (res) => {
      const queue: SseEvent[] = []
      const waiting: { resolve: (e: SseEvent) => void; reject: (e: Error) => void }[] = []
      let ended = false
      let buffer = ''
      let raw = ''
      let current: SseEvent = { event: 'message', data: '', id: null, retry: null }
      let dataLines: string[] = []
      const client: SseClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        comments: [],
        next() {
          const e = queue.shift()
          if (e) return Promise.resolve(e)
          if (ended) return Promise.reject(new Error('the stream ended'))
          return new Promise((res2, rej) => waiting.push({ resolve: res2, reject: rej }))
        },
        async nextOf(name) {
          for (;;) {
            const e = await client.next()
            if (e.event === name) return e
          }
        },
        body: () => new Promise((res2) => { if (ended) res2(raw); else res.on('end', () => res2(raw)) }),
        close() { req.destroy() },
      }
      const dispatch = () => {
        if (dataLines.length) {
          const e = { ...current, data: dataLines.join('\n') }
          client.onEvent?.(e)
          const w = waiting.shift()
          if (w) w.resolve(e)
          else queue.push(e)
        }
        current = { event: 'message', data: '', id: current.id, retry: null }
        dataLines = []
      }
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        if (client.status !== 200) { raw += chunk; return }
        buffer += chunk
        let nl: number
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).replace(/\r$/, '')
          buffer = buffer.slice(nl + 1)
          if (line === '') { dispatch(); continue }
          if (line.startsWith(':')) { client.comments.push(line.slice(1).trim()); continue }
          const colon = line.indexOf(':')
          const field = colon < 0 ? line : line.slice(0, colon)
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
          if (field === 'data') dataLines.push(value)
          else if (field === 'event') current.event = value
          else if (field === 'id') current.id = value
          else if (field === 'retry') current.retry = Number(value)
        }
      })
      const end = () => {
        ended = true
        for (const w of waiting.splice(0)) w.reject(new Error('the stream ended'))
      }
      res.on('end', end)
      res.on('close', end)
      res.on('error', end)
      resolve(client)
    })
    req.on('error', reject)
    req.end()
  })
}
