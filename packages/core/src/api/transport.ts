/**
 * What a shell must provide to talk to the BFF: axios in the PWA,
 * Taro.request in the mini-program, fetch or app.inject in tests.
 * A transport resolves for every HTTP status and rejects only when no
 * response arrived (network down, timeout).
 */
import type { HttpMethod } from './routes'

export interface TransportRequest {
  method: HttpMethod
  /** Path plus nothing else; the transport adds its base URL. */
  url: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  headers?: Record<string, string>
  timeoutMs?: number
}

export interface TransportResponse<T = unknown> {
  status: number
  data: T
  headers: Record<string, string | undefined>
}

export interface Transport {
  request<T = unknown>(req: TransportRequest): Promise<TransportResponse<T>>
}

/** Encodes a query object the same way in every transport. */
export function encodeQuery(query: TransportRequest['query']): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === '') continue
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}
