/**
 * The listening part every local fake of an outside API shares: a node:http
 * server on 127.0.0.1 whose handler may be async; a handler that throws gets
 * the fake's own "internal error" answer (or a dropped connection once
 * headers went out), as a real gateway would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export async function listenLocal(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  onError: (res: ServerResponse, e: unknown) => void,
  port = 0,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) onError(res, e)
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}
