/**
 * The mini-program's Transport over Taro.request (stubbed here): it resolves
 * for every HTTP status and rejects only when no response came back, as the
 * core's Transport contract says.
 */
import { describe, expect, it, vi } from 'vitest'
import { API, ApiError, createApiClient, makeProblem } from '@tongban/core'
import { createTaroTransport, type TaroDownloadFile, type TaroRequest, type TaroUploadFile } from '../../miniprogram/src/platform/transport'
import { createTaroStorage, type TaroStorageApi } from '../../miniprogram/src/platform/storage'
import { createNetworkWatch, type TaroNetworkApi } from '../../miniprogram/src/platform/network'

type Options = Parameters<TaroRequest>[0]
type Success = Parameters<NonNullable<Options['success']>>[0]

/** A Taro.request that answers every call with `res` (or fails with `fail`). */
function stubRequest(res: Partial<Success> | { fail: string }) {
  const calls: Options[] = []
  const request: TaroRequest = (o) => {
    calls.push(o)
    setTimeout(() => {
      if ('fail' in res) o.fail?.({ errMsg: res.fail })
      else o.success?.({ statusCode: 200, data: '', header: {}, cookies: [], errMsg: 'request:ok', ...res } as Success)
    }, 0)
  }
  return { request, calls }
}

describe('createTaroTransport', () => {
  it('resolves on 404 with the problem body', async () => {
    const problem = makeProblem('ITEM_NOT_FOUND', { instance: '/api/items/X' })
    const { request } = stubRequest({ statusCode: 404, data: problem, header: { 'Content-Type': 'application/problem+json' } })
    const transport = createTaroTransport({ baseUrl: 'http://bff.test', request })

    const res = await transport.request({ method: 'GET', url: '/api/items/X' })

    expect(res.status).toBe(404)
    expect(res.data).toEqual(problem)
    expect(res.headers['content-type']).toBe('application/problem+json')
  })

  it('rejects when Taro.request calls fail (no response at all)', async () => {
    const { request } = stubRequest({ fail: 'request:fail timeout' })
    const transport = createTaroTransport({ baseUrl: 'http://bff.test', request })

    await expect(transport.request({ method: 'GET', url: '/api/catalogue' })).rejects.toThrow('request:fail timeout')
  })

  it('sends method, base URL, encoded query, headers, body and timeout', async () => {
    const { request, calls } = stubRequest({ statusCode: 201, data: { ok: true } })
    const transport = createTaroTransport({ baseUrl: 'http://bff.test/', request, timeoutMs: 5000 })

    await transport.request({
      method: 'POST', url: '/api/items', query: { q: '身份证', page: 2, level: undefined },
      headers: { 'If-None-Match': '"v1"' }, body: { a: 1 },
    })

    expect(calls[0]).toMatchObject({
      url: `http://bff.test/api/items?q=${encodeURIComponent('身份证')}&page=2`,
      method: 'POST',
      data: { a: 1 },
      timeout: 5000,
      header: { Accept: 'application/json', 'If-None-Match': '"v1"' },
    })
  })

  it('parses a JSON body that arrives as text and lower-cases header names', async () => {
    const { request } = stubRequest({ statusCode: 200, data: '{"version":"7"}', header: { ETag: '"abc"' } })
    const res = await createTaroTransport({ baseUrl: 'http://bff.test', request }).request({ method: 'GET', url: '/x' })
    expect(res.data).toEqual({ version: '7' })
    expect(res.headers.etag).toBe('"abc"')
  })

  it('gives the core client the problem title on 404 and a network problem on fail', async () => {
    const problem = makeProblem('ITEM_NOT_FOUND')
    const notFound = createApiClient(createTaroTransport({ baseUrl: 'http://bff.test', request: stubRequest({ statusCode: 404, data: problem }).request }))
    await expect(notFound.getItem('X')).rejects.toMatchObject({ problem: { status: 404, title: problem.title } })

    const offline = createApiClient(createTaroTransport({ baseUrl: 'http://bff.test', request: stubRequest({ fail: 'request:fail' }).request }))
    const err = await offline.call(API.catalogue.snapshot).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).isNetwork).toBe(true)
  })
})

describe('createTaroStorage', () => {
  function fakeApi(): TaroStorageApi & { data: Map<string, unknown> } {
    const data = new Map<string, unknown>()
    return {
      data,
      getStorage: vi.fn(async ({ key }: { key: string }) => {
        if (!data.has(key)) throw { errMsg: 'getStorage:fail data not found' }
        return { data: data.get(key), errMsg: 'getStorage:ok' }
      }) as unknown as TaroStorageApi['getStorage'],
      setStorage: vi.fn(async ({ key, data: v }: { key: string; data: unknown }) => {
        data.set(key, v)
        return { errMsg: 'setStorage:ok' }
      }) as unknown as TaroStorageApi['setStorage'],
      removeStorage: vi.fn(async ({ key }: { key: string }) => {
        data.delete(key)
        return { errMsg: 'removeStorage:ok' }
      }) as unknown as TaroStorageApi['removeStorage'],
    }
  }

  it('reads a missing key as null, and keeps what it is given', async () => {
    const api = fakeApi()
    const storage = createTaroStorage(api)
    expect(await storage.get('tb.settings')).toBeNull()
    await storage.set('tb.settings', '{"elderly":true}')
    expect(await storage.get('tb.settings')).toBe('{"elderly":true}')
    await storage.remove('tb.settings')
    await storage.remove('tb.settings')
    expect(await storage.get('tb.settings')).toBeNull()
  })
})

describe('createNetworkWatch', () => {
  it('follows getNetworkType and onNetworkStatusChange', async () => {
    let listener: ((r: { isConnected: boolean; networkType: string }) => void) | undefined
    const api = {
      getNetworkType: (o: { success?: (r: { networkType: string }) => void }) => {
        o.success?.({ networkType: 'none' })
        return Promise.resolve({ networkType: 'none' })
      },
      onNetworkStatusChange: (cb: typeof listener) => { listener = cb },
    } as unknown as TaroNetworkApi
    const watch = createNetworkWatch(api)
    expect(watch.isOnline()).toBe(false)
    listener!({ isConnected: true, networkType: 'wifi' })
    expect(watch.isOnline()).toBe(true)
  })
})

describe('createTaroTransport: uploads', () => {
  type UploadOptions = Parameters<TaroUploadFile>[0]
  type UploadSuccess = Parameters<NonNullable<UploadOptions['success']>>[0]
  const noRequest: TaroRequest = () => undefined

  /** A Taro.uploadFile that reports progress twice, then answers `res` (or fails). */
  function stubUpload(res: Partial<UploadSuccess> | { fail: string }) {
    const calls: UploadOptions[] = []
    const uploadFile: TaroUploadFile = (o) => {
      calls.push(o)
      let listener: ((p: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void) | undefined
      setTimeout(() => {
        listener?.({ progress: 50, totalBytesSent: 500, totalBytesExpectedToSend: 1000 })
        listener?.({ progress: 100, totalBytesSent: 1000, totalBytesExpectedToSend: 1000 })
        if ('fail' in res) o.fail?.({ errMsg: res.fail })
        else o.success?.({ statusCode: 201, data: '', errMsg: 'uploadFile:ok', ...res } as UploadSuccess)
      }, 0)
      return { onProgressUpdate: (cb: typeof listener) => { listener = cb } } as ReturnType<TaroUploadFile>
    }
    return { uploadFile, calls }
  }

  it('uploads the path as part “file” with the fields, reports progress and parses the JSON body', async () => {
    const file = { id: 'f-1', name: '营业执照.jpg', mime: 'image/jpeg', size: 1000 }
    const { uploadFile, calls } = stubUpload({ statusCode: 201, data: JSON.stringify(file) })
    const transport = createTaroTransport({ baseUrl: 'http://bff.test/', request: noRequest, uploadFile })
    const api = createApiClient(transport, { token: () => 'tok' })
    const progress: number[] = []

    const uploaded = await api.uploadFile({ kind: 'path', path: 'wxfile://tmp_1.jpg', name: '营业执照.jpg' }, {
      materialId: 'business-licence', itemCode: 'SJ-0001', onProgress: (p) => progress.push(p.loaded / p.total),
    })

    expect(uploaded).toEqual(file)
    expect(progress).toEqual([0.5, 1])
    expect(calls[0]).toMatchObject({
      url: 'http://bff.test/api/uploads', filePath: 'wxfile://tmp_1.jpg', name: 'file',
      formData: { materialId: 'business-licence', itemCode: 'SJ-0001', fileName: '营业执照.jpg' },
      header: { Authorization: 'Bearer tok' }, timeout: 120_000,
    })
  })

  it('resolves for a refusal, so the client throws the BFF’s problem', async () => {
    const problem = makeProblem('BAD_REQUEST', { title: '只能上传PDF、JPG或PNG文件' })
    const { uploadFile } = stubUpload({ statusCode: 415, data: JSON.stringify(problem) })
    const transport = createTaroTransport({ baseUrl: 'http://bff.test', request: noRequest, uploadFile })
    const res = await transport.upload!({ url: '/api/uploads', file: { kind: 'path', path: 'p.txt', name: 'p.txt' } })
    expect(res).toMatchObject({ status: 415, data: problem })
    const err = await createApiClient(transport).uploadFile({ kind: 'path', path: 'p.txt', name: 'p.txt' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).problem.title).toBe('只能上传PDF、JPG或PNG文件')
  })

  it('rejects when no answer came back, and cannot upload a blob', async () => {
    const { uploadFile } = stubUpload({ fail: 'uploadFile:fail timeout' })
    const transport = createTaroTransport({ baseUrl: 'http://bff.test', request: noRequest, uploadFile })
    await expect(transport.upload!({ url: '/api/uploads', file: { kind: 'path', path: 'a.pdf', name: 'a.pdf' } })).rejects.toThrow('uploadFile:fail timeout')
    await expect(transport.upload!({ url: '/api/uploads', file: { kind: 'blob', blob: {}, name: 'a.pdf' } })).rejects.toThrow(/by path/)
    expect(createTaroTransport({ baseUrl: 'http://bff.test', request: noRequest }).upload).toBeUndefined()
  })
})

describe('createTaroTransport download (wx.downloadFile)', () => {
  type DownloadOptions = Parameters<TaroDownloadFile>[0]
  type DownloadSuccess = Parameters<NonNullable<DownloadOptions['success']>>[0]
  const noRequest: TaroRequest = () => undefined
  function stubDownload(res: Partial<DownloadSuccess> | { fail: string }) {
    const calls: DownloadOptions[] = []
    const downloadFile: TaroDownloadFile = (o) => {
      calls.push(o)
      setTimeout(() => {
        if ('fail' in res) o.fail?.({ errMsg: res.fail })
        else o.success?.({ statusCode: 200, tempFilePath: 'wxfile://tmp_9.pdf', filePath: '', profile: {}, dataLength: 10, errMsg: 'downloadFile:ok', ...res } as unknown as DownloadSuccess)
      }, 0)
    }
    return { downloadFile, calls }
  }

  it('saves a BFF document with the session token and gives its temporary path', async () => {
    const { downloadFile, calls } = stubDownload({})
    const api = createApiClient(createTaroTransport({ baseUrl: 'http://bff.test/', request: noRequest, downloadFile }), { token: () => 'tok' })
    expect(await api.downloadDocument('/api/me/cases/TB1/notices/acceptance')).toEqual({ filePath: 'wxfile://tmp_9.pdf' })
    expect(calls[0]).toMatchObject({ url: 'http://bff.test/api/me/cases/TB1/notices/acceptance', header: { Authorization: 'Bearer tok' }, timeout: 60_000 })
  })

  it('a 404 saved as a file is a problem, not a document; no response is a network problem', async () => {
    const missing = createApiClient(createTaroTransport({ baseUrl: 'http://bff.test', request: noRequest, downloadFile: stubDownload({ statusCode: 404 }).downloadFile }))
    await expect(missing.downloadDocument('/api/x')).rejects.toMatchObject({ problem: { code: 'NOT_FOUND' } })
    const offline = createApiClient(createTaroTransport({ baseUrl: 'http://bff.test', request: noRequest, downloadFile: stubDownload({ fail: 'downloadFile:fail timeout' }).downloadFile }))
    await expect(offline.downloadDocument('/api/x')).rejects.toMatchObject({ problem: { code: 'NETWORK', detail: 'downloadFile:fail timeout' } })
  })
})
