/**
 * The mini-program's Platform over stubbed Taro APIs: the session token
 * lives in Taro storage, and the api client sends it as a bearer token on
 * every request once it is there.
 */
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { makeProblem, type SessionResult } from '@tongban/core'
import { PLATFORM_KEY, TOKEN_KEY, useSessionStore } from '@tongban/app'
import { createTaroPlatform, type TaroPlatformApi } from '../../miniprogram/src/platform/taro-platform'

type RequestOptions = Parameters<TaroPlatformApi['request']>[0]

const SESSION: SessionResult = {
  account: { id: 'acc-1', phone: '13800138000', name: null, idNumber: null, idNumberMasked: null, company: null },
  token: 'tok-abc',
  expiresAt: '2026-12-23T00:00:00.000Z',
}

/** Taro's request, storage and network calls over a map; the BFF answers by route. */
function stubTaro() {
  const data = new Map<string, unknown>()
  const requests: RequestOptions[] = []
  const answer = (o: RequestOptions): { statusCode: number; data: unknown } => {
    const path = new URL(o.url).pathname
    const signedIn = o.header?.Authorization === `Bearer ${SESSION.token}`
    if (path === '/api/auth/sms/verify') return { statusCode: 200, data: SESSION }
    if (path === '/api/me') return signedIn ? { statusCode: 200, data: SESSION.account } : { statusCode: 401, data: makeProblem('UNAUTHENTICATED') }
    if (path === '/api/auth/logout') return { statusCode: signedIn ? 204 : 401, data: '' }
    return { statusCode: 404, data: makeProblem('NOT_FOUND') }
  }
  const taro = {
    request: (o: RequestOptions) => {
      requests.push(o)
      setTimeout(() => o.success?.({ ...answer(o), header: {}, cookies: [], errMsg: 'request:ok' } as never), 0)
    },
    getStorage: async ({ key }: { key: string }) => {
      if (!data.has(key)) throw { errMsg: 'getStorage:fail data not found' }
      return { data: data.get(key), errMsg: 'getStorage:ok' }
    },
    setStorage: async ({ key, data: value }: { key: string; data: unknown }) => {
      data.set(key, value)
      return { errMsg: 'setStorage:ok' }
    },
    removeStorage: async ({ key }: { key: string }) => {
      data.delete(key)
      return { errMsg: 'removeStorage:ok' }
    },
    getNetworkType: async () => ({ networkType: 'wifi', errMsg: 'getNetworkType:ok' }),
    onNetworkStatusChange: () => undefined,
  } as unknown as TaroPlatformApi
  const authorization = (i: number) => requests[i]?.header?.Authorization as string | undefined
  return { taro, data, requests, authorization }
}

describe('createTaroPlatform', () => {
  it('sends Authorization: Bearer once a token is in storage, and none before', async () => {
    const { taro, authorization } = stubTaro()
    const platform = createTaroPlatform(taro, 'http://bff.test')
    expect(platform.keepsToken).toBe(true)

    expect(await platform.api.me()).toBeNull()
    expect(authorization(0)).toBeUndefined()

    await platform.storage.set(TOKEN_KEY, SESSION.token)
    expect(await platform.api.me()).toEqual(SESSION.account)
    expect(authorization(1)).toBe(`Bearer ${SESSION.token}`)
  })

  it('keeps the token the session store signs in with, and drops it on 退出登录', async () => {
    const { taro, data, requests, authorization } = stubTaro()
    const platform = createTaroPlatform(taro, 'http://bff.test')
    const app = createApp({ render: () => null })
    const pinia = createPinia()
    app.use(pinia)
    app.provide(PLATFORM_KEY, platform)
    setActivePinia(pinia)
    const session = app.runWithContext(() => useSessionStore())

    expect(await session.verify('13800138000', '123456')).toEqual({ ok: true, value: undefined })
    expect(data.get(TOKEN_KEY)).toBe(SESSION.token)

    await session.load()
    expect(session.account).toEqual(SESSION.account)
    expect(new URL(requests.at(-1)!.url).pathname).toBe('/api/me')
    expect(authorization(requests.length - 1)).toBe(`Bearer ${SESSION.token}`)

    expect(await session.logout()).toEqual({ ok: true, value: undefined })
    expect(data.has(TOKEN_KEY)).toBe(false)
    expect(session.signedIn).toBe(false)
    await platform.api.me()
    expect(authorization(requests.length - 1)).toBeUndefined()
  })
})
