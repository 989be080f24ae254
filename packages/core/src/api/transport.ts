/**
 * What a shell must provide to talk to the BFF: axios in the PWA,
 * Taro.request in the mini-program, fetch or app.inject in tests.
 * A transport resolves for every HTTP status and rejects only when no
 * response arrived (network down, timeout).
 */
import type { HttpMethod } from './contract/contract'
import type { UploadProgress, UploadSource } from './uploads/contracts'

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

/** A multipart upload: the file as part `file`, plus plain text fields. */
export interface UploadRequest {
  url: string
  file: UploadSource
  fields?: Record<string, string>
  headers?: Record<string, string>
  onProgress?: (p: UploadProgress) => void
  timeoutMs?: number
}

/** A GET whose body is kept as a file on the device (a PDF to open with the phone's viewer). */
export interface DownloadRequest {
  url: string
  headers?: Record<string, string>
  timeoutMs?: number
}

/** Where the body was saved, and the status it came with (a 404's body is saved too, and means nothing). */
export interface DownloadResponse {
  status: number
  filePath: string
}

export interface Transport {
  request<T = unknown>(req: TransportRequest): Promise<TransportResponse<T>>
  /** Multipart upload with progress; resolves for every status like request(). */
  upload?<T = unknown>(req: UploadRequest): Promise<TransportResponse<T>>
  /** Saves a GET's body to a file; resolves for every status like request(). */
  download?(req: DownloadRequest): Promise<DownloadResponse>
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
