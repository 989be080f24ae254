/**
 * The outside services the BFF talks to, from configuration: the real
 * endpoints when their base URLs are set, otherwise local fakes that speak
 * the same protocols (the embedded default and the tests). In production the
 * real ones are required (config.ts refuses to start without them).
 */
import type { AppConfig } from '../config'
import { createAliyunSms, startFakeSmsServer, type FakeSmsServer, type SmsProvider } from './sms/index'
import { createWechatClient, startFakeWechatServer, type FakeWechatServer, type WechatClient } from './wechat/index'

export interface Connectors {
  sms: SmsProvider
  wechat: WechatClient
  /** Present when the local fakes are in use (their /dev pages read them). */
  fakeSms: FakeSmsServer | null
  fakeWechat: FakeWechatServer | null
  close(): Promise<void>
}

export async function startConnectors(config: AppConfig, override: { sms?: SmsProvider } = {}): Promise<Connectors> {
  let fakeSms: FakeSmsServer | null = null
  let sms = override.sms
  if (!sms) {
    let { baseUrl, accessKeyId, accessKeySecret } = config.sms
    if (!baseUrl) {
      fakeSms = await startFakeSmsServer({ accessKeyId, accessKeySecret })
      ;({ url: baseUrl, accessKeyId, accessKeySecret } = fakeSms)
    }
    sms = createAliyunSms({ ...config.sms, baseUrl, accessKeyId, accessKeySecret })
  }

  let fakeWechat: FakeWechatServer | null = null
  let { baseUrl: wechatBase, appId, appSecret } = config.wechat
  if (!wechatBase) {
    fakeWechat = await startFakeWechatServer({ appId, appSecret })
    ;({ url: wechatBase, appId, appSecret } = fakeWechat)
  }

  return {
    sms,
    wechat: createWechatClient({ baseUrl: wechatBase, appId, appSecret }),
    fakeSms,
    fakeWechat,
    async close() {
      await Promise.all([fakeSms?.close(), fakeWechat?.close()])
    },
  }
}
