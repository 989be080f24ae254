import type { Db } from '../store/db';
import type { SmsProvider, SmsTemplate } from '../connectors/sms/provider';
import { type Secrets } from './secrets';
export interface OtpPolicy {
    ttlSeconds: number;
    resendSeconds: number;
    perPhonePerDay: number;
    perIpPerHour: number;
    maxAttempts: number;
}
export declare const DEFAULT_OTP_POLICY: OtpPolicy;
export type SendOutcome = {
    ok: true;
    resendAfter: number;
} | {
    ok: false;
    reason: 'too_frequent';
    retryAfter: number;
} | {
    ok: false;
    reason: 'sms_failed';
    detail: string;
};
/** Midnight in Asia/Shanghai (no daylight saving) of the day containing `at`. */
export declare function shanghaiDayStart(at: Date): Date;
export declare function otpService(deps: {
    db: Db;
    secrets: Secrets;
    sms: SmsProvider;
    now?: () => Date;
    policy?: OtpPolicy;
}): {
    policy: OtpPolicy;
    send(phone: string, ip: string, purpose: "login" | "consent", template: SmsTemplate, params?: Record<string, string>): Promise<SendOutcome>;
    /** True once for the right code within its lifetime; every wrong try counts. */
    verify(phone: string, code: string, purpose: "login" | "consent"): Promise<boolean>;
};
export type OtpService = ReturnType<typeof otpService>;
