import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../store/db'
import { seededPglite } from '../testing'
import type { SmsMessage, SmsProvider, SmsSendResult } from '../connectors/sms/provider'
import { DEFAULT_OTP_POLICY, otpService, shanghaiDayStart } from './otp'
import { secrets } from './secrets'
import { sessionService } from './sessions'

let db: Db
beforeAll(async () => {
  db = await seededPglite()

})
afterAll(async () => { await db?.close() })

/** An SMS provider that keeps what it was asked to send, and can be told to fail. */
function inbox(): SmsProvider & { sent: SmsMessage[]; fail: SmsSendResult | null; last(phone: string): string } {
  return {
    sent: [],
    fail: null,
    async send(msg) {
      if (this.fail) return this.fail
      this.sent.push(msg)
      return { ok: true, providerId: String(this.sent.length) }
    },
    last(phone) {
      return [...this.sent].reverse().find((m) => m.phone === phone)!.params.code!
    },
  }
}

let clock = new Date('2026-11-23T02:00:00Z').getTime()
const now = () => new Date(clock)
const advance = (seconds: number) => { clock += seconds * 1000 }
let n = 0
const newPhone = () => `139${String(10_000_000 + ++n).slice(-8)}`
const key = secrets(Buffer.alloc(32, 7))

function service(sms = inbox()) {
  return { sms, otp: otpService({ db, secrets: key, sms, now }) }
}

describe('SMS one-time codes', () => {
  it('sends a 6-digit code that signs in once', async () => {
    const { sms, otp } = service()
    const phone = newPhone()
    expect(await otp.send(phone, '10.0.0.1', 'login', 'login_code')).toEqual({ ok: true, resendAfter: 60 })
    const code = sms.last(phone)
    expect(code).toMatch(/^\d{6}$/)
    expect(await otp.verify(phone, code, 'login')).toEqual({ ok: true })
    expect(await otp.verify(phone, code, 'login')).toEqual({ ok: false, reason: 'dead' }) // replayed
  })

  it('stores only a hash of the code', async () => {
    const { sms, otp } = service()
    const phone = newPhone()
    await otp.send(phone, '10.0.0.1', 'login', 'login_code')
    const rows = await db.query<{ code_hash: string }>('select code_hash from otp_codes where phone = $1', [phone])
    expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(rows[0]!.code_hash).not.toContain(sms.last(phone))
  })

  it('expires after 5 minutes', async () => {
    const { sms, otp } = service()
    const phone = newPhone()
    await otp.send(phone, '10.0.0.1', 'login', 'login_code')
    advance(DEFAULT_OTP_POLICY.ttlSeconds + 1)
    expect(await otp.verify(phone, sms.last(phone), 'login')).toEqual({ ok: false, reason: 'dead' })
  })

  it('says how many tries are left, and is void after 5 wrong tries, even for the right code', async () => {
    const { sms, otp } = service()
    const phone = newPhone()
    await otp.send(phone, '10.0.0.1', 'login', 'login_code')
    const right = sms.last(phone)
    const wrong = right === '000000' ? '111111' : '000000'
    for (const triesLeft of [4, 3, 2, 1]) expect(await otp.verify(phone, wrong, 'login')).toEqual({ ok: false, reason: 'wrong', triesLeft })
    expect(await otp.verify(phone, wrong, 'login')).toEqual({ ok: false, reason: 'dead' })
    expect(await otp.verify(phone, right, 'login')).toEqual({ ok: false, reason: 'dead' })
  })

  it('lets only the newest code work', async () => {
    const { sms, otp } = service()
    const phone = newPhone()
    await otp.send(phone, '10.0.0.1', 'login', 'login_code')
    const first = sms.last(phone)
    advance(61)
    await otp.send(phone, '10.0.0.1', 'login', 'login_code')
    const second = sms.last(phone)
    if (first !== second) expect(await otp.verify(phone, first, 'login')).toMatchObject({ ok: false })
    expect(await otp.verify(phone, second, 'login')).toEqual({ ok: true })
  })

  it('sends at most one code a minute and ten a day to a phone', async () => {
    const { otp } = service()
    const phone = newPhone()
    clock = shanghaiDayStart(now()).getTime() + 86_400_000 + 3_600_000 // 01:00 next day, Shanghai
    expect((await otp.send(phone, '10.0.1.1', 'login', 'login_code')).ok).toBe(true)
    const again = await otp.send(phone, '10.0.1.1', 'login', 'login_code')
    expect(again).toMatchObject({ ok: false, reason: 'too_frequent' })
    expect(again.ok === false && again.reason === 'too_frequent' && again.retryAfter).toBe(60)
    for (let i = 0; i < 9; i++) {
      advance(61)
      expect((await otp.send(phone, `10.0.2.${i}`, 'login', 'login_code')).ok, `send ${i + 2}`).toBe(true)
    }
    advance(61)
    expect(await otp.send(phone, '10.0.3.1', 'login', 'login_code')).toMatchObject({ ok: false, reason: 'too_frequent' })
    advance(86_400)
    expect((await otp.send(phone, '10.0.3.1', 'login', 'login_code')).ok).toBe(true)
  })

  it('limits one address asking for many phones', async () => {
    const { otp } = service()
    const ip = '10.9.9.9'
    for (let i = 0; i < DEFAULT_OTP_POLICY.perIpPerHour; i++) expect((await otp.send(newPhone(), ip, 'login', 'login_code')).ok).toBe(true)
    expect(await otp.send(newPhone(), ip, 'login', 'login_code')).toMatchObject({ ok: false, reason: 'too_frequent' })
  })

  it('counts nothing when the SMS could not be sent', async () => {
    const { sms, otp } = service()
    const phone = newPhone()
    sms.fail = { ok: false, code: 'provider_busy', retryable: true, message: 'busy' }
    expect(await otp.send(phone, '10.0.0.1', 'login', 'login_code')).toMatchObject({ ok: false, reason: 'sms_failed' })
    sms.fail = null
    expect((await otp.send(phone, '10.0.0.1', 'login', 'login_code')).ok).toBe(true)
  })

  it('rejects codes that are not six digits without counting a try', async () => {
    const { sms, otp } = service()
    const phone = newPhone()
    await otp.send(phone, '10.0.0.1', 'login', 'login_code')
    for (const bad of ['', '12345', '1234567', 'abcdef', "' or 1=1"]) expect(await otp.verify(phone, bad, 'login')).toEqual({ ok: false, reason: 'wrong', triesLeft: 5 })
    expect(await otp.verify(phone, sms.last(phone), 'login')).toEqual({ ok: true })
  })
})

describe('sessions', () => {
  it('resolve, renew on use, revoke, and revoke all others; saying which sessions ended, once', async () => {
    const ended: string[][] = []
    const sessions = sessionService({ db, secrets: key, now, ended: (hashes) => ended.push([...hashes]) })
    const [account] = await db.query<{ id: string }>("insert into accounts (phone) values ('13700000001') returning id")
    const a = await sessions.create(account!.id, 'phone A')
    const b = await sessions.create(account!.id, 'phone B')
    const ra = (await sessions.resolve(a.token))!
    expect(ra.accountId).toBe(account!.id)
    expect(await sessions.resolve('x'.repeat(43))).toBeNull()
    expect(await sessions.resolve('not a token')).toBeNull()

    advance(29 * 86_400)
    expect(await sessions.resolve(a.token)).not.toBeNull() // used on day 29: renewed for 30 more days
    advance(20 * 86_400)
    expect(await sessions.resolve(a.token)).not.toBeNull()
    expect(await sessions.resolve(b.token)).toBeNull() // never used: expired

    const c = await sessions.create(account!.id, 'phone C')
    const rc = (await sessions.resolve(c.token))!
    expect(await sessions.revokeOthers(account!.id, ra.tokenHash)).toBe(1)
    expect(await sessions.resolve(c.token)).toBeNull()
    await sessions.revoke(ra.tokenHash)
    expect(await sessions.resolve(a.token)).toBeNull()
    await sessions.revoke(ra.tokenHash) // signed out already: nothing more ends
    // b had expired by itself: only live sessions are ended, and said so.
    expect(ended).toEqual([[rc.tokenHash], [ra.tokenHash]])
  })
})
