/**
 * The typed BFF client both shells use. Every failure becomes an ApiError
 * carrying a problem with a Chinese title; nothing raw leaks to a page.
 */
import { ApiError, isProblem, makeProblem, type Problem } from './problems'
import { buildPath, type InputArgs, type InputOf, type ResponseOf, type RouteContract } from './contract/contract'
import { catalogueRoutes, type ItemGuide } from './catalogue/contracts'
import { uploadsRoutes, type UploadedFile, type UploadProgress, type UploadSource } from './uploads/contracts'
import { ROUTES } from './routes'
import { identityRoutes, type AccountView } from './identity/contracts'
import { staffSessionRoutes, type StaffView } from './staff/session'
import type { DownloadResponse, Transport, TransportRequest, TransportResponse, UploadRequest } from './transport'
import type {
  CaseDetail, CaseSummary, DraftRecord, PublicCaseView, ResubmitCaseBody, StaffCaseDetail, StaffCaseSummary, SubmitCaseBody,
} from './applications'
import type { CaseEventBody } from '../cases/machine'

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
  /** Deletes an upload (API.uploads.delete); one already gone counts as deleted. */
  deleteUpload(id: string): Promise<void>
  myDrafts(): Promise<DraftRecord[]>
  saveDraft(draft: DraftRecord): Promise<DraftRecord>
  deleteDraft(itemCode: string): Promise<void>
  /**
   * Submits once: the same key always answers with the same case, however
   * often it is sent (double taps, retries after a timeout, queued replays).
   */
  submitCase(body: SubmitCaseBody, idempotencyKey: string): Promise<CaseDetail>
  myCases(): Promise<CaseSummary[]>
  getCase(caseNo: string): Promise<CaseDetail>
  /** 代办: submits for the resident of a granted consent (body.agentConsentId); exactly once per key. */
  agentSubmitCase(body: SubmitCaseBody, idempotencyKey: string): Promise<CaseDetail>
  /** 代办: uploads a material as the resident's file (API.uploads.agentUpload), with its progress. */
  agentUploadFile(consentId: string, file: UploadSource, options?: { materialId?: string; itemCode?: string; onProgress?: (p: UploadProgress) => void }): Promise<UploadedFile>
  /** 办件查询 without signing in: case number + the applicant phone's last 4 digits. */
  publicQuery(caseNo: string, phone4: string): Promise<PublicCaseView>
  /** 补正后重新提交: the corrected form, on the version the supplement request left. */
  resubmitCase(caseNo: string, body: ResubmitCaseBody): Promise<CaseDetail>
  /** 撤回 before acceptance. */
  withdrawCase(caseNo: string, version: number, reason?: string): Promise<CaseDetail>
  /** Workbench: the cases this staff member works on, reddest first, a page (STAFF_QUEUE_PAGE) from `offset`. */
  staffCases(offset?: number): Promise<StaffCaseSummary[]>
  staffCase(caseNo: string): Promise<StaffCaseDetail>
  /** One action on a case, taken on `version` (a newer case answers CASE_CHANGED). */
  staffCaseEvent(caseNo: string, body: CaseEventBody & { version: number; note?: string }): Promise<StaffCaseDetail>
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
    async publicQuery(caseNo, phone4) {
      return (await send<PublicCaseView>({ method: 'GET', url: ROUTES.publicQuery.path, query: { caseNo, phone4 } })).data
    },
    async resubmitCase(caseNo, body) {
      return (await send<CaseDetail>({ method: 'POST', url: buildPath(ROUTES.resubmitCase.path, { caseNo }), body })).data
    },
    async withdrawCase(caseNo, version, reason) {
      return (await send<CaseDetail>({ method: 'POST', url: buildPath(ROUTES.withdrawCase.path, { caseNo }), body: { version, ...(reason ? { reason } : {}) } })).data
    },
    async staffCases(offset = 0) {
      return (await send<StaffCaseSummary[]>({ method: 'GET', url: ROUTES.staffCases.path, query: offset ? { offset: String(offset) } : {} })).data
    },
    async staffCase(caseNo) {
      return (await send<StaffCaseDetail>({ method: 'GET', url: buildPath(ROUTES.staffCase.path, { caseNo }) })).data
    },
    async staffCaseEvent(caseNo, body) {
      return (await send<StaffCaseDetail>({ method: 'POST', url: buildPath(ROUTES.staffCaseEvent.path, { caseNo }), body })).data
    },
    async agentSubmitCase(body, idempotencyKey) {
      return (await send<CaseDetail>({ method: 'POST', url: ROUTES.agentSubmitCase.path, body, headers: { 'Idempotency-Key': idempotencyKey }, timeoutMs: 30_000 })).data
    },
    async deleteUpload(id) {
      await send({ method: uploadsRoutes.delete.method, url: buildPath(uploadsRoutes.delete.path, { id }) }, (s) => (s >= 200 && s < 300) || s === 404)
    },
    async myDrafts() {
      return (await send<DraftRecord[]>({ method: 'GET', url: ROUTES.myDrafts.path })).data
    },
    async saveDraft(draft) {
      const { itemCode, ...body } = draft
      return (await send<DraftRecord>({ method: 'PUT', url: buildPath(ROUTES.saveDraft.path, { code: itemCode }), body })).data
    },
    async deleteDraft(itemCode) {
      await send({ method: 'DELETE', url: buildPath(ROUTES.deleteDraft.path, { code: itemCode }) }, (s) => (s >= 200 && s < 300) || s === 404)
    },
    async submitCase(body, idempotencyKey) {
      return (await send<CaseDetail>({ method: 'POST', url: ROUTES.submitCase.path, body, headers: { 'Idempotency-Key': idempotencyKey }, timeoutMs: 30_000 })).data
    },
    async myCases() {
      return (await send<CaseSummary[]>({ method: 'GET', url: ROUTES.myCases.path })).data
    },
    async getCase(caseNo) {
      return (await send<CaseDetail>({ method: 'GET', url: buildPath(ROUTES.getCase.path, { caseNo }) })).data
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
