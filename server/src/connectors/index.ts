/**
 * The outside services the BFF talks to, from configuration: the real
 * endpoints when their base URLs are set, otherwise local fakes that speak
 * the same protocols (the embedded default and the tests). In production the
 * real ones are required (config.ts refuses to start without them).
 */
import { randomBytes } from 'node:crypto'
import type { AppConfig } from '../config'
import { createS3Client, startFakeS3Server, type FakeS3Server, type S3Client } from './s3/index'
import { createAliyunSms, startFakeSmsServer, type FakeSmsServer, type SmsProvider } from './sms/index'
import { startFakeApprovalServer, type FakeApprovalServer } from '../backend/http/fake'
import { createApprovalClient, type ApprovalClient } from '../backend/http/client'
import { createWechatClient, startFakeWechatServer, type FakeWechatServer, type WechatClient } from './wechat/index'

export interface Connectors {
  sms: SmsProvider
  wechat: WechatClient
  /**
   * The secret in the address SMS delivery reports are pushed to (SMS_REPORT_TOKEN; a random one for the local
   * fake, which pushes to this BFF once it listens); null: reports are not taken.
   */
  smsReportToken: string | null
  /** Present when the local fakes are in use (their /dev pages read them). */
  fakeSms: FakeSmsServer | null
  fakeWechat: FakeWechatServer | null
  /** The object store client, only with UPLOAD_STORE=s3; on a local fake when S3_ENDPOINT is unset. */
  s3: S3Client | null
  fakeS3: FakeS3Server | null
  /** The approval system's API client, only with APPROVAL_BACKEND=http; on a local fake when APPROVAL_BASE_URL is unset. */
  approval: ApprovalClient | null
  fakeApproval: FakeApprovalServer | null
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
    // The fake knows the configured templates' keywords, so it checks our values as WeChat would.
    const templates = config.wechat.templates.map((t) => ({ id: t.id, keywords: t.keywords.map((k) => k.key) }))
    fakeWechat = await startFakeWechatServer({ appId, appSecret, templates })
    ;({ url: wechatBase, appId, appSecret } = fakeWechat)
  }

  let fakeS3: FakeS3Server | null = null
  let s3: S3Client | null = null
  if (config.uploads.store === 's3') {
    let { endpoint, bucket, region, accessKeyId, secretAccessKey } = config.s3
    if (!endpoint) {
      fakeS3 = await startFakeS3Server({ bucket, region, accessKeyId, secretAccessKey })
      endpoint = fakeS3.url
    }
    s3 = createS3Client({ endpoint, bucket, region, accessKeyId, secretAccessKey })
  }

  let fakeApproval: FakeApprovalServer | null = null
  let approval: ApprovalClient | null = null
  if (config.approval.backend === 'http') {
    let baseUrl = config.approval.baseUrl
    if (!baseUrl) {
      fakeApproval = await startFakeApprovalServer({ token: config.approval.apiToken, webhookSecret: config.approval.webhookSecret })
      baseUrl = fakeApproval.url
    }
    approval = createApprovalClient({ baseUrl, token: config.approval.apiToken })
  }

  return {
    sms,
    smsReportToken: config.sms.reportToken ?? (fakeSms ? randomBytes(18).toString('base64url') : null),
    wechat: createWechatClient({ baseUrl: wechatBase, appId, appSecret }),
    fakeSms,
    fakeWechat,
    s3,
    fakeS3,
    approval,
    fakeApproval,
    async close() {
      s3?.close()
      await Promise.all([fakeSms?.close(), fakeWechat?.close(), fakeS3?.close(), fakeApproval?.close()])
    },
  }
}
