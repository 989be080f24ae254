/**
 * A stand-in for the BFF's two catalogue routes, over real HTTP, used when
 * server/src/testing.ts (the real BFF on PGlite) is not there yet.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { makeProblem } from '@tongban/core'
import { ITEMS, snapshot } from './fixtures'

export async function startFakeBff(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8` })
      res.end(JSON.stringify(body))
    }
    if (url.pathname === '/api/catalogue') return send(200, snapshot())
    const m = /^\/api\/items\/([^/]+)$/.exec(url.pathname)
    if (m) {
      const item = ITEMS.find((i) => i.code === decodeURIComponent(m[1]!))
      if (item) return send(200, item)
      return send(404, makeProblem('ITEM_NOT_FOUND', { instance: url.pathname }), 'application/problem+json')
    }
    send(404, makeProblem('NOT_FOUND'), 'application/problem+json')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  }
}
