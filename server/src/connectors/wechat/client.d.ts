/**
 * WeChat mini-program server API (api.weixin.qq.com): login (code2Session),
 * the phone number behind a getPhoneNumber button, and the access_token that
 * every API but login needs. Owns the token cache, the HTTP plumbing
 * (timeout, JSON, errcode) and the reading of WeChat's answers; the errcode
 * → WechatErrorCode table lives in errors.ts. Failures come back as values.
 *
 * access_token comes from getStableAccessToken (POST /cgi-bin/stable_token,
 * normal mode), which WeChat recommends over GET /cgi-bin/token: fetching a
 * token there does not invalidate the one other holders are using (each BFF
 * instance keeps its own cache; with /cgi-bin/token every refresh on one
 * instance would knock out the others' tokens), and its quota is 10 000 calls
 * a minute instead of 2 000 a day. In normal mode the platform renews the
 * token 5 minutes before it expires, so we cache it until then. Force-refresh
 * mode (20 a day, invalidates everyone's token) is never used.
 *
 * Token handling: one request at a time (concurrent callers share it), cached
 * until 5 minutes before `expires_in`; a call refused with 40001/40014/42001
 * drops that token, fetches one and is retried once. If a refresh fails while
 * the old token has not yet expired, the old one is used.
 *
 * To add an API that needs a token (sendSubscribeMessage next): call
 * `postWithToken(path, body)` and read the success body; its errcodes go into
 * errors.ts. The AppSecret and tokens never appear in a returned message.
 */
import { type WechatFailure } from './errors';
export interface WechatClientConfig {
    /** `https://api.weixin.qq.com` in production; the fake's url in tests. */
    baseUrl: string;
    appId: string;
    appSecret: string;
    /** Per HTTP request, body included. Default 10 s. */
    timeoutMs?: number;
    fetch?: typeof fetch;
    /** Clock (ms) for the token cache. Tests move it. */
    now?: () => number;
}
export type WechatSessionResult = {
    ok: true;
    openid: string;
    unionid?: string;
    sessionKey: string;
} | WechatFailure;
export type WechatPhoneResult = {
    ok: true;
    phone: string;
    countryCode: string;
} | WechatFailure;
/** `expiresAt`: when WeChat stops accepting the token, on the client's clock (ms). */
export type WechatTokenResult = {
    ok: true;
    token: string;
    expiresAt: number;
} | WechatFailure;
export interface WechatClient {
    /** wx.login code → openid (+ unionid when bound to an Open Platform account) and session_key. */
    code2Session(jsCode: string): Promise<WechatSessionResult>;
    /** getPhoneNumber button code → the phone number without country code, and the country code. */
    phoneNumber(code: string): Promise<WechatPhoneResult>;
    accessToken(): Promise<WechatTokenResult>;
}
/** Refresh this long before expiry: the platform renews stable tokens 5 min early. */
export declare const TOKEN_REFRESH_MARGIN_S = 300;
type Json = Record<string, unknown>;
type Answer = {
    ok: true;
    body: Json;
} | WechatFailure;
/**
 * Pure: HTTP status and parsed body (undefined if not JSON) → the body, or a
 * failure. WeChat answers HTTP 200 with `errcode`/`errmsg` for refusals, and
 * leaves errcode out (or sends 0) on success.
 */
export declare function readWechatAnswer(status: number, body: unknown): Answer;
export declare function createWechatClient(config: WechatClientConfig): WechatClient;
export {};
