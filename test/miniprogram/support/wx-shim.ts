/**
 * The parts of `wx` the built mini-program calls, for miniprogram-simulate:
 * `wx.request` really goes over HTTP (node:http) to the test BFF; storage is
 * an in-memory map; phone calls and map navigation are recorded. `wx.login`
 * answers a code from the BFF's local fake WeChat API
 * (/dev/wechat/login-code) for the openid the test chose.
 */
import http from 'node:http'

type Callbacks<R> = {
  success?: (res: R) => void
  fail?: (err: { errMsg: string }) => void
  complete?: (res: R | { errMsg: string }) => void
}

interface RequestOptions extends Callbacks<{ statusCode: number; data: unknown; header: Record<string, string>; errMsg: string }> {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
  timeout?: number
  dataType?: string
}

export interface WxShim {
  api: Record<string, unknown>
  storage: Map<string, unknown>
  requests: { method: string; url: string; status: number | null; header: Record<string, string> }[]
  calls: { name: string; options: unknown }[]
  /** Requests sent and not yet answered. */
  inFlight(): number
  /** While true, wx.request fails as it does with no signal, and getNetworkType says 'none'. */
  offline: boolean
  /** What the citizen taps in the next wx.showModal: 确定 (true) or 取消 (false). */
  modalConfirms: boolean
  /** The WeChat user on this phone: wx.login asks the BFF's /dev/wechat/login-code for a code for this openid. */
  wechatOpenid: string
  /** Codes wx.login hands out (first in, first out) before asking the BFF for one, e.g. one already used. */
  loginCodes: string[]
}

function settle<R>(o: Callbacks<R>, ok: boolean, res: R | { errMsg: string }): void {
  // WeChat calls back asynchronously; so do we.
  setTimeout(() => {
    if (ok) o.success?.(res as R)
    else o.fail?.(res as { errMsg: string })
    o.complete?.(res)
  }, 0)
}

export interface WxShimOptions {
  /**
   * Where requests really go. The build bakes its own API base in
   * (TARO_APP_API_BASE); the test BFF listens on a random port, so the
   * origin is swapped and path and query are kept.
   */
  bffUrl?: string
}

export function createWxShim(options: WxShimOptions = {}): WxShim {
  const storage = new Map<string, unknown>()
  const requests: WxShim['requests'] = []
  const calls: WxShim['calls'] = []
  let pending = 0

  const shim = { offline: false, modalConfirms: true, wechatOpenid: 'mp-test-user', loginCodes: [] as string[] }

  /** A code the BFF's fake WeChat API accepts once for this openid (a made-up one without a BFF). */
  function devLoginCode(openid: string): Promise<string> {
    if (!options.bffUrl) return Promise.resolve(`fake-login-code-${openid}`)
    const url = new URL(`/dev/wechat/login-code?openid=${encodeURIComponent(openid)}`, options.bffUrl)
    return new Promise((resolve, reject) => {
      http.get(url, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { code?: unknown }
            if (res.statusCode !== 200 || typeof body.code !== 'string') throw new Error(`answered ${res.statusCode}`)
            resolve(body.code)
          } catch (e) {
            reject(new Error(`GET ${url.pathname}: ${(e as Error).message}`))
          }
        })
      }).on('error', reject)
    })
  }

  function login(o: Callbacks<{ code: string; errMsg: string }> & { timeout?: number } = {}) {
    calls.push({ name: 'login', options: o })
    if (shim.offline) {
      settle(o, false, { errMsg: 'login:fail network error' })
      return
    }
    const queued = shim.loginCodes.shift()
    void (queued !== undefined ? Promise.resolve(queued) : devLoginCode(shim.wechatOpenid)).then(
      (code) => settle(o, true, { code, errMsg: 'login:ok' }),
      (e: Error) => settle(o, false, { errMsg: `login:fail ${e.message}` }),
    )
  }

  function request(o: RequestOptions) {
    const method = (o.method ?? 'GET').toUpperCase()
    if (shim.offline) {
      requests.push({ method, url: o.url, status: null, header: { ...o.header } })
      settle(o, false, { errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' })
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    }
    let target = o.url
    if (options.bffUrl) {
      const u = new URL(o.url)
      target = new URL(`${u.pathname}${u.search}`, options.bffUrl).toString()
    }
    const record = { method, url: o.url, status: null as number | null, header: { ...o.header } }
    requests.push(record)
    pending++
    const body = o.data !== undefined && method !== 'GET' ? JSON.stringify(o.data) : undefined
    const headers: Record<string, string> = { ...o.header }
    if (body) headers['content-type'] ??= 'application/json'
    const req = http.request(target, { method, headers, timeout: o.timeout ?? 15_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        pending--
        const text = Buffer.concat(chunks).toString('utf8')
        let data: unknown = text
        if (o.dataType === undefined || o.dataType === 'json') {
          try { data = JSON.parse(text) } catch { /* WeChat leaves non-JSON as text */ }
        }
        record.status = res.statusCode ?? 0
        const header: Record<string, string> = {}
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) header[k] = Array.isArray(v) ? v.join(', ') : v
        settle(o, true, { statusCode: res.statusCode ?? 0, data, header, errMsg: 'request:ok' })
      })
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (e) => {
      pending--
      settle(o, false, { errMsg: `request:fail ${e.message}` })
    })
    if (body) req.write(body)
    req.end()
    return { abort: () => req.destroy(new Error('abort')), onHeadersReceived() {}, offHeadersReceived() {} }
  }

  const api: Record<string, unknown> = {
    request,
    login,
    getStorage(o: Callbacks<{ data: unknown; errMsg: string }> & { key: string }) {
      if (storage.has(o.key)) settle(o, true, { data: storage.get(o.key), errMsg: 'getStorage:ok' })
      else settle(o, false, { errMsg: 'getStorage:fail data not found' })
    },
    setStorage(o: Callbacks<{ errMsg: string }> & { key: string; data: unknown }) {
      storage.set(o.key, o.data)
      settle(o, true, { errMsg: 'setStorage:ok' })
    },
    removeStorage(o: Callbacks<{ errMsg: string }> & { key: string }) {
      storage.delete(o.key)
      settle(o, true, { errMsg: 'removeStorage:ok' })
    },
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, data: unknown) => { storage.set(key, data) },
    removeStorageSync: (key: string) => { storage.delete(key) },
    getNetworkType(o: Callbacks<{ networkType: string; errMsg: string }>) {
      settle(o, true, { networkType: shim.offline ? 'none' : 'wifi', errMsg: 'getNetworkType:ok' })
    },
    onNetworkStatusChange() {},
    offNetworkStatusChange() {},
    showModal(o: Callbacks<{ confirm: boolean; cancel: boolean; errMsg: string }> = {}) {
      calls.push({ name: 'showModal', options: o })
      settle(o, true, { confirm: shim.modalConfirms, cancel: !shim.modalConfirms, errMsg: 'showModal:ok' })
    },
  }
  for (const name of [
    'makePhoneCall', 'openLocation', 'navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'reLaunch',
    'setNavigationBarTitle', 'showToast', 'hideToast', 'showLoading', 'hideLoading', 'pageScrollTo',
  ]) {
    api[name] = (o: Callbacks<{ errMsg: string }> = {}) => {
      calls.push({ name, options: o })
      settle(o, true, { errMsg: `${name}:ok` })
    }
  }

  return Object.assign(shim, { api, storage, requests, calls, inFlight: () => pending })
}
