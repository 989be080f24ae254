/**
 * The mini-program's Platform without search: Taro.request, Taro storage
 * and Taro's network status behind the interface the shared stores inject.
 * The main package adds the catalogue search to it (taro-platform.ts); the
 * independent subpackage 排队取号 (packages/queue) provides it as it is,
 * since it may carry nothing of the main package and needs no search.
 *
 * The session is a bearer token kept in storage under TOKEN_KEY (a
 * mini-program has no cookie jar): the session store writes it there
 * (keepsToken), and every request reads it back from there. Storage is the
 * mini-program's, shared by every package: a citizen signed in on the main
 * package is signed in on a scanned queue page too.
 */
import type Taro from '@tarojs/taro'
import { createApiClient } from '@tongban/core'
import { TOKEN_KEY, type Platform } from '@tongban/app'
import { createTaroTransport } from './transport'
import { createTaroStorage, type TaroStorageApi } from './storage'
import { createNetworkWatch, type TaroNetworkApi } from './network'

/** Replaced at build time (config/index.ts); defaults to the local BFF. */
export const API_BASE: string = process.env.TARO_APP_API_BASE || 'http://localhost:8080'

/** The parts of Taro the platform uses. */
export type TaroPlatformApi = TaroStorageApi & TaroNetworkApi & {
  request: (options: Taro.request.Option) => unknown
  uploadFile?: (options: Taro.uploadFile.Option) => unknown
  downloadFile?: (options: Taro.downloadFile.Option) => unknown
}

export function createTaroBasePlatform(taro: TaroPlatformApi, baseUrl: string = API_BASE): Platform {
  const transport = createTaroTransport({
    baseUrl,
    request: (o) => {
      // Taro.request also returns a promise that rejects on `fail`; the
      // transport already turned that into its own rejection.
      void Promise.resolve(taro.request(o)).catch(() => undefined)
    },
    uploadFile: taro.uploadFile
      ? (o) => {
          // Taro's task is also a promise rejecting on `fail`: handled by the transport already.
          const task = taro.uploadFile!(o) as (Pick<Taro.UploadTask, 'onProgressUpdate'> & Partial<PromiseLike<unknown>>) | undefined
          if (task && typeof task.then === 'function') void Promise.resolve(task).catch(() => undefined)
          return task
        }
      : undefined,
    downloadFile: taro.downloadFile
      ? (o) => { void Promise.resolve(taro.downloadFile!(o)).catch(() => undefined) }
      : undefined,
  })
  const storage = createTaroStorage(taro)
  const network = createNetworkWatch(taro)
  return {
    transport,
    api: createApiClient(transport, { token: () => storage.get(TOKEN_KEY) }),
    storage,
    keepsToken: true,
    isOnline: network.isOnline,
    now: () => Date.now(),
  }
}
