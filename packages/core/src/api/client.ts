/**
 * The typed BFF client both shells use. Every failure becomes an ApiError
 * carrying a problem with a Chinese title; nothing raw leaks to a page.
 */
import { ApiError, isProblem, makeProblem, type Problem } from './problems'
import { buildPath, type InputArgs, type InputOf, type ResponseOf, type RouteContract } from './contract/contract'
import { catalogueRoutes, type ItemGuide } from './catalogue/contracts'
import { uploadsRoutes, type UploadedFile, type UploadProgress, type UploadSource } from './uploads/contracts'
import { noticesRoutes, type VerifyFileResult } from './notices/contracts'
import { identityRoutes, type AccountView } from './identity/contracts'
import { staffSessionRoutes, type StaffView } from './staff/session'
import type { DownloadResponse, Transport, TransportRequest, TransportResponse, UploadRequest } from './transport'

export type GuideResult =
  | { notModified: false; item: ItemGuide; etag: string | undefined }
  | { notModified: true }

export interface ApiClient {
  /**
   * Any route by its contract (api/areas.ts: `API.catalogue.listItems`),
   * with the params, query, headers and body it declares; answers with the
   * body it declares, or throws an ApiError for anything but a 2xx.
   */
  call<C extends RouteContract>(contract: C, ...input: InputArgs<C>): Promise<ResponseOf<C>>
  /** A guide, or "not modified" when `etag` is still its tag. */
  getItem(code: string, etag?: string): Promise<GuideResult>
  /** The signed-in citizen, or null when not signed in. */
  me(): Promise<AccountView | null>
  /** Signs out; an already ended session (401) is signed out too. */
  logout(): Promise<void>
  /** The signed-in staff member, or null. */
  staffMe(): Promise<StaffView | null>
  /** Signs the staff member out; an already ended session (401) is signed out too. */
  staffLogout(): Promise<void>
  /** Multipart upload of one material file (API.uploads.upload), with its progress; needs a transport with upload(). */
  uploadFile(file: UploadSource, options?: { materialId?: string; itemCode?: string; onProgress?: (p: UploadProgress) => void }): Promise<UploadedFile>
  /** 代办: uploads a material as the resident's file (API.uploads.agentUpload). */
  agentUploadFile(consentId: string, file: UploadSource, options?: { materialId?: string; itemCode?: string; onProgress?: (p: UploadProgress) => void }): Promise<UploadedFile>
  /** Deletes an upload (API.uploads.delete); one already gone counts as deleted. */
  deleteUpload(id: string): Promise<void>
  /** A PDF checked against the document `id` (API.notices.verifyFile): the bytes as the body, sent as application/pdf. */
  verifyDocumentFile(id: string, pdf: unknown): Promise<VerifyFileResult>
  /**
   * A document the BFF serves (a notice's or a certificate's PDF, by the
   * address it gave) saved on the device; needs a transport with download().
   */
  downloadDocument(url: string): Promise<{ filePath: string }>
}

export interface ApiClientOptions {
  /** Bearer token to send (the mini-program); the PWA relies on its HttpOnly cookie instead. */
  token?: () => string | null | Promise<string | null>
}

function toProblem(res: TransportResponse): Problem {
  if (isProblem(res.data)) return res.data
  if (res.status === 401) return makeProblem('UNAUTHENTICATED')
  if (res.status === 404) return makeProblem('NOT_FOUND')
  if (res.status === 429) return makeProblem('RATE_LIMITED')
  if (res.status >= 500) return makeProblem('INTERNAL', { status: res.status })
  return makeProblem('BAD_REQUEST', { status: res.status })
}

export function createApiClient(transport: Transport, options: ApiClientOptions = {}): ApiClient {
  /** The session's Authorization header, or null when signed out. */
  async function bearer(): Promise<{ Authorization: string } | null> {
    const token = options.token ? await options.token() : null
    return token ? { Authorization: `Bearer ${token}` } : null
  }

  async function send<T>(req: TransportRequest, ok: (s: number) => boolean = (s) => s >= 200 && s < 300): Promise<TransportResponse<T>> {
    let res: TransportResponse<T>
    try {
      const auth = await bearer()
      if (auth) req = { ...req, headers: { ...req.headers, ...auth } }
      res = await transport.request<T>(req)
    } catch (e) {
      if (e instanceof ApiError) throw e
      throw new ApiError(makeProblem('NETWORK', { detail: e instanceof Error ? e.message : String(e) }))
    }
    if (!ok(res.status)) throw new ApiError(toProblem(res))
    return res
  }

  function uploadRequest(url: string, file: UploadSource, opts: { materialId?: string; itemCode?: string; onProgress?: (p: UploadProgress) => void }): UploadRequest {
    const fields: Record<string, string> = {}
    if (opts.materialId) fields['materialId'] = opts.materialId
    if (opts.itemCode) fields['itemCode'] = opts.itemCode
    return { url, file, fields, onProgress: opts.onProgress, timeoutMs: uploadsRoutes.upload.timeoutMs }
  }

  async function sendUpload<T>(req: UploadRequest): Promise<TransportResponse<T>> {
    if (!transport.upload) throw new ApiError(makeProblem('INTERNAL', { detail: 'this transport cannot upload files' }))
    let res: TransportResponse<T>
    try {
      const auth = await bearer()
      if (auth) req = { ...req, headers: { ...req.headers, ...auth } }
      res = await transport.upload<T>(req)
    } catch (e) {
      if (e instanceof ApiError) throw e
      throw new ApiError(makeProblem('NETWORK', { detail: e instanceof Error ? e.message : String(e) }))
    }
    if (res.status < 200 || res.status >= 300) throw new ApiError(toProblem(res))
    return res
  }

  return {
    async call<C extends RouteContract>(contract: C, ...[input]: InputArgs<C>): Promise<ResponseOf<C>> {
      const { params, query, headers, body } = (input ?? {}) as InputOf<RouteContract> & { params?: Record<string, string>; query?: Record<string, string | number | undefined>; headers?: Record<string, string> }
      const res = await send<ResponseOf<C>>({
        method: contract.method,
        url: buildPath(contract.path, params),
        ...(query ? { query: { ...query } } : {}),
        ...(headers ? { headers } : {}),
        ...(body !== undefined ? { body } : {}),
        ...(contract.timeoutMs ? { timeoutMs: contract.timeoutMs } : {}),
      })
      return res.data
    },
    async getItem(code, etag) {
      const res = await send<ItemGuide>(
        {
          method: 'GET',
          url: buildPath(catalogueRoutes.guide.path, { code }),
          headers: etag ? { 'If-None-Match': etag } : undefined,
        },
        (s) => (s >= 200 && s < 300) || s === 304,
      )
      if (res.status === 304) return { notModified: true }
      return { notModified: false, item: res.data, etag: res.headers['etag'] }
    },
    async me() {
      const res = await send<AccountView>({ method: 'GET', url: identityRoutes.me.path }, (s) => (s >= 200 && s < 300) || s === 401)
      return res.status === 401 ? null : res.data
    },
    async logout() {
      await send({ method: 'POST', url: identityRoutes.logout.path }, (s) => (s >= 200 && s < 300) || s === 401)
    },
    async staffMe() {
      const res = await send<StaffView>({ method: 'GET', url: staffSessionRoutes.me.path }, (s) => (s >= 200 && s < 300) || s === 401)
      return res.status === 401 ? null : res.data
    },
    async staffLogout() {
      await send({ method: 'POST', url: staffSessionRoutes.logout.path }, (s) => (s >= 200 && s < 300) || s === 401)
    },
    async uploadFile(file, opts = {}) {
      return (await sendUpload<UploadedFile>(uploadRequest(uploadsRoutes.upload.path, file, opts))).data
    },
    async agentUploadFile(consentId, file, opts = {}) {
      return (await sendUpload<UploadedFile>(uploadRequest(buildPath(uploadsRoutes.agentUpload.path, { id: consentId }), file, opts))).data
    },
    async deleteUpload(id) {
      await send({ method: uploadsRoutes.delete.method, url: buildPath(uploadsRoutes.delete.path, { id }) }, (s) => (s >= 200 && s < 300) || s === 404)
    },
    async verifyDocumentFile(id, pdf) {
      const route = noticesRoutes.verifyFile
      return (await send<VerifyFileResult>({ method: route.method, url: buildPath(route.path, { id }), body: pdf, headers: { 'Content-Type': 'application/pdf' } })).data
    },
    async downloadDocument(url) {
      if (!transport.download) throw new ApiError(makeProblem('INTERNAL', { detail: 'this transport cannot save files' }))
      // Only the BFF's own addresses: a token never goes anywhere else.
      if (!url.startsWith('/api/')) throw new ApiError(makeProblem('BAD_REQUEST', { detail: `not a BFF address: ${url}` }))
      let res: DownloadResponse
      try {
        res = await transport.download({ url, headers: (await bearer()) ?? {}, timeoutMs: 60_000 })
      } catch (e) {
        throw new ApiError(makeProblem('NETWORK', { detail: e instanceof Error ? e.message : String(e) }))
      }
      if (res.status < 200 || res.status >= 300) throw new ApiError(toProblem({ status: res.status, data: null, headers: {} }))
      return { filePath: res.filePath }
    },
  }
}
