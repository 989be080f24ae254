/**
 * The PWA's Platform: axios to the same-origin BFF, localStorage for what
 * the device keeps, navigator.onLine for a first guess at connectivity.
 */
import axios, { type AxiosInstance } from 'axios'
import { createApiClient, encodeQuery, type Transport } from '@tongban/core'
import type { KeyValueStorage, Platform } from '@tongban/app'

export function axiosTransport(http: AxiosInstance = axios.create({ timeout: 15_000 })): Transport {
  return {
    async request(req) {
      // validateStatus: every status resolves; only a missing response rejects.
      const res = await http.request({
        method: req.method,
        url: req.url + encodeQuery(req.query),
        data: req.body,
        headers: req.headers,
        timeout: req.timeoutMs,
        validateStatus: () => true,
      })
      const headers: Record<string, string | undefined> = {}
      for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = v == null ? undefined : String(v)
      return { status: res.status, data: res.data, headers }
    },
  }
}

export function localStorageKv(prefix = ''): KeyValueStorage {
  return {
    async get(k) {
      try { return localStorage.getItem(prefix + k) } catch { return null }
    },
    async set(k, v) {
      localStorage.setItem(prefix + k, v)
    },
    async remove(k) {
      try { localStorage.removeItem(prefix + k) } catch { /* storage unavailable */ }
    },
  }
}

export function webPlatform(): Platform {
  const transport = axiosTransport()
  return {
    transport,
    api: createApiClient(transport),
    storage: localStorageKv(),
    isOnline: () => navigator.onLine,
    now: () => Date.now(),
    loadSearch: () => import('@tongban/core/search'),
  }
}
