/**
 * The WeChat mini-program connector: login (code2Session), phone number,
 * the access_token cache, and the local fake API server (tests and the
 * embedded default start the fake). Subscribe messages join client.ts next.
 */
export { WECHAT_RETRYABLE, TOKEN_ERRCODES, mapErrcode, wechatFailure, type WechatErrorCode, type WechatFailure } from './errors';
export { TOKEN_REFRESH_MARGIN_S, createWechatClient, readWechatAnswer, type WechatClient, type WechatClientConfig, type WechatPhoneResult, type WechatSessionResult, type WechatTokenResult, } from './client';
export { startFakeWechatServer, type FakeWechatServer, type FakeWechatServerOptions } from './fake-server';
