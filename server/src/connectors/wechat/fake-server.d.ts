export interface FakeWechatServerOptions {
    port?: number;
    /** Default: a random `wx…` appid and 32-hex secret; read them back from the handle. */
    appId?: string;
    appSecret?: string;
    /** code2Session calls allowed per openid in any 60 s. Default 100 (WeChat's documented limit). */
    loginLimitPerMinute?: number;
    /** The fake's clock (ms): code lifetimes, token expiry, the rate window. */
    now?: () => number;
}
export interface FakeWechatServer {
    url: string;
    appId: string;
    appSecret: string;
    /** A js_code (as from wx.login) that code2Session accepts once. */
    issueLoginCode(openid: string, unionid?: string): string;
    /** A code (as from a getPhoneNumber button) for this number, accepted once. */
    issuePhoneCode(phone: string, countryCode?: string): string;
    /** The next n requests, whatever they are, answer `errcode` (default -1, system error). */
    failNext(n: number, errcode?: number): void;
    /** Requests received at /cgi-bin/stable_token. */
    tokenRequests(): number;
    /** Every token issued so far expires now: using one answers 42001, the next token request gets a new one. */
    expireTokens(): void;
    close(): Promise<void>;
}
export declare function startFakeWechatServer(opts?: FakeWechatServerOptions): Promise<FakeWechatServer>;
