/**
 * The core's Transport over Taro.request (wx.request on WeChat). WeChat calls
 * `success` for every HTTP status and `fail` only when no response came back
 * (no network, timeout, blocked domain) — exactly the Transport contract.
 * The request function is passed in so tests can stub it.
 */
import type Taro from '@tarojs/taro'
import { encodeQuery, type Transport, type TransportRequest, type TransportResponse } from '@tongban/core'

export type TaroRequest = (options: Taro.request.Option) => unknown

export interface TaroTransportOptions {
  baseUrl: string
  request: TaroRequest
  /** Applied when a request names no timeout of its own. */
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 15_000

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
  }
}
