import { describe, expect, it } from 'vitest'
import { createApiClient } from './client'
import { API } from './areas'
import { ApiError, makeProblem } from './problems'
import type { DownloadRequest, Transport, TransportRequest, TransportResponse } from './transport'
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

describe('saving a document on the device (downloadDocument)', () => {
  const downloads = (status: number | Error) => {
    const calls: DownloadRequest[] = []
    const t: Transport = {
      request: async () => { throw new Error('not used') },
      async download(req) {
        calls.push(req)
        if (status instanceof Error) throw status
        return { status, filePath: '/tmp/wxfile/notice.pdf' }
      },
    }
    return { t, calls }
  }

  it('saves the file with the session token and says where', async () => {
    const { t, calls } = downloads(200)
    const saved = await createApiClient(t, { token: async () => 'tok' }).downloadDocument('/api/me/cases/TB1/notices/accept.pdf')
    expect(saved).toEqual({ filePath: '/tmp/wxfile/notice.pdf' })
    expect(calls).toEqual([{ url: '/api/me/cases/TB1/notices/accept.pdf', headers: { Authorization: 'Bearer tok' }, timeoutMs: 60_000 }])
  })

  it('a refused or missing document is a problem in Chinese, not a file', async () => {
    for (const [status, code, title] of [[401, 'UNAUTHENTICATED', '请先登录'], [404, 'NOT_FOUND', undefined], [500, 'INTERNAL', undefined]] as const) {
      const err = await createApiClient(downloads(status).t).downloadDocument('/api/me/licences/x/certificate').catch((e: unknown) => e)
      expect(err, String(status)).toBeInstanceOf(ApiError)
      expect((err as ApiError).problem.code).toBe(code)
      if (title) expect((err as ApiError).problem.title).toBe(title)
      expect((err as ApiError).problem.title).toMatch(/[\u4e00-\u9fa5]/)
    }
    const offline = await createApiClient(downloads(new Error('downloadFile:fail')).t).downloadDocument('/api/x').catch((e: unknown) => e)
    expect((offline as ApiError).problem.code).toBe('NETWORK')
  })

  it('never sends the token to another address, and needs a transport that can save files', async () => {
    const { t, calls } = downloads(200)
    const elsewhere = await createApiClient(t, { token: async () => 'tok' }).downloadDocument('https://evil.example/x.pdf').catch((e: unknown) => e)
    expect((elsewhere as ApiError).problem.code).toBe('BAD_REQUEST')
    expect(calls).toEqual([])
    const plain = fakeTransport(() => ({ status: 200, data: null, headers: {} }))
    expect(((await createApiClient(plain).downloadDocument('/api/x').catch((e: unknown) => e)) as ApiError).problem.code).toBe('INTERNAL')
  })
})

describe('api client', () => {
  it('sends the query and returns the page', async () => {
    const t = fakeTransport(() => ({ status: 200, data: { items: [], total: 0, page: 2, pageSize: 20 }, headers: {} }))
    const page = await createApiClient(t).call(API.catalogue.listItems, { query: { q: 'sfz', page: 2 } })
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
    const err = await createApiClient(t).call(API.catalogue.halls).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).problem.title).toMatch(/系统/)
  })

  it('reports a transport failure as a network problem', async () => {
    const t = fakeTransport(() => { throw new Error('ECONNREFUSED') })
    const err = (await createApiClient(t).call(API.catalogue.snapshot).catch((e: unknown) => e)) as ApiError
    expect(err.isNetwork).toBe(true)
    expect(err.problem.title).toBe('网络连接失败，请检查网络后重试')
  })

  it('submits with the contract\'s Idempotency-Key header and its longer wait, and fills the path', async () => {
    const t = fakeTransport(() => ({ status: 201, data: { caseNo: 'SJ-0001-20261124-0001' }, headers: {} }))
    const api = createApiClient(t, { token: async () => 'tok' })
    const body = { itemCode: 'SJ-0001', formVersion: 1, values: {}, answers: {}, delivery: 'pickup' as const, personalDataConsent: true }
    await api.call(API.cases.submit, { headers: { 'idempotency-key': 'key-0000000000000001' }, body })
    expect(t.calls[0]).toEqual({ method: 'POST', url: '/api/cases', headers: { 'idempotency-key': 'key-0000000000000001', Authorization: 'Bearer tok' }, body, timeoutMs: 30_000 })
    await api.call(API.workbench.event, { params: { caseNo: 'SJ-0001-20261124-0001' }, body: { type: 'accept', departments: ['mz'], version: 3 } })
    expect(t.calls[1]).toMatchObject({ method: 'POST', url: '/api/staff/cases/SJ-0001-20261124-0001/events', body: { type: 'accept', version: 3 } })
    expect(t.calls[1]!.timeoutMs).toBeUndefined()
  })

  it('sends a PDF to verify as the body, as application/pdf, and reads the verdict', async () => {
    const t = fakeTransport(() => ({ status: 200, data: { matches: true, status: 'valid' }, headers: {} }))
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])
    expect(await createApiClient(t).verifyDocumentFile('AbCdEfGhIjKlMnOpQrStUv', pdf)).toEqual({ matches: true, status: 'valid' })
    expect(t.calls[0]).toEqual({ method: 'POST', url: '/api/verify/AbCdEfGhIjKlMnOpQrStUv', body: pdf, headers: { 'Content-Type': 'application/pdf' } })
    const missing = fakeTransport(() => ({ status: 404, data: makeProblem('DOCUMENT_NOT_FOUND'), headers: {} }))
    await expect(createApiClient(missing).verifyDocumentFile('AbCdEfGhIjKlMnOpQrStUv', pdf)).rejects.toMatchObject({ problem: { code: 'DOCUMENT_NOT_FOUND' } })
  })

  it('leaves empty query values out', () => {
    expect(encodeQuery({ q: '身份证', level: undefined, page: 1, x: '' })).toBe('?q=%E8%BA%AB%E4%BB%BD%E8%AF%81&page=1')
  })
})
