/**
 * The PWA's Platform: axios to the same-origin BFF (uploads as FormData with
 * progress), localStorage for what the device keeps, navigator.onLine for a
 * first guess at connectivity, canvas for shrinking photos.
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
      return { status: res.status, data: res.data, headers: headersOf(res.headers) }
    },
    async upload(req) {
      if (req.file.kind !== 'blob') throw new Error('the web transport uploads Blobs, not file paths')
      const blob = req.file.blob as Blob
      const form = new FormData()
      // Text fields first: the BFF takes them on either side, but first is what every server expects.
      for (const [k, v] of Object.entries(req.fields ?? {})) form.append(k, v)
      form.append('file', blob, req.file.name)
      const res = await http.request({
        method: 'POST',
        url: req.url,
        data: form,
        headers: req.headers,
        timeout: req.timeoutMs,
        validateStatus: () => true,
        onUploadProgress: (e) => req.onProgress?.({ loaded: e.loaded, total: e.total ?? blob.size }),
      })
      return { status: res.status, data: res.data, headers: headersOf(res.headers) }
    },
  }
}

function headersOf(raw: object): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(raw)) headers[k.toLowerCase()] = v == null ? undefined : String(v)
  return headers
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
    // Loaded on the first photo: the form pages that never see one do not pay for it.
    compressImage: async (file, opts) => (await import('./compress-image')).compressImage(file, opts),
  }
}
