/**
 * A page that could not load for want of a network tries again by itself:
 * when the signal returns (Taro.onNetworkStatusChange) and when the citizen
 * comes back to the page (onShow after the first), as long as `needed` says
 * it still lacks what it wanted. A first start on a train or in a village
 * valley thus recovers without the citizen finding 重试.
 */
import Taro, { useDidShow, useUnload } from '@tarojs/taro'

type NetworkListener = (res: { isConnected: boolean }) => void

/** `onShow: false` where the page loads on every show already. */
export function useReconnect(needed: () => boolean, retry: () => void, opts: { onShow?: boolean } = {}): void {
  const listener: NetworkListener = (res) => {
    if (res.isConnected && needed()) retry()
  }
  try {
    Taro.onNetworkStatusChange(listener)
  } catch {
    // Not on this platform: coming back to the page still retries.
  }
  useUnload(() => {
    try {
      Taro.offNetworkStatusChange(listener)
    } catch {
      // Nothing to take back.
    }
  })

  if (opts.onShow === false) return
  // The first show is the page's own first load.
  let shown = false
  useDidShow(() => {
    if (!shown) {
      shown = true
      return
    }
    if (needed()) retry()
  })
}
