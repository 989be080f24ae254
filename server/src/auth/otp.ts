/**
 * One-time SMS codes: 6 digits, valid 5 minutes, stored as an HMAC, void
 * after 5 wrong tries or once used; a new code voids the old one. Sending is
 * limited per phone (1 a minute, 10 a day) and per client address (20 an
 * hour), counted in the database so every instance sees the same counts.
 * Whether the phone has an account is never looked at here.
 */
import { randomInt } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import { AUTH_MESSAGES, OTP_LENGTH, OTP_RESEND_SECONDS, OTP_TTL_SECONDS, retryAfterText, wrongCodeMessage } from '@tongban/core'
import { ProblemError } from '../errors'
import type { Db } from '../store/db'
import { identityRepo } from '../store/identity'
import type { SmsProvider, SmsTemplate } from '../connectors/sms/provider'
import { sameHex, type Secrets } from './secrets'

export interface OtpPolicy {
  ttlSeconds: number
  resendSeconds: number
  perPhonePerDay: number
  perIpPerHour: number
  maxAttempts: number
}

export const DEFAULT_OTP_POLICY: OtpPolicy = {
  ttlSeconds: OTP_TTL_SECONDS,
  resendSeconds: OTP_RESEND_SECONDS,
  perPhonePerDay: 10,
  perIpPerHour: 20,
  maxAttempts: 5,
}

/** A code checked: right, wrong with tries left, or dead (none sent, expired, used, or out of tries) — then only a new one helps. */
export type VerifyOutcome =
  | { ok: true }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'dead' }

/** The problem for a code that did not sign in: at the code field, with the tries left or the need for a new code. */
export function codeRefused(outcome: Exclude<VerifyOutcome, { ok: true }>): ProblemError {
  const [code, message] = outcome.reason === 'wrong'
    ? ['OTP_WRONG', wrongCodeMessage(outcome.triesLeft)] as const
    : ['OTP_DEAD', AUTH_MESSAGES.codeDead] as const
  return new ProblemError(code, { detail: message, errors: [{ path: 'code', code: code.toLowerCase(), message }] })
}

/** The answer to a code asked for too soon: Retry-After, and the wait in words and in seconds. */
export function codeTooFrequent(reply: FastifyReply, retryAfter: number): ProblemError {
  reply.header('retry-after', String(retryAfter))
  return new ProblemError('OTP_TOO_FREQUENT', { detail: retryAfterText(retryAfter), retryAfter })
}

export type SendOutcome =
  | { ok: true; resendAfter: number }
  | { ok: false; reason: 'too_frequent'; retryAfter: number }
  | { ok: false; reason: 'sms_failed'; detail: string }

const CODE = new RegExp(`^\\d{${OTP_LENGTH}}$`)
const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

/** Midnight in Asia/Shanghai (no daylight saving) of the day containing `at`. */
export function shanghaiDayStart(at: Date): Date {
  const local = at.getTime() + SHANGHAI_OFFSET_MS
  return new Date(local - (local % DAY_MS) - SHANGHAI_OFFSET_MS)
}

export function otpService(deps: { db: Db; secrets: Secrets; sms: SmsProvider; now?: () => Date; policy?: OtpPolicy }) {
  const policy = deps.policy ?? DEFAULT_OTP_POLICY
  const now = deps.now ?? (() => new Date())
  const hash = (purpose: string, phone: string, code: string) => deps.secrets.mac('otp', `${purpose}:${phone}:${code}`)

  return {
    policy,
    async send(phone: string, ip: string, purpose: 'login' | 'consent', template: SmsTemplate, params: Record<string, string> = {}): Promise<SendOutcome> {
      const at = now()
      const repo = identityRepo(deps.db)
      const counts = await repo.sendCounts(phone, ip, at, shanghaiDayStart(at))
      const sinceLast = counts.last ? (at.getTime() - new Date(counts.last).getTime()) / 1000 : Infinity
      if (sinceLast < policy.resendSeconds) return { ok: false, reason: 'too_frequent', retryAfter: Math.ceil(policy.resendSeconds - sinceLast) }
      if (counts.today >= policy.perPhonePerDay) {
        const tomorrow = shanghaiDayStart(at).getTime() + DAY_MS
        return { ok: false, reason: 'too_frequent', retryAfter: Math.ceil((tomorrow - at.getTime()) / 1000) }
      }
      if (counts.ip_hour >= policy.perIpPerHour) return { ok: false, reason: 'too_frequent', retryAfter: 600 }

      const code = String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, '0')
      await repo.recordSend(phone, ip, at)
      const id = await repo.issueCode(phone, purpose, hash(purpose, phone, code), new Date(at.getTime() + policy.ttlSeconds * 1000), at)
      const sent = await deps.sms.send({ phone, template, params: { ...params, code } })
      if (!sent.ok) {
        // Nothing reached the citizen: neither the code nor the attempt should count.
        await repo.deleteCode(id)
        await repo.forgetSend(phone, at)
        // The provider's own flow control means "wait", like ours.
        if (sent.code === 'rate_limited') return { ok: false, reason: 'too_frequent', retryAfter: policy.resendSeconds }
        return { ok: false, reason: 'sms_failed', detail: `${sent.code}: ${sent.message}` }
      }
      return { ok: true, resendAfter: policy.resendSeconds }
    },

    /** Right once for the right code within its lifetime; every wrong try counts, and the answer says how many are left. */
    async verify(phone: string, code: string, purpose: 'login' | 'consent'): Promise<VerifyOutcome> {
      return deps.db.transaction(async (tx): Promise<VerifyOutcome> => {
        const at = now()
        const repo = identityRepo(tx)
        const live = await repo.liveCode(phone, purpose, at)
        if (!live) return { ok: false, reason: 'dead' }
        // Not a code at all (letters, wrong length): no try spent.
        if (!CODE.test(code)) return { ok: false, reason: 'wrong', triesLeft: policy.maxAttempts - live.attempts }
        if (!sameHex(live.code_hash, hash(purpose, phone, code))) {
          await repo.failAttempt(live.id, policy.maxAttempts, at)
          const triesLeft = Math.max(0, policy.maxAttempts - live.attempts - 1)
          return triesLeft > 0 ? { ok: false, reason: 'wrong', triesLeft } : { ok: false, reason: 'dead' }
        }
        await repo.consumeCode(live.id, at)
        return { ok: true }
      })
    },
  }
}

export type OtpService = ReturnType<typeof otpService>
