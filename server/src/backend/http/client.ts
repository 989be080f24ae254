/**
 * Our side of the approval system's API: hand over an accepted case. The
 * answer says whether it is through, worth trying again (408, 429, 5xx, no
 * answer) or refused for good (any other 4xx, or a 2xx without an id).
 */
import { exchangeJson } from '../../connectors/http'
import type { HandoverCase } from './contract'

export type HandoverResult =
  | { ok: true; externalId: string }
  | { ok: false; retry: boolean; error: string }

export interface ApprovalClient {
  handover(c: HandoverCase): Promise<HandoverResult>
}

export function createApprovalClient(opts: { baseUrl: string; token: string; timeoutMs?: number; fetch?: typeof fetch }): ApprovalClient {
  const timeoutMs = opts.timeoutMs ?? 10_000
  const base = opts.baseUrl.replace(/\/+$/, '')
  return {
    async handover(c) {
      const headers = { authorization: `Bearer ${opts.token}`, 'idempotency-key': c.caseNo }
      const res = await exchangeJson(opts.fetch ?? fetch, `${base}/cases`, { method: 'POST', body: c, headers }, timeoutMs)
      if (!res.ok) return { ok: false, retry: true, error: res.reason }
      const body = res.body as { externalId?: unknown; title?: unknown; detail?: unknown } | undefined
      if (res.status === 200 || res.status === 201) {
        if (typeof body?.externalId === 'string' && body.externalId) return { ok: true, externalId: body.externalId }
        return { ok: false, retry: false, error: `answered ${res.status} without an externalId` }
      }
      const said = [body?.title, body?.detail].filter((x) => typeof x === 'string').join(': ')
      const error = `answered ${res.status}${said ? ` (${said})` : ''}`
      return { ok: false, retry: res.status === 408 || res.status === 429 || res.status >= 500, error }
    },
  }
}
