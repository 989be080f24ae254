/**
 * The core's Transport over Taro.request (wx.request on WeChat). WeChat calls
 * `success` for every HTTP status and `fail` only when no response came back
 * (no network, timeout, blocked domain) — exactly the Transport contract.
 * Uploads go through Taro.uploadFile (a temporary file path as multipart
 * part `file`), with progress from its task. The request and upload
 * functions are passed in so tests can stub them.
 */
import type Taro from '@tarojs/taro'
import { encodeQuery, type DownloadRequest, type DownloadResponse, type Transport, type TransportRequest, type TransportResponse, type UploadRequest } from '@tongban/core'

export type TaroRequest = (options: Taro.request.Option) => unknown
/** Taro.uploadFile; its task (when returned) reports progress. */
export type TaroUploadFile = (options: Taro.uploadFile.Option) => Pick<Taro.UploadTask, 'onProgressUpdate'> | undefined | void
/** Taro.downloadFile (wx.downloadFile): the body saved to a temporary file. */
export type TaroDownloadFile = (options: Taro.downloadFile.Option) => unknown

export interface TaroTransportOptions {
  baseUrl: string
  request: TaroRequest
  uploadFile?: TaroUploadFile
  downloadFile?: TaroDownloadFile
  /** Applied when a request names no timeout of its own. */
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 15_000
const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000
const DEFAULT_DOWNLOAD_TIMEOUT_MS = 60_000

function lowerCaseHeaders(header: Record<string, unknown> | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(header ?? {})) {
    out[k.toLowerCase()] = v === undefined || v === null ? undefined : String(v)
  }
  return out
}

/** WeChat parses JSON only when it can; a problem+json body may still arrive as text. */
function parseBody(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return data
  try {
    return JSON.parse(data)
  } catch {
    return data
  }
}

export function createTaroTransport(options: TaroTransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  return {
    request<T = unknown>(req: TransportRequest): Promise<TransportResponse<T>> {
      return new Promise((resolve, reject) => {
        options.request({
          url: `${baseUrl}${req.url}${encodeQuery(req.query)}`,
          method: req.method,
          data: req.body as Taro.request.Option['data'],
          header: { Accept: 'application/json', ...req.headers },
          timeout: req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          dataType: 'json',
          responseType: 'text',
          success: (res) => {
            resolve({
              status: res.statusCode,
              data: parseBody(res.data) as T,
              headers: lowerCaseHeaders(res.header as Record<string, unknown> | undefined),
            })
          },
          fail: (err) => {
            reject(new Error(err?.errMsg || 'request:fail'))
          },
        })
      })
    },
    upload: options.uploadFile ? (req) => upload(options.uploadFile!, baseUrl, req, options.timeoutMs) : undefined,
    download: options.downloadFile ? (req) => download(options.downloadFile!, baseUrl, req) : undefined,
  }
}

/** WeChat saves the body whatever the status (a 404's problem too); the status says whether it is the document. */
function download(downloadFile: TaroDownloadFile, baseUrl: string, req: DownloadRequest): Promise<DownloadResponse> {
  return new Promise((resolve, reject) => {
    downloadFile({
      url: `${baseUrl}${req.url}`,
      header: { ...req.headers },
      timeout: req.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS,
      success: (res) => resolve({ status: res.statusCode, filePath: res.tempFilePath }),
      fail: (err) => reject(new Error(err?.errMsg || 'downloadFile:fail')),
    })
  })
}

function upload<T>(uploadFile: TaroUploadFile, baseUrl: string, req: UploadRequest, timeoutMs?: number): Promise<TransportResponse<T>> {
  return new Promise((resolve, reject) => {
    if (req.file.kind !== 'path') {
      reject(new Error('uploadFile:fail the mini-program uploads files by path'))
      return
    }
    const task = uploadFile({
      url: `${baseUrl}${req.url}`,
      filePath: req.file.path,
      name: 'file',
      // The BFF keeps the name for display only; the temporary path's name is meaningless.
      formData: { ...req.fields, fileName: req.file.name },
      header: { Accept: 'application/json', ...req.headers },
      timeout: req.timeoutMs ?? timeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS,
      success: (res) => {
        // uploadFile gives the body as a string, never parsed, and no headers.
        resolve({ status: res.statusCode, data: parseBody(res.data) as T, headers: {} })
      },
      fail: (err) => {
        reject(new Error(err?.errMsg || 'uploadFile:fail'))
      },
    })
    if (req.onProgress && task && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((p) => req.onProgress!({ loaded: p.totalBytesSent, total: p.totalBytesExpectedToSend }))
    }
  })
}
