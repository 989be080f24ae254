/**
 * The BFF the simulated mini-program talks to: the real one
 * (server/src/testing.ts: Fastify + in-memory PGlite + demo catalogue) when
 * it exists, otherwise a small local fake serving the same two routes.
 */
import { existsSync } from 'node:fs'
import http from 'node:http'
import { resolve } from 'node:path'
import type { CatalogueSnapshot, Item } from '@tongban/core'
import { REPO_ROOT } from './ensure-built'
import { startFakeBff } from './fake-bff'

export interface TestBff {
  url: string
  kind: 'real' | 'fake'
  close(): Promise<void>
}

const TESTING = resolve(REPO_ROOT, 'server/src/testing.ts')

/** MINIPROGRAM_TEST_BFF=fake forces the local fake (e.g. while the BFF is being changed). */
export async function startBff(): Promise<TestBff> {
  if (process.env.MINIPROGRAM_TEST_BFF !== 'fake' && existsSync(TESTING)) {
    const mod = (await import(/* @vite-ignore */ TESTING)) as { startTestServer(): Promise<{ url: string; close(): Promise<void> }> }
    const server = await mod.startTestServer()
    return { url: server.url.replace(/\/+$/, ''), kind: 'real', close: () => server.close() }
  }
  const fake = await startFakeBff()
  return { ...fake, kind: 'fake' }
}

/** node:http, not fetch: under happy-dom, fetch is the DOM's and applies CORS. */
export function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  return new Promise((resolvePromise, reject) => {
    http.get(url, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        try {
          resolvePromise({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T })
        } catch (e) {
          reject(e)
        }
      })
    }).on('error', reject)
  })
}

export async function fetchCatalogue(bff: TestBff): Promise<CatalogueSnapshot> {
  const { status, body } = await getJson<CatalogueSnapshot>(`${bff.url}/api/catalogue`)
  if (status !== 200) throw new Error(`GET /api/catalogue answered ${status}`)
  return body
}

export async function fetchItem(bff: TestBff, code: string): Promise<Item> {
  const { status, body } = await getJson<Item>(`${bff.url}/api/items/${encodeURIComponent(code)}`)
  if (status !== 200) throw new Error(`GET /api/items/${code} answered ${status}`)
  return body
}
