/**
 * The WeChat mini-program connector: login (code2Session), phone number,
 * the access_token cache, and the local fake API server (tests and the
 * embedded default start the fake), and subscribe messages.
 */
export { WECHAT_RETRYABLE, TOKEN_ERRCODES, mapErrcode, wechatFailure, type WechatErrorCode, type WechatFailure } from './errors'
export {
  TOKEN_REFRESH_MARGIN_S,
  createWechatClient,
  readWechatAnswer,
  type WechatClient,
  type WechatClientConfig,
  type SubscribeMessage,
  type WechatSendResult,
  type WechatPhoneResult,
  type WechatSessionResult,
  type WechatTokenResult,
} from './client'
export { startFakeWechatServer, type FakeWechatServer, type FakeWechatServerOptions } from './fake-server'
export { fakeAcceptsValue, type AcceptedMessage, type FakeTemplate } from './fake-subscribe'
