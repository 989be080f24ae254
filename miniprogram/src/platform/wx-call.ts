/**
 * Calls a WeChat API through its callbacks: not every base library (nor
 * Taro's wrapper for every API) hands back a promise.
 */
export function wxCall<R>(api: (o: { success: (r: R) => void; fail: (e: unknown) => void }) => unknown): Promise<R> {
  return new Promise((resolve, reject) => {
    const ret = api({ success: resolve, fail: reject }) as Partial<PromiseLike<unknown>> | undefined
    if (ret && typeof ret.then === 'function') void Promise.resolve(ret).catch(() => undefined)
  })
}
