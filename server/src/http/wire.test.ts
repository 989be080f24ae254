/**
 * What reaches the BFF broken at the HTTP level, over a real socket: the
 * router's refusals (a URL it cannot decode, a path parameter past 200
 * characters) and Node's parser's (Content-Length -1, Content-Length with
 * Transfer-Encoding, two Content-Lengths, a request line that is not one,
 * headers past 16 KB). Each answer is application/problem+json with a
 * Chinese title; the parser's close the connection.
 */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROBLEM_CONTENT_TYPE, type Problem } from '@tongban/core'
import { startTestServer, type TestServer } from '../testing'

interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: string
  /** The server closed the connection. */
  closed: boolean
  /** From the first byte sent to the close (or to giving up). */
  ms: number
}

/** Sends `request` as bytes and reads until the server closes (or `waitMs` passes). */
function exchange(port: number, request: string | Buffer, waitMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const started = Date.now()
    let closed = false
    const done = () => {
      clearTimeout(timer)
      const raw = Buffer.concat(chunks).toString('utf8')
      const [head = '', ...rest] = raw.split('\r\n\r\n')
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n'), closed, ms: Date.now() - started })
      socket.destroy()
    }
    const timer = setTimeout(done, waitMs)
    socket.on('data', (c) => chunks.push(c))
    socket.on('close', () => { closed = true; done() })
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)))
    socket.write(request)
  })
}

function expectProblem(answer: RawAnswer, status: number, code: string): Problem {
  expect(answer.status, answer.body).toBe(status)
  expect(answer.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE)
  const problem = JSON.parse(answer.body) as Problem
  expect(problem).toMatchObject({ status, code })
  expect(problem.title).toMatch(/[\u4e00-\u9fff]/)
  return problem
}

let server: TestServer
let port: number
beforeAll(async () => {
  server = await startTestServer()
  port = Number(new URL(server.url).port)
})
afterAll(async () => { await server?.close() })

const get = (path: string, headers = '') => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`

describe('the router\'s refusals', () => {
  it('a URL it cannot decode is 400 BAD_URL', async () => {
    expectProblem(await exchange(port, get('/api/items/%ZZ')), 400, 'BAD_URL')
  })

  it('a path parameter past 200 characters is 414 URI_TOO_LONG', async () => {
    expectProblem(await exchange(port, get(`/api/items/${'a'.repeat(201)}`)), 414, 'URI_TOO_LONG')
  })
})

describe('the HTTP parser\'s refusals close the connection', () => {
  const post = (headers: string, body = '{}') => `POST /api/staff/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n${body}`
  it.each([
    ['Content-Length: -1', post('Content-Length: -1\r\n')],
    ['Content-Length and Transfer-Encoding', post('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', '2\r\n{}\r\n0\r\n\r\n')],
    ['two Content-Lengths', post('Content-Length: 2\r\nContent-Length: 3\r\n')],
    ['a request line that is not one', 'HELLO THERE\r\n\r\n'],
    ['a NUL in a header', get('/api/items', 'X-Evil: a\u0000b\r\n')],
  ])('%s: 400 BAD_REQUEST', async (_what, request) => {
    const answer = await exchange(port, request)
    expectProblem(answer, 400, 'BAD_REQUEST')
    expect(answer.headers.connection).toBe('close')
    expect(answer.closed).toBe(true)
  })

  it('headers past 16 KB: 431 HEADERS_TOO_LARGE', async () => {
    const answer = await exchange(port, get('/api/items', `Cookie: ${'x'.repeat(20_000)}\r\n`))
    expectProblem(answer, 431, 'HEADERS_TOO_LARGE')
    expect(answer.closed).toBe(true)
  })

  it('the server still answers after each', async () => {
    const answer = await exchange(port, get('/api/halls'))
    expect(answer.status).toBe(200)
  })
})

describe('a request that never finishes arriving', () => {
  let slow: TestServer
  let slowPort: number
  beforeAll(async () => {
    slow = await startTestServer({ config: { requestTimeoutMs: 600 } })
    slowPort = Number(new URL(slow.url).port)
  })
  afterAll(async () => { await slow?.close() })

  it.each([
    ['a body short of its Content-Length', 'POST /api/staff/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"username"'],
    ['headers that never end', 'GET /api/halls HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n'],
  ])('%s: 408 and the connection closed by the timeout', async (_what, request) => {
    const answer = await exchange(slowPort, request, 10_000)
    expect(answer.closed).toBe(true)
    expect(answer.ms).toBeLessThanOrEqual(600 + 300)
    expectProblem(answer, 408, 'REQUEST_TIMEOUT')
  })

  it('a connection that sends nothing is closed too', async () => {
    const answer = await exchange(slowPort, '', 10_000)
    expect(answer.closed).toBe(true)
    expect(answer.ms).toBeLessThanOrEqual(600 + 300)
  })

  it('a request that arrives in time is answered as ever', async () => {
    expect((await exchange(slowPort, get('/api/halls'))).status).toBe(200)
  })
})
