/**
 * The SMS connector: the provider contract, the Alibaba Cloud client and
 * its local fake (tests and the embedded default start the fake).
 */
export { SMS_RETRYABLE, smsFailure, type SmsErrorCode, type SmsMessage, type SmsProvider, type SmsSendResult, type SmsTemplate } from './provider'
export {
  ALIYUN_SMS_VERSION,
  canonicalQuery,
  createAliyunSms,
  mapAliyunResponse,
  percentEncode,
  rpcSignature,
  rpcTimestamp,
  stringToSign,
  type AliyunSmsConfig,
} from './aliyun'
export { FAKE_SMS_TEMPLATES, startFakeSmsServer, type FakeSms, type FakeSmsReport, type FakeSmsReportPush, type FakeSmsServer, type FakeSmsServerOptions } from './fake-server'
