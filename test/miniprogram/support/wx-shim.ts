/**
 * The parts of `wx` the built mini-program calls, for miniprogram-simulate:
 * `wx.request` really goes over HTTP (node:http) to the test BFF; storage is
 * an in-memory map; phone calls and map navigation are recorded. `wx.login`
 * answers a code from the BFF's local fake WeChat API
 * (/dev/wechat/login-code) for the openid the test chose.
 */
import http from 'node:http'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

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
  /**
   * Files on this machine the citizen picks next in wx.chooseMedia /
   * wx.chooseMessageFile (first in, first out); none left = cancelled.
   */
  pickedFiles: string[]
  /**
   * Files wx.compressImage writes next (first in, first out), as a phone
   * writes a smaller JPEG of a big photo; none left = the same file back
   * (the tests' pictures are mostly small already).
   */
  compressedFiles: string[]
  /** Multipart uploads sent (wx.uploadFile), with the progress each reported. */
  uploads: { url: string; formData: Record<string, string>; status: number | null; progress: number[] }[]
  /**
   * Answers a wx.request here instead of the BFF when it returns a response
   * (a server fault, say); null or undefined lets the request through.
   */
  intercept: ((req: { method: string; url: string }) => { status: number; body: unknown } | null | undefined) | null
  /** Files wx.downloadFile saved (whatever the status, as WeChat does), and the documents wx.openDocument showed. */
  downloads: { url: string; header: Record<string, string>; status: number | null; tempFilePath: string | null }[]
  /** The next wx.openDocument fails as it does on a phone with no viewer for the file. */
  openDocumentFails: boolean
  /** What wx.setClipboardData last put on the clipboard. */
  clipboard: string | null
  /** The signal comes or goes: sets `offline` and tells every wx.onNetworkStatusChange listener, as WeChat does. */
  setNetwork(connected: boolean): void
  /**
   * Whether this WeChat user has agreed to the mini-program's privacy
   * agreement (WeChat remembers it). While false, wx.requirePrivacyAuthorize
   * asks the app's wx.onNeedPrivacyAuthorization listener and waits for its
   * resolve, and a guarded call (chooseMedia, chooseMessageFile,
   * setClipboardData) fails with "privacy permission is not authorized".
   */
  privacyAgreed: boolean
  /** What the app passed to WeChat's privacy resolve, in order ({ event, buttonId }). */
  privacyResolutions: Record<string, unknown>[]
  /** Phone permissions the citizen refused: wx.chooseMedia from that source (wx.scanCode: the camera) fails with "auth deny". */
  deniedPermissions: ('camera' | 'album')[]
  /** What the next wx.scanCode reads (first in, first out); none left = the citizen cancelled the scan. */
  scannedCodes: string[]
  /** wx.getUpdateManager: `ready()` says a new version has downloaded; `applied` counts applyUpdate calls. */
  update: { ready(): void; applied: number }
  /**
   * True only while a tap event is dispatched (mini-runtime sets it): wx.requestSubscribeMessage
   * outside it fails as WeChat's does ("can only be invoked by user TAP gesture").
   */
  inTap: boolean
  /**
   * What the citizen picks in the subscribe popup, per template id (unlisted: `subscribeDefault`);
   * `subscribeFailCode`, when set, makes the next call fail with it (20004: notifications switched off).
   */
  subscribeAnswers: Record<string, string>
  subscribeDefault: string
  subscribeFailCode: number | null
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
  /** What the phone's storage already holds when the app starts (a token, drafts, a queue). */
  storage?: Record<string, unknown>
}

export function createWxShim(options: WxShimOptions = {}): WxShim {
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}))
  const requests: WxShim['requests'] = []
  const calls: WxShim['calls'] = []
  let pending = 0

  const shim = {
    offline: false, modalConfirms: true, wechatOpenid: 'mp-test-user', loginCodes: [] as string[], pickedFiles: [] as string[], compressedFiles: [] as string[],
    intercept: null as WxShim['intercept'], clipboard: null as string | null, openDocumentFails: false,
    privacyAgreed: true, privacyResolutions: [] as Record<string, unknown>[], deniedPermissions: [] as ('camera' | 'album')[],
    scannedCodes: [] as string[],
    inTap: false, subscribeAnswers: {} as Record<string, string>, subscribeDefault: 'accept', subscribeFailCode: null as number | null,
  }
  const downloads: WxShim['downloads'] = []
  let downloadDir: string | null = null

  /** wx.downloadFile: a real GET to the BFF, the body saved to a temporary file whatever the status. */
  function downloadFile(o: Callbacks<{ statusCode: number; tempFilePath: string; errMsg: string }> & { url: string; header?: Record<string, string>; timeout?: number }) {
    const record: WxShim['downloads'][number] = { url: o.url, header: { ...o.header }, status: null, tempFilePath: null }
    downloads.push(record)
    if (shim.offline) {
      settle(o, false, { errMsg: 'downloadFile:fail net::ERR_INTERNET_DISCONNECTED' })
      return { abort() {}, onProgressUpdate() {} }
    }
    pending++
    const req = http.request(bffTarget(o.url), { method: 'GET', headers: { ...o.header }, timeout: o.timeout ?? 60_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        pending--
        downloadDir ??= mkdtempSync(join(tmpdir(), 'wxfile-'))
        const path = join(downloadDir, `tmp_${downloads.length}_${Date.now()}`)
        writeFileSync(path, Buffer.concat(chunks))
        record.status = res.statusCode ?? 0
        record.tempFilePath = path
        settle(o, true, { statusCode: res.statusCode ?? 0, tempFilePath: path, errMsg: 'downloadFile:ok' })
      })
    })
    req.on('error', (e) => { pending--; settle(o, false, { errMsg: `downloadFile:fail ${e.message}` }) })
    req.end()
    return { abort: () => req.destroy(new Error('abort')), onProgressUpdate() {} }
  }
  const updateReady: (() => void)[] = []
  const update = { ready: () => { for (const l of updateReady) l() }, applied: 0 }
  const updateManager = {
    onCheckForUpdate() {},
    onUpdateReady: (l: () => void) => { updateReady.push(l) },
    onUpdateFailed() {},
    applyUpdate: () => { update.applied++ },
  }
  const uploads: WxShim['uploads'] = []
  const networkListeners: ((res: { isConnected: boolean; networkType: string }) => void)[] = []
  function setNetwork(connected: boolean): void {
    shim.offline = !connected
    for (const l of [...networkListeners]) l({ isConnected: connected, networkType: connected ? 'wifi' : 'none' })
  }

  function bffTarget(url: string): string {
    if (!options.bffUrl) return url
    const u = new URL(url)
    return new URL(`${u.pathname}${u.search}`, options.bffUrl).toString()
  }

  /** wx.uploadFile: a real multipart POST of the file at filePath, progress reported once the body is written. */
  function uploadFile(o: Callbacks<{ statusCode: number; data: string; errMsg: string }> & { url: string; filePath: string; name: string; formData?: Record<string, string>; header?: Record<string, string>; timeout?: number }) {
    const listeners: ((p: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void)[] = []
    const record = { url: o.url, formData: { ...o.formData }, status: null as number | null, progress: [] as number[] }
    uploads.push(record)
    const task = { onProgressUpdate: (cb: (typeof listeners)[number]) => { listeners.push(cb) }, offProgressUpdate() {}, abort() {} }
    if (shim.offline) {
      settle(o, false, { errMsg: 'uploadFile:fail net::ERR_INTERNET_DISCONNECTED' })
      return task
    }
    const boundary = `----wxshim${Date.now().toString(16)}`
    const parts: Buffer[] = []
    for (const [k, v] of Object.entries(o.formData ?? {})) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
    }
    const type = /\.pdf$/i.test(o.filePath) ? 'application/pdf' : /\.png$/i.test(o.filePath) ? 'image/png' : 'image/jpeg'
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${o.name}"; filename="${basename(o.filePath)}"\r\nContent-Type: ${type}\r\n\r\n`))
    parts.push(readFileSync(o.filePath), Buffer.from(`\r\n--${boundary}--\r\n`))
    const body = Buffer.concat(parts)
    const req = http.request(bffTarget(o.url), {
      method: 'POST',
      headers: { ...o.header, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
      timeout: o.timeout ?? 60_000,
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        record.status = res.statusCode ?? 0
        settle(o, true, { statusCode: res.statusCode ?? 0, data: Buffer.concat(chunks).toString('utf8'), errMsg: 'uploadFile:ok' })
      })
    })
    req.on('error', (e) => settle(o, false, { errMsg: `uploadFile:fail ${e.message}` }))
    const half = Math.floor(body.length / 2)
    req.write(body.subarray(0, half), () => {
      for (const l of listeners) l({ progress: 50, totalBytesSent: half, totalBytesExpectedToSend: body.length })
      record.progress.push(50)
      req.end(body.subarray(half), () => {
        for (const l of listeners) l({ progress: 100, totalBytesSent: body.length, totalBytesExpectedToSend: body.length })
        record.progress.push(100)
      })
    })
    return task
  }

  const privacyListeners: ((resolve: (r: Record<string, unknown>) => void, info: { referrer: string }) => void)[] = []
  const PRIVACY_FAIL = (name: string) => ({ errMsg: `${name}:fail privacy permission is not authorized`, errno: 104 })
  /** wx.requirePrivacyAuthorize: at once when agreed; else the app's listener is asked and its resolve decides. */
  function requirePrivacyAuthorize(o: Callbacks<{ errMsg: string }>) {
    calls.push({ name: 'requirePrivacyAuthorize', options: o })
    if (shim.privacyAgreed) return settle(o, true, { errMsg: 'requirePrivacyAuthorize:ok' })
    const listener = privacyListeners.at(-1)
    if (!listener) return settle(o, false, PRIVACY_FAIL('requirePrivacyAuthorize'))
    let done = false
    listener((r) => {
      shim.privacyResolutions.push(r)
      if (done) return
      if (r.event === 'agree' && typeof r.buttonId === 'string' && r.buttonId) {
        done = true
        shim.privacyAgreed = true
        settle(o, true, { errMsg: 'requirePrivacyAuthorize:ok' })
      } else if (r.event === 'disagree') {
        done = true
        settle(o, false, PRIVACY_FAIL('requirePrivacyAuthorize'))
      }
    }, { referrer: 'requirePrivacyAuthorize' })
  }

  function picked(kind: 'chooseMedia' | 'chooseMessageFile', o: Callbacks<Record<string, unknown>>) {
    calls.push({ name: kind, options: o })
    if (!shim.privacyAgreed) return settle(o, false, PRIVACY_FAIL(kind))
    const sources = (o as { sourceType?: string[] }).sourceType ?? []
    if (kind === 'chooseMedia' && sources.some((x) => shim.deniedPermissions.includes(x as 'camera' | 'album'))) {
      return settle(o, false, { errMsg: `${kind}:fail auth deny` })
    }
    const path = shim.pickedFiles.shift()
    if (!path) {
      settle(o, false, { errMsg: `${kind}:fail cancel` })
      return
    }
    const size = statSync(path).size
    const tempFiles = kind === 'chooseMedia'
      ? [{ tempFilePath: path, size, fileType: 'image' }]
      : [{ path, size, name: basename(path), type: 'file', time: Date.now() }]
    settle(o, true, { tempFiles, type: 'image', errMsg: `${kind}:ok` })
  }

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
    const canned = shim.intercept?.({ method, url: o.url })
    if (canned) {
      requests.push({ method, url: o.url, status: canned.status, header: { ...o.header } })
      settle(o, true, { statusCode: canned.status, data: canned.body, header: { 'content-type': 'application/problem+json' }, errMsg: 'request:ok' })
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
    // wx.request sends an ArrayBuffer as it is (a PDF to check), anything else as JSON.
    const body = o.data === undefined || method === 'GET' ? undefined
      : Object.prototype.toString.call(o.data) === '[object ArrayBuffer]' ? Buffer.from(o.data as ArrayBuffer) : JSON.stringify(o.data)
    const headers: Record<string, string> = { ...o.header }
    if (body && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
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
    uploadFile,
    downloadFile,
    openDocument(o: Callbacks<{ errMsg: string }> & { filePath: string; fileType?: string; showMenu?: boolean }) {
      calls.push({ name: 'openDocument', options: o })
      if (shim.openDocumentFails) {
        shim.openDocumentFails = false
        settle(o, false, { errMsg: 'openDocument:fail filetype not supported' })
      } else {
        settle(o, true, { errMsg: 'openDocument:ok' })
      }
    },
    chooseMedia: (o: Callbacks<Record<string, unknown>>) => picked('chooseMedia', o),
    chooseMessageFile: (o: Callbacks<Record<string, unknown>>) => picked('chooseMessageFile', o),
    compressImage(o: Callbacks<{ tempFilePath: string; errMsg: string }> & { src: string; quality?: number }) {
      calls.push({ name: 'compressImage', options: o })
      settle(o, true, { tempFilePath: shim.compressedFiles.shift() ?? o.src, errMsg: 'compressImage:ok' })
    },
    getFileSystemManager: () => ({
      readFile(o: Callbacks<{ data: ArrayBuffer; errMsg: string }> & { filePath: string; encoding?: string }) {
        calls.push({ name: 'readFile', options: o })
        try {
          const b = readFileSync(o.filePath)
          settle(o, true, { data: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, errMsg: 'readFile:ok' })
        } catch {
          settle(o, false, { errMsg: 'readFile:fail no such file or directory' })
        }
      },
      getFileInfo(o: Callbacks<{ size: number; errMsg: string }> & { filePath: string }) {
        try {
          settle(o, true, { size: statSync(o.filePath).size, errMsg: 'getFileInfo:ok' })
        } catch {
          settle(o, false, { errMsg: 'getFileInfo:fail no such file' })
        }
      },
    }),
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
    onNetworkStatusChange(cb: (res: { isConnected: boolean; networkType: string }) => void) { networkListeners.push(cb) },
    offNetworkStatusChange(cb?: (res: { isConnected: boolean; networkType: string }) => void) {
      if (!cb) networkListeners.length = 0
      else if (networkListeners.includes(cb)) networkListeners.splice(networkListeners.indexOf(cb), 1)
    },
    requirePrivacyAuthorize,
    onNeedPrivacyAuthorization(listener: (typeof privacyListeners)[number]) { privacyListeners.push(listener) },
    openSetting(o: Callbacks<{ authSetting: Record<string, boolean>; errMsg: string }> = {}) {
      calls.push({ name: 'openSetting', options: o })
      settle(o, true, { authSetting: {}, errMsg: 'openSetting:ok' })
    },
    getUpdateManager: () => updateManager,
    /** The camera reads a code: a privacy call (the agreement first), refused with the camera permission. */
    scanCode(o: Callbacks<{ result: string; scanType: string; charSet: string; errMsg: string }> & { scanType?: string[] } = {}) {
      calls.push({ name: 'scanCode', options: o })
      if (!shim.privacyAgreed) return settle(o, false, PRIVACY_FAIL('scanCode'))
      if (shim.deniedPermissions.includes('camera')) return settle(o, false, { errMsg: 'scanCode:fail auth deny' })
      const result = shim.scannedCodes.shift()
      if (result === undefined) return settle(o, false, { errMsg: 'scanCode:fail cancel' })
      settle(o, true, { result, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' })
    },
    setClipboardData(o: Callbacks<{ errMsg: string }> & { data: string }) {
      calls.push({ name: 'setClipboardData', options: o })
      if (!shim.privacyAgreed) return settle(o, false, PRIVACY_FAIL('setClipboardData'))
      shim.clipboard = o.data
      settle(o, true, { errMsg: 'setClipboardData:ok' })
    },
    /** As WeChat: only from a tap, 1–3 template ids (we ask ≤ 3; some clients refuse more), answered per id. */
    requestSubscribeMessage(o: Callbacks<Record<string, string>> & { tmplIds?: string[] }) {
      calls.push({ name: 'requestSubscribeMessage', options: o })
      const ids = o.tmplIds ?? []
      const fail = (errCode: number, why: string) => settle(o, false, { errMsg: `requestSubscribeMessage:fail ${why}`, errCode } as { errMsg: string })
      if (!shim.inTap) return fail(10003, 'can only be invoked by user TAP gesture.')
      if (ids.length === 0) return fail(10001, 'TmplIds can\'t be empty')
      if (ids.length > 3) return fail(20003, 'Templates count out of max bounds')
      if (shim.subscribeFailCode !== null) {
        const code = shim.subscribeFailCode
        shim.subscribeFailCode = null
        return fail(code, 'The main switch is switched off')
      }
      const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' }
      for (const id of ids) res[id] = shim.subscribeAnswers[id] ?? shim.subscribeDefault
      settle(o, true, res)
    },
    showModal(o: Callbacks<{ confirm: boolean; cancel: boolean; errMsg: string }> = {}) {
      calls.push({ name: 'showModal', options: o })
      settle(o, true, { confirm: shim.modalConfirms, cancel: !shim.modalConfirms, errMsg: 'showModal:ok' })
    },
  }
  for (const name of [
    'makePhoneCall', 'openLocation', 'navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'reLaunch',
    'setNavigationBarTitle', 'showToast', 'hideToast', 'showLoading', 'hideLoading', 'pageScrollTo', 'stopPullDownRefresh',
    // The tab bar's badges ({ index, text } / { index }): what a test reads as the badge is the last of these for a tab.
    'setTabBarBadge', 'removeTabBarBadge',
  ]) {
    api[name] = (o: Callbacks<{ errMsg: string }> = {}) => {
      calls.push({ name, options: o })
      settle(o, true, { errMsg: `${name}:ok` })
    }
  }

  return Object.assign(shim, { api, storage, requests, calls, uploads, downloads, setNetwork, update, inFlight: () => pending })
}
