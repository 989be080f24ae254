/**
 * KeyValueStorage over the mini-program's local storage. A missing key makes
 * getStorage fail; that is "absent", not an error.
 */
import type Taro from '@tarojs/taro'
import type { KeyValueStorage } from '@tongban/app'

export type TaroStorageApi = Pick<typeof Taro, 'getStorage' | 'setStorage' | 'removeStorage'>

export function createTaroStorage(api: TaroStorageApi): KeyValueStorage {
  return {
    async get(key) {
      try {
        const res = await api.getStorage<unknown>({ key })
        return typeof res.data === 'string' ? res.data : null
      } catch {
        return null
      }
    },
    async set(key, value) {
      await api.setStorage({ key, data: value })
    },
    async remove(key) {
      try {
        await api.removeStorage({ key })
      } catch {
        // Removing what is not there is not a failure.
      }
    },
  }
}
