import { type SmsProvider, type SmsSendResult, type SmsTemplate } from './provider';
export interface AliyunSmsConfig {
    /** `https://dysmsapi.aliyuncs.com` in production; the fake's url in tests. */
    baseUrl: string;
    accessKeyId: string;
    accessKeySecret: string;
    /** The approved signature, shown as 【signName】. */
    signName: string;
    /** Our template key → the approved TemplateCode (`SMS_123456`). */
    templates: Record<SmsTemplate, string>;
    /** Whole request, body included. Default 10 s. */
    timeoutMs?: number;
    fetch?: typeof fetch;
    /** SignatureNonce; default a random UUID. Tests fix it. */
    nonce?: () => string;
    /** Clock for Timestamp. Tests fix it. */
    now?: () => Date;
}
export declare const ALIYUN_SMS_VERSION = "2017-05-25";
/**
 * RFC 3986 percent-encoding as the signature needs it: only A–Z a–z 0–9 - _ . ~
 * stay as they are. encodeURIComponent also leaves ! ' ( ) * alone, which the
 * server (Java's URLEncoder + fix-ups) encodes, so all five are encoded here;
 * otherwise an item name like "护照(补办)" breaks the signature.
 */
export declare function percentEncode(s: string): string;
/** Sorted by key (code-unit order), each key and value encoded, joined `k=v&…`. */
export declare function canonicalQuery(params: Record<string, string>): string;
export declare function stringToSign(params: Record<string, string>, method?: string): string;
/** base64(HMAC-SHA1(secret + '&', StringToSign)) over every parameter except Signature. */
export declare function rpcSignature(params: Record<string, string>, accessKeySecret: string, method?: string): string;
/** `YYYY-MM-DDThh:mm:ssZ` in UTC, no milliseconds. */
export declare function rpcTimestamp(d: Date): string;
/** Pure: an HTTP status and the parsed JSON body (or undefined) → our result. */
export declare function mapAliyunResponse(status: number, body: unknown): SmsSendResult;
export declare function createAliyunSms(config: AliyunSmsConfig): SmsProvider;
