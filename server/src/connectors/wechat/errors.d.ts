/**
 * What a WeChat call can come back with when it is refused: our own small
 * set of codes, each with a fixed "worth another try?" answer, and the one
 * table that maps WeChat's numeric errcode onto them. WeChat's return codes
 * are global (40029 is "invalid code" on every endpoint), so one table serves
 * code2Session, getPhoneNumber and, later, subscribe messages; a new API adds
 * its codes here rather than in its own method.
 */
export type WechatErrorCode = 'invalid_code' | 'code_used' | 'user_blocked' | 'rate_limited' | 'busy' | 'auth_failed' | 'network' | 'unknown';
export type WechatFailure = {
    ok: false;
    code: WechatErrorCode;
    /** WeChat's own errcode, when WeChat answered with one. */
    errcode?: number;
    retryable: boolean;
    message: string;
};
/**
 * Worth another try later? Only when WeChat itself says it is busy (-1) or
 * never answered. A refused code stays refused; the per-user limit (45011,
 * 100 code2Session calls a minute) only lifts after the minute, and retrying
 * sooner just extends it.
 */
export declare const WECHAT_RETRYABLE: Readonly<Record<WechatErrorCode, boolean>>;
/** Answers meaning "this access_token is no good": refresh once and retry. */
export declare const TOKEN_ERRCODES: ReadonlySet<number>;
export declare function wechatFailure(code: WechatErrorCode, message: string, errcode?: number): WechatFailure;
export declare function mapErrcode(errcode: number, errmsg: string): WechatFailure;
