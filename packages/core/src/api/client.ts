/**
 * The typed BFF client both shells use. Every failure becomes an ApiError
 * carrying a problem with a Chinese title; nothing raw leaks to a page.
 */
import type { Department, Hall } from '../catalogue/types'
import { ApiError, isProblem, makeProblem, type Problem } from './problems'
import { buildPath, ROUTES, type CatalogueSnapshot, type ItemGuide, type ItemListQuery, type ItemPage } from './routes'
import type { Transport, TransportRequest, TransportResponse } from './transport'

export type GuideResult =
  | { notModified: false; item: ItemGuide; etag: string | undefined }
  | { notModified: true }

export interface ApiClient {
  listItems(query?: ItemListQuery): Promise<ItemPage>
  catalogue(): Promise<CatalogueSnapshot>
  getItem(code: string, etag?: string): Promise<GuideResult>
  listHalls(): Promise<Hall[]>
  listDepartments(): Promise<Department[]>
}

function toProblem(res: TransportResponse): Problem {
  if (isProblem(res.data)) return res.data
  if (res.status === 404) return makeProblem('NOT_FOUND')
  if (res.status === 429) return makeProblem('RATE_LIMITED')
  if (res.status >= 500) return makeProblem('INTERNAL', { status: res.status })
  return makeProblem('BAD_REQUEST', { status: res.status })
}

export function createApiClient(transport: Transport): ApiClient {
  async function send<T>(req: TransportRequest, ok: (s: number) => boolean = (s) => s >= 200 && s < 300): Promise<TransportResponse<T>> {
    let res: TransportResponse<T>
    try {
      res = await transport.request<T>(req)
    } catch (e) {
      if (e instanceof ApiError) throw e
      throw new ApiError(makeProblem('NETWORK', { detail: e instanceof Error ? e.message : String(e) }))
    }
    if (!ok(res.status)) throw new ApiError(toProblem(res))
    return res
  }

  return {
    async listItems(query = {}) {
      const res = await send<ItemPage>({ method: 'GET', url: ROUTES.listItems.path, query: { ...query } })
      return res.data
    },
    async catalogue() {
      return (await send<CatalogueSnapshot>({ method: 'GET', url: ROUTES.catalogue.path })).data
    },
    async getItem(code, etag) {
      const res = await send<ItemGuide>(
        {
          method: 'GET',
          url: buildPath(ROUTES.getItem.path, { code }),
          headers: etag ? { 'If-None-Match': etag } : undefined,
        },
        (s) => (s >= 200 && s < 300) || s === 304,
      )
      if (res.status === 304) return { notModified: true }
      return { notModified: false, item: res.data, etag: res.headers['etag'] }
    },
    async listHalls() {
      return (await send<Hall[]>({ method: 'GET', url: ROUTES.listHalls.path })).data
    },
    async listDepartments() {
      return (await send<Department[]>({ method: 'GET', url: ROUTES.listDepartments.path })).data
    },
  }
}
