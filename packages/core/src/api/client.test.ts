import { describe, expect, it } from 'vitest'
import { createApiClient } from './client'
import { ApiError, makeProblem } from './problems'
import type { Transport, TransportRequest, TransportResponse } from './transport'
import { encodeQuery } from './transport'

function fakeTransport(handler: (req: TransportRequest) => TransportResponse | Promise<TransportResponse>): Transport & { calls: TransportRequest[] } {
  const calls: TransportRequest[] = []
  return {
    calls,
    async request<T>(req: TransportRequest) {
      calls.push(req)
      return (await handler(req)) as TransportResponse<T>
    },
  }
}

describe('api client', () => {
  it('sends the query and returns the page', async () => {
    const t = fakeTransport(() => ({ status: 200, data: { items: [], total: 0, page: 2, pageSize: 20 }, headers: {} }))
    const page = await createApiClient(t).listItems({ q: 'sfz', page: 2 })
    expect(page.page).toBe(2)
    expect(t.calls[0]).toMatchObject({ method: 'GET', url: '/api/items', query: { q: 'sfz', page: 2 } })
  })

  it('encodes path parameters and revalidates with the ETag', async () => {
    const t = fakeTransport(() => ({ status: 304, data: '', headers: {} }))
    const res = await createApiClient(t).getItem('A/B', '"x"')
    expect(res).toEqual({ notModified: true })
    expect(t.calls[0]!.url).toBe('/api/items/A%2FB')
    expect(t.calls[0]!.headers).toEqual({ 'If-None-Match': '"x"' })
  })

  it('throws the BFF problem as an ApiError', async () => {
    const problem = makeProblem('ITEM_NOT_FOUND')
    const t = fakeTransport(() => ({ status: 404, data: problem, headers: {} }))
    await expect(createApiClient(t).getItem('X')).rejects.toMatchObject({ problem: { code: 'ITEM_NOT_FOUND', title: problem.title } })
  })

  it('turns a non-problem error body into a problem with a Chinese title', async () => {
    const t = fakeTransport(() => ({ status: 502, data: '<html>Bad gateway</html>', headers: {} }))
    const err = await createApiClient(t).listHalls().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).problem.title).toMatch(/系统/)
  })

  it('reports a transport failure as a network problem', async () => {
    const t = fakeTransport(() => { throw new Error('ECONNREFUSED') })
    const err = (await createApiClient(t).catalogue().catch((e: unknown) => e)) as ApiError
    expect(err.isNetwork).toBe(true)
    expect(err.problem.title).toBe('网络连接失败，请检查网络后重试')
  })

  it('leaves empty query values out', () => {
    expect(encodeQuery({ q: '身份证', level: undefined, page: 1, x: '' })).toBe('?q=%E8%BA%AB%E4%BB%BD%E8%AF%81&page=1')
  })
})
