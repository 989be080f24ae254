/**
 * The one way connectors call an outside HTTP API: a timeout on the whole
 * exchange, the body read as JSON when it is JSON (undefined otherwise), and
 * a failure to get any answer turned into a readable reason, never thrown.
 */
export type JsonExchange = {
    ok: true;
    status: number;
    body: unknown;
} | {
    ok: false;
    reason: string;
};
export declare function describeFetchError(e: unknown, timeoutMs: number): string;
export declare function exchangeJson(doFetch: typeof fetch, url: string, init: {
    method: 'GET' | 'POST';
    body?: unknown;
    headers?: Record<string, string>;
}, timeoutMs: number): Promise<JsonExchange>;
