/**
 * The mini-program's Transport over Taro.request (stubbed here): it resolves
 * for every HTTP status and rejects only when no response came back, as the
 * core's Transport contract says.
 */
import { describe, expect, it, vi } from 'vitest'
import { ApiError, createApiClient, makeProblem } from '@tongban/core'
import { createTaroTransport, type TaroRequest } from '../../miniprogram/src/platform/transport'
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
    const err = await offline.catalogue().catch((e: unknown) => e)
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
