/**
 * The one way connectors call an outside HTTP API: a timeout on the whole
 * exchange, the body read as JSON when it is JSON (undefined otherwise; or as
 * text with the headers, `exchange`), and
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
  const res = await exchange(doFetch, url, {
    method: init.method,
    headers: { ...init.headers, ...(init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  }, timeoutMs)
  if (!res.ok) return res
  let body: unknown
  try {
    body = JSON.parse(res.text)
  } catch {
    body = undefined
  }
  return { ok: true, status: res.status, body }
}

export type Exchange =
  | { ok: true; status: number; headers: Headers; text: string }
  | { ok: false; reason: string }

/** One request whose answer may be bytes (an image) or a JSON error: the answer's bytes with its headers. */
export async function exchangeBytes(
  doFetch: typeof fetch,
  url: string,
  init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> },
  timeoutMs: number,
): Promise<{ ok: true; status: number; headers: Headers; bytes: Buffer } | { ok: false; reason: string }> {
  try {
    const res = await doFetch(url, { method: init.method, headers: init.headers, body: init.body, signal: AbortSignal.timeout(timeoutMs) })
    return { ok: true, status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
  } catch (e) {
    return { ok: false, reason: describeFetchError(e, timeoutMs) }
  }
}

/** One request with a body of any kind (a Web Push message's encrypted bytes); the answer as text with its headers. */
export async function exchange(
  doFetch: typeof fetch,
  url: string,
  init: { method: 'GET' | 'POST'; body?: string | Uint8Array; headers?: Record<string, string> },
  timeoutMs: number,
): Promise<Exchange> {
  try {
    const res = await doFetch(url, { method: init.method, headers: init.headers, body: init.body, signal: AbortSignal.timeout(timeoutMs) })
    return { ok: true, status: res.status, headers: res.headers, text: await res.text() }
  } catch (e) {
    return { ok: false, reason: describeFetchError(e, timeoutMs) }
  }
}
