/**
 * What a WeChat call can come back with when it is refused: our own small
 * set of codes, each with a fixed "worth another try?" answer, and the one
 * table that maps WeChat's numeric errcode onto them. WeChat's return codes
 * are global (40029 is "invalid code" on every endpoint), so one table serves
 * code2Session, getPhoneNumber and subscribe messages; a new API adds
 * its codes here rather than in its own method.
 */

export type WechatErrorCode =
  | 'invalid_code'
  | 'code_used'
  | 'user_blocked'
  | 'rate_limited'
  | 'invalid_openid'
  | 'invalid_template'
  | 'not_subscribed'
  | 'invalid_data'
  | 'invalid_page'
  | 'invalid_argument'
  | 'busy'
  | 'auth_failed'
  | 'network'
  | 'unknown'

export type WechatFailure = {
  ok: false
  code: WechatErrorCode
  /** WeChat's own errcode, when WeChat answered with one. */
  errcode?: number
  retryable: boolean
  message: string
}

/**
 * Worth another try later? Only when WeChat itself says it is busy (-1) or
 * never answered. A refused code stays refused; the per-user limit (45011,
 * 100 code2Session calls a minute) only lifts after the minute, and retrying
 * sooner just extends it.
 */
export const WECHAT_RETRYABLE: Readonly<Record<WechatErrorCode, boolean>> = {
  invalid_code: false,
  code_used: false,
  user_blocked: false,
  rate_limited: false,
  invalid_openid: false,
  invalid_template: false,
  not_subscribed: false,
  invalid_data: false,
  invalid_page: false,
  invalid_argument: false,
  busy: true,
  auth_failed: false,
  network: true,
  unknown: false,
}

/** WeChat errcode → our code; anything not listed is `unknown`. */
const ERRCODE_MAP: ReadonlyMap<number, WechatErrorCode> = new Map<number, WechatErrorCode>([
  [-1, 'busy'], // system error, 系统繁忙
  [40029, 'invalid_code'], // invalid code: unknown, expired, or for another appid
  [40163, 'code_used'], // code been used
  [40226, 'user_blocked'], // code blocked: high-risk user, login refused by WeChat
  [45011, 'rate_limited'], // api minute-quota reach limit
  [45009, 'rate_limited'], // api daily quota reached (token endpoints, subscribe/send)
  // Subscribe messages (POST /cgi-bin/message/subscribe/send):
  [40003, 'invalid_openid'], // touser empty, unknown, or an openid of another appid
  [40037, 'invalid_template'], // template_id empty, unknown, or not this app's
  [43101, 'not_subscribed'], // user refused or unsubscribed, or the one-time acceptance is used up
  [47003, 'invalid_data'], // a keyword value against its type's rules; errmsg names it (data.thing1.value)
  [41030, 'invalid_page'], // page not in the released version
  // 小程序码 (POST /wxa/getwxacodeunlimit):
  [40169, 'invalid_argument'], // scene too long, or the body not JSON
  [40129, 'invalid_argument'], // scene with a character WeChat refuses
  [47001, 'invalid_argument'], // body format
  [40013, 'auth_failed'], // invalid appid
  [40125, 'auth_failed'], // invalid appsecret
  [40164, 'auth_failed'], // caller IP not in the API IP whitelist
  // Token errors: only reach this table when a fresh token is refused too.
  [40001, 'auth_failed'], // invalid credential, access_token is invalid or not latest
  [40014, 'auth_failed'], // invalid access_token
  [42001, 'auth_failed'], // access_token expired
])

/** Answers meaning "this access_token is no good": refresh once and retry. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001])

export function wechatFailure(code: WechatErrorCode, message: string, errcode?: number): WechatFailure {
  return errcode === undefined ? { ok: false, code, retryable: WECHAT_RETRYABLE[code], message } : { ok: false, code, errcode, retryable: WECHAT_RETRYABLE[code], message }
}

export function mapErrcode(errcode: number, errmsg: string): WechatFailure {
  return wechatFailure(ERRCODE_MAP.get(errcode) ?? 'unknown', `${errcode}: ${errmsg}`.trim(), errcode)
}
