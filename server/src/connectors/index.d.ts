/**
 * The outside services the BFF talks to, from configuration: the real
 * endpoints when their base URLs are set, otherwise local fakes that speak
 * the same protocols (the embedded default and the tests). In production the
 * real ones are required (config.ts refuses to start without them).
 */
import type { AppConfig } from '../config';
import { type FakeS3Server, type S3Client } from './s3/index';
import { type FakeSmsServer, type SmsProvider } from './sms/index';
import { type FakeApprovalServer } from '../backend/http/fake';
import { type ApprovalClient } from '../backend/http/client';
import { type FakeWechatServer, type WechatClient } from './wechat/index';
export interface Connectors {
    sms: SmsProvider;
    wechat: WechatClient;
    /** Present when the local fakes are in use (their /dev pages read them). */
    fakeSms: FakeSmsServer | null;
    fakeWechat: FakeWechatServer | null;
    /** The object store client, only with UPLOAD_STORE=s3; on a local fake when S3_ENDPOINT is unset. */
    s3: S3Client | null;
    fakeS3: FakeS3Server | null;
    /** The approval system's API client, only with APPROVAL_BACKEND=http; on a local fake when APPROVAL_BASE_URL is unset. */
    approval: ApprovalClient | null;
    fakeApproval: FakeApprovalServer | null;
    close(): Promise<void>;
}
export declare function startConnectors(config: AppConfig, override?: {
    sms?: SmsProvider;
}): Promise<Connectors>;
