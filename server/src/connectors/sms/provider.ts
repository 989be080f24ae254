/**
 * The SMS contract the BFF codes against: one message (a phone, one of our
 * template keys, its parameters) in, a result value out. A provider never
 * throws for a failed send; it says why and whether trying again can help.
 * Which codes are retryable is decided here, once, for every provider.
 */

import type { MessageKind } from '@tongban/core'

/** Our template keys (the codes, and one per kind of progress message); each provider maps them to its own approved template ids. */
export type SmsTemplate = 'login_code' | 'consent_code' | MessageKind

export interface SmsMessage {
  phone: string
  template: SmsTemplate
  params: Record<string, string>
}

export type SmsErrorCode = 'rate_limited' | 'invalid_phone' | 'auth_failed' | 'template_invalid' | 'provider_busy' | 'network' | 'unknown'

export type SmsSendResult =
  | { ok: true; providerId: string }
  | { ok: false; code: SmsErrorCode; retryable: boolean; message: string }

export interface SmsProvider {
  send(msg: SmsMessage): Promise<SmsSendResult>
}

/**
 * Worth another try later? Flow control is not: the provider refuses that
 * phone for a while and a retry only burns the quota. A network failure is,
 * though the first attempt may have been delivered (a code sent twice is
 * harmless; a code never sent locks the citizen out).
 */
export const SMS_RETRYABLE: Readonly<Record<SmsErrorCode, boolean>> = {
  rate_limited: false,
  invalid_phone: false,
  auth_failed: false,
  template_invalid: false,
  provider_busy: true,
  network: true,
  unknown: false,
}

export function smsFailure(code: SmsErrorCode, message: string): SmsSendResult {
  return { ok: false, code, retryable: SMS_RETRYABLE[code], message }
}
