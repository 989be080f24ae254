/**
 * Whether the phone has a network, as the mini-program last heard it.
 * Starts optimistic: the first request finds out for sure anyway.
 */
import type Taro from '@tarojs/taro'

export type TaroNetworkApi = Pick<typeof Taro, 'getNetworkType' | 'onNetworkStatusChange'>

export function createNetworkWatch(api: TaroNetworkApi): { isOnline(): boolean } {
  let online = true
  try {
    void api.getNetworkType({
      success: (res) => { online = res.networkType !== 'none' },
    }).catch(() => undefined)
    api.onNetworkStatusChange((res) => { online = res.isConnected })
  } catch {
    // Not available on this platform: keep the optimistic default.
  }
  return { isOnline: () => online }
}
