/**
 * The one way connectors call an outside HTTP API: a timeout on the whole
 * exchange, the body read as JSON when it is JSON (undefined otherwise), and
 * a failure to get any answer turned into a readable reason, never thrown.
 */
export type JsonExchange =
  | { ok: true; status: number; body: unknown }
  | { ok: false; reason: string }

export function describeFetchError(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return `no answer within ${timeoutMs} ms`
  const cause = e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : ''
  const base = e instanceof Error ? e.message : String(e)
  return detail ? `${base} (${detail})` : base
}

export async function exchangeJson(
  doFetch: typeof fetch,
  url: string,
  init: { method: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> },
  timeoutMs: number,
): Promise<JsonExchange> {
  let status: number
  let text: string
  try {
    const res = await doFetch(url, {
      method: init.method,
      headers: { ...init.headers, ...(init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(timeoutMs),
    })
    status = res.status
    text = await res.text()
  } catch (e) {
    return { ok: false, reason: describeFetchError(e, timeoutMs) }
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  return { ok: true, status, body }
}
