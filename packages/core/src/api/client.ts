/**
 * The typed BFF client both shells use. Every failure becomes an ApiError
 * carrying a problem with a Chinese title; nothing raw leaks to a page.
 */
import { ApiError, isProblem, makeProblem, type Problem } from './problems'
import { buildPath, type InputArgs, type InputOf, type ResponseOf, type RouteContract } from './contract/contract'
import { catalogueRoutes, type ItemGuide } from './catalogue/contracts'
import { ROUTES } from './routes'
import type {
  AccessLogEntry, AccessPurpose, AccountView, CitizenCard, ClientConfig, Consent, SendCodeResult, SessionResult, StaffSessionResult, StaffView,
} from './identity'
import type { DownloadResponse, Transport, TransportRequest, TransportResponse, UploadRequest } from './transport'
import type {
  ApprovalHandover, StaffClockView, StaffWarning, Licence, UploadedFile, UploadProgress, UploadSource,
} from './applications'
import type { CaseNotice, VerifyView } from './notices'

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
  clientConfig(): Promise<ClientConfig>
  sendSmsCode(phone: string): Promise<SendCodeResult>
  verifySmsCode(phone: string, code: string): Promise<SessionResult>
  /** The signed-in citizen, or null when not signed in. */
  me(): Promise<AccountView | null>
  wechatLogin(code: string): Promise<SessionResult>
  /** Binds the phone from getPhoneNumber; answers with a new session (the account may have been merged). */
  wechatPhone(code: string): Promise<SessionResult>
  updateProfile(profile: { name: string; idNumber: string }): Promise<AccountView>
  updateCompany(company: { name: string; creditCode: string }): Promise<AccountView>
  logout(): Promise<void>
  myAccessLog(): Promise<AccessLogEntry[]>
  myConsents(): Promise<Consent[]>
  requestConsent(residentPhone: string, itemCode: string): Promise<Consent>
  confirmConsent(id: string, code: string): Promise<Consent>
  agentConsents(): Promise<Consent[]>
  staffLogin(username: string, password: string): Promise<StaffSessionResult>
  /** The signed-in staff member, or null. */
  staffMe(): Promise<StaffView | null>
  /** The staff member has read the notice of failed sign-ins: it is not shown again. */
  dismissSignInFailures(): Promise<void>
  staffLogout(): Promise<void>
  staffFindCitizen(phone: string, purpose: AccessPurpose): Promise<CitizenCard>
  logoutOthers(): Promise<{ revoked: number }>
  /** Multipart upload of one material file; needs a transport with upload(). */
  uploadFile(file: UploadSource, options?: { materialId?: string; itemCode?: string; onProgress?: (p: UploadProgress) => void }): Promise<UploadedFile>
  deleteUpload(id: string): Promise<void>
  myLicences(): Promise<Licence[]>
  /** 代办: uploads a material as the resident's file. */
  agentUploadFile(consentId: string, file: UploadSource, options?: { materialId?: string; itemCode?: string; onProgress?: (p: UploadProgress) => void }): Promise<UploadedFile>
  /** 代办: the resident's e-licences of the kinds the consented item's form takes. */
  agentLicences(consentId: string): Promise<Licence[]>
  /** 黄牌/红牌 for this staff member's desk (all of them for supervisors), unread first. */
  staffWarnings(): Promise<StaffWarning[]>
  readStaffWarning(id: string): Promise<void>
  /** The clocks' settings today, and years whose holidays are not loaded. */
  staffClock(): Promise<StaffClockView>
  /** Cases not yet through to the approval system (APPROVAL_BACKEND=http): retrying or stopped. */
  approvalHandovers(): Promise<ApprovalHandover[]>
  /** Send a stopped handover again now. */
  retryApprovalHandover(id: string): Promise<void>
  /** The notices (PDF) the citizen's own case has, with their download addresses. */
  caseNotices(caseNo: string): Promise<CaseNotice[]>
  /** Workbench: the notices a case has. */
  staffCaseNotices(caseNo: string): Promise<CaseNotice[]>
  /**
   * A document the BFF serves (a notice's or a certificate's PDF, by the
   * address it gave) saved on the device; needs a transport with download().
   */
  downloadDocument(url: string): Promise<{ filePath: string }>
  /** 扫码核验: what the document of this verify id says (DOCUMENT_NOT_FOUND for a forged one). */
  verifyDocument(id: string): Promise<VerifyView>
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
    return { url, file, fields, onProgress: opts.onProgress, timeoutMs: 120_000 }
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
    async clientConfig() {
      return (await send<ClientConfig>({ method: 'GET', url: ROUTES.clientConfig.path })).data
    },
    async sendSmsCode(phone) {
      return (await send<SendCodeResult>({ method: 'POST', url: ROUTES.sendSmsCode.path, body: { phone } })).data
    },
    async verifySmsCode(phone, code) {
      return (await send<SessionResult>({ method: 'POST', url: ROUTES.verifySmsCode.path, body: { phone, code } })).data
    },
    async me() {
      const res = await send<AccountView>({ method: 'GET', url: ROUTES.me.path }, (s) => (s >= 200 && s < 300) || s === 401)
      return res.status === 401 ? null : res.data
    },
    async wechatLogin(code) {
      return (await send<SessionResult>({ method: 'POST', url: ROUTES.wechatLogin.path, body: { code } })).data
    },
    async wechatPhone(code) {
      return (await send<SessionResult>({ method: 'POST', url: ROUTES.wechatPhone.path, body: { code } })).data
    },
    async updateCompany(company) {
      return (await send<AccountView>({ method: 'PUT', url: ROUTES.updateCompany.path, body: company })).data
    },
    async updateProfile(profile) {
      return (await send<AccountView>({ method: 'PUT', url: ROUTES.updateProfile.path, body: profile })).data
    },
    async logout() {
      await send({ method: 'POST', url: ROUTES.logout.path }, (s) => (s >= 200 && s < 300) || s === 401)
    },
    async myConsents() {
      return (await send<Consent[]>({ method: 'GET', url: ROUTES.myConsents.path })).data
    },
    async requestConsent(residentPhone, itemCode) {
      return (await send<Consent>({ method: 'POST', url: ROUTES.requestConsent.path, body: { residentPhone, itemCode } })).data
    },
    async confirmConsent(id, code) {
      return (await send<Consent>({ method: 'POST', url: buildPath(ROUTES.confirmConsent.path, { id }), body: { code } })).data
    },
    async agentConsents() {
      return (await send<Consent[]>({ method: 'GET', url: ROUTES.agentConsents.path })).data
    },
    async myAccessLog() {
      return (await send<AccessLogEntry[]>({ method: 'GET', url: ROUTES.myAccessLog.path })).data
    },
    async staffLogin(username, password) {
      return (await send<StaffSessionResult>({ method: 'POST', url: ROUTES.staffLogin.path, body: { username, password } })).data
    },
    async staffMe() {
      const res = await send<StaffView>({ method: 'GET', url: ROUTES.staffMe.path }, (s) => (s >= 200 && s < 300) || s === 401)
      return res.status === 401 ? null : res.data
    },
    async dismissSignInFailures() {
      await send({ method: 'DELETE', url: ROUTES.dismissSignInFailures.path })
    },
    async staffLogout() {
      await send({ method: 'POST', url: ROUTES.staffLogout.path }, (s) => (s >= 200 && s < 300) || s === 401)
    },
    async staffFindCitizen(phone, purpose) {
      return (await send<CitizenCard>({ method: 'GET', url: ROUTES.staffFindCitizen.path, query: { phone, purpose } })).data
    },
    async logoutOthers() {
      return (await send<{ revoked: number }>({ method: 'POST', url: ROUTES.logoutOthers.path })).data
    },
    async uploadFile(file, opts = {}) {
      return (await sendUpload<UploadedFile>(uploadRequest(ROUTES.uploadFile.path, file, opts))).data
    },
    async agentUploadFile(consentId, file, opts = {}) {
      return (await sendUpload<UploadedFile>(uploadRequest(buildPath(ROUTES.agentUploadFile.path, { id: consentId }), file, opts))).data
    },
    async agentLicences(consentId) {
      return (await send<Licence[]>({ method: 'GET', url: buildPath(ROUTES.agentLicences.path, { id: consentId }) })).data
    },
    async staffWarnings() {
      return (await send<StaffWarning[]>({ method: 'GET', url: ROUTES.staffWarnings.path })).data
    },
    async staffClock() {
      return (await send<StaffClockView>({ method: 'GET', url: ROUTES.staffClock.path })).data
    },
    async readStaffWarning(id) {
      await send({ method: 'POST', url: buildPath(ROUTES.readStaffWarning.path, { id }) })
    },
    async approvalHandovers() {
      return (await send<ApprovalHandover[]>({ method: 'GET', url: ROUTES.approvalHandovers.path })).data
    },
    async retryApprovalHandover(id) {
      await send({ method: 'POST', url: buildPath(ROUTES.retryApprovalHandover.path, { id }) })
    },
    async deleteUpload(id) {
      await send({ method: 'DELETE', url: buildPath(ROUTES.deleteUpload.path, { id }) }, (s) => (s >= 200 && s < 300) || s === 404)
    },
    async myLicences() {
      return (await send<Licence[]>({ method: 'GET', url: ROUTES.myLicences.path })).data
    },
    async caseNotices(caseNo) {
      return (await send<CaseNotice[]>({ method: 'GET', url: buildPath(ROUTES.caseNotices.path, { caseNo }) })).data
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
    async staffCaseNotices(caseNo) {
      return (await send<CaseNotice[]>({ method: 'GET', url: buildPath(ROUTES.staffCaseNotices.path, { caseNo }) })).data
    },
    async verifyDocument(id) {
      return (await send<VerifyView>({ method: 'GET', url: buildPath(ROUTES.verifyDocument.path, { id }) })).data
    },
  }
}
