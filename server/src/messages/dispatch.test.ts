/**
 * The dispatcher with channels that answer as told (the order it falls back
 * in, retries, dead letters, switched-off kinds, a replayed job), and the SMS
 * channel against the local fake provider (the daily cap, the night hold),
 * on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseLinks, type MessageContent, type MessageKind } from '@tongban/core'
import { databaseVariants, type DatabaseVariant } from '../testing'
import type { Db } from '../store/db'
import { messageRepo } from '../store/messages'
import { createOutbox } from '../outbox/outbox'
import { loadConfig } from '../config'
import { migrate } from '../store/migrations'
import { CASE_BACKFILLS } from '../cases/responsibility'
import { createAliyunSms, startFakeSmsServer, type FakeSmsServer } from '../connectors/sms/index'
import type { Channel, ChannelName, ChannelResult } from './channel'
import { channelRegistry, messageDeliverJob } from './dispatch'
import { DELIVER_MESSAGE } from './effect'
import { createSmsChannel, nightWaitMs, shanghaiDayStart } from './channels/sms'

const silent = { warn: () => undefined, error: () => undefined }
/** 10:00 and 23:30 in Beijing on 2026-12-07. */
const MORNING = Date.parse('2026-12-07T02:00:00Z')
const LATE = Date.parse('2026-12-07T15:30:00Z')

const content = (kind: MessageKind, caseNo = 'MZ-0001-20261207-0001'): MessageContent => ({
  kind, caseNo, itemName: '最低生活保障', title: '您的申请已受理', body: `您的办件${caseNo}已受理。`, status: '已受理', next: '等待办理结果',
  at: new Date(MORNING).toISOString(), link: caseLinks(caseNo),
})

/** A channel that answers from a script, one answer per send (the last one repeated), and counts its sends. */
function scripted(name: ChannelName, ...answers: ChannelResult[]): Channel & { sends: number } {
  const ch = {
    name, sends: 0,
    async send(): Promise<ChannelResult> { return answers[Math.min(ch.sends++, answers.length - 1)]! },
  }
  return ch
}

const variants = await databaseVariants()

describe.each(variants)('message dispatch on $label', (variant: DatabaseVariant) => {
  let db: Db
  let close: () => Promise<void>
  let seq = 0
  beforeAll(async () => {
    ({ db, close } = await variant.open())
    await migrate(db, CASE_BACKFILLS) // a fresh PostgreSQL schema is empty; the PGlite snapshot has it all
  })
  afterAll(async () => close?.())

  /** A person (with a phone) and one message for them, queued. */
  async function queued(kind: MessageKind = 'accepted', phone: string | null = null): Promise<{ accountId: string; messageId: string }> {
    seq++
    const [{ id: accountId }] = await db.query<{ id: string }>('insert into accounts (phone) values ($1) returning id', [phone ?? `1390000${String(seq).padStart(4, '0')}`]) as [{ id: string }]
    const messageId = (await messageRepo(db).create({ accountId, caseId: null, dedupeKey: `test:${seq}:${kind}`, content: content(kind), at: new Date(MORNING) }))!
    return { accountId, messageId }
  }

  function dispatcher(channels: Channel[], now: () => number = () => MORNING) {
    const registry = channelRegistry()
    for (const c of channels) registry.registerChannel(c)
    const outbox = createOutbox({ db, now, log: silent, random: () => 1 })
    outbox.register(messageDeliverJob({ db, channels: registry, now }))
    return {
      outbox,
      deliver: async (messageId: string) => {
        const id = await outbox.enqueue(db, DELIVER_MESSAGE, { payload: { messageId } })
        return { id, outcome: await outbox.dispatch() }
      },
    }
  }
  const receipts = async (messageId: string) =>
    (await messageRepo(db).deliveries([messageId])).map((d) => [d.channel, d.status, d.provider_code ?? d.detail])

  it('tries WeChat, then Web Push, then SMS, whatever order they were added in, and stops at the first that sends', async () => {
    const sms = scripted('sms', { status: 'sent', providerId: 'biz-1' })
    const webpush = scripted('webpush', { status: 'failed', permanent: true, code: '410', detail: 'subscription gone' })
    const wechat = scripted('wechat', { status: 'unavailable', reason: '没有可用的订阅' })
    const { deliver } = dispatcher([sms, webpush, wechat])
    const { messageId } = await queued()
    expect((await deliver(messageId)).outcome).toEqual({ sent: 1, retried: 0, dead: 0 })
    expect(await receipts(messageId)).toEqual([['wechat', 'unavailable', '没有可用的订阅'], ['webpush', 'failed', '410'], ['sms', 'sent', null]])
    expect((await messageRepo(db).deliveries([messageId])).at(-1)!.provider_id).toBe('biz-1')

    // The same job again (a crash after the send, a resend): nothing goes out twice.
    expect((await deliver(messageId)).outcome).toEqual({ sent: 1, retried: 0, dead: 0 })
    expect([wechat.sends, webpush.sends, sms.sends]).toEqual([1, 1, 1])
  })

  it('tries again later, from the first channel, when a channel fails for now; at the time it asked for', async () => {
    const wechat = scripted('wechat', { status: 'failed', permanent: false, code: '45009', detail: 'reach max api daily quota limit', retryAfterMs: 60_000 }, { status: 'sent', providerId: 'm1' })
    const sms = scripted('sms', { status: 'sent' })
    let now = MORNING
    const { outbox, deliver } = dispatcher([wechat, sms], () => now)
    const { messageId } = await queued()
    const { id } = await deliver(messageId)
    expect(sms.sends).toBe(0)
    const [job] = await db.query<{ next_at: Date; attempts: number }>('select next_at, attempts from outbox where id = $1', [id])
    expect([new Date(job!.next_at).getTime() - MORNING, job!.attempts]).toEqual([60_000, 1])
    now += 60_000
    expect(await outbox.dispatch()).toEqual({ sent: 1, retried: 0, dead: 0 })
    expect(await receipts(messageId)).toEqual([['wechat', 'failed', '45009'], ['wechat', 'sent', null]])
  })

  it('dead-letters a failure of ours without trying another channel', async () => {
    const wechat = scripted('wechat', { status: 'failed', permanent: true, deadLetter: true, code: '47003', detail: 'thing1 too long' })
    const sms = scripted('sms', { status: 'sent' })
    const { deliver } = dispatcher([wechat, sms])
    const { messageId } = await queued()
    const { id, outcome } = await deliver(messageId)
    expect(outcome.dead).toBe(1)
    expect(sms.sends).toBe(0)
    expect((await db.query<{ last_error: string }>('select last_error from outbox where id = $1', [id]))[0]!.last_error).toBe('wechat 47003: thing1 too long')
  })

  it('keeps a kind the person switched off in the 消息中心 only, and one no channel can take as well', async () => {
    const sms = scripted('sms', { status: 'unavailable', reason: '没有手机号' })
    const { deliver } = dispatcher([sms])
    const off = await queued('resumed')
    await messageRepo(db).setKinds(off.accountId, { resumed: false, accepted: true })
    expect((await deliver(off.messageId)).outcome.sent).toBe(1)
    expect(sms.sends).toBe(0)
    expect(await receipts(off.messageId)).toEqual([[null, 'unavailable', '申请人在消息设置中关闭了这类消息（消息中心仍有）']])

    const nowhere = await queued('accepted')
    expect((await deliver(nowhere.messageId)).outcome.sent).toBe(1)
    expect(await receipts(nowhere.messageId)).toEqual([['sms', 'unavailable', '没有手机号']])
  })

  describe('by SMS through the provider', () => {
    let fake: FakeSmsServer
    let now = MORNING
    beforeAll(async () => { fake = await startFakeSmsServer({ minIntervalMs: 0 }) })
    afterAll(async () => fake?.close())
    const smsChannel = (dailyCap: number) => createSmsChannel({
      provider: createAliyunSms({ ...loadConfig({}).sms, baseUrl: fake.url, accessKeyId: fake.accessKeyId, accessKeySecret: fake.accessKeySecret }),
      now: () => now, dailyCap,
    })
    const textsTo = (phone: string) => fake.messages().filter((m) => m.phone === phone).map((m) => m.text)

    it('sends each kind with its own approved template, naming the case and the next step', async () => {
      now = MORNING
      const phone = '13912340001'
      const { deliver } = dispatcher([smsChannel(5)], () => now)
      const { messageId } = await queued('accepted', phone)
      await deliver(messageId)
      expect(fake.messages().filter((m) => m.phone === phone).map((m) => m.templateCode)).toEqual(['SMS_MSG_ACCEPTED'])
      expect(textsTo(phone)).toEqual(['【通办】您的办件MZ-0001-20261207-0001（最低生活保障）已受理：等待办理结果。进度请在通办“我的办件”查看。'])
      expect((await receipts(messageId)).at(-1)).toEqual(['sms', 'sent', null])
    })

    it('sends at most the daily cap to one person, the rest reaching the 消息中心 only; the next day again', async () => {
      now = MORNING
      const phone = '13912340002'
      const { deliver } = dispatcher([smsChannel(2)], () => now)
      const first = await queued('accepted', phone)
      const more = async () => (await messageRepo(db).create({ accountId: first.accountId, caseId: null, dedupeKey: `cap:${++seq}`, content: content('resumed'), at: new Date(now) }))!
      await deliver(first.messageId)
      await deliver(await more())
      const third = await more()
      await deliver(third)
      expect(textsTo(phone)).toHaveLength(2)
      expect(await receipts(third)).toEqual([['sms', 'unavailable', '今天已发2条短信（每人每天最多2条）']])
      now = MORNING + 24 * 3_600_000
      await deliver(await more())
      expect(textsTo(phone)).toHaveLength(3)
    })

    it('holds a non-urgent SMS from 22:00 until 8:00, and sends a queue call at once', async () => {
      now = LATE
      const phone = '13912340003'
      const { outbox, deliver } = dispatcher([smsChannel(5)], () => now)
      const held = await queued('accepted', phone)
      const { id } = await deliver(held.messageId)
      expect(textsTo(phone)).toEqual([])
      expect(await receipts(held.messageId)).toEqual([['sms', 'queued', 'held']])
      const eight = Date.parse('2026-12-08T00:00:00Z')
      expect(new Date((await db.query<{ next_at: Date }>('select next_at from outbox where id = $1', [id]))[0]!.next_at).getTime()).toBe(eight)

      const call = await messageRepo(db).create({ accountId: held.accountId, caseId: null, dedupeKey: `call:${++seq}`, content: content('queue_called', 'A012'), at: new Date(now) })
      await deliver(call!)
      expect(fake.messages().filter((m) => m.phone === phone).map((m) => m.templateCode)).toEqual(['SMS_MSG_QUEUE_CALLED'])

      now = eight - 1
      expect((await outbox.dispatch()).sent).toBe(0)
      now = eight
      expect((await outbox.dispatch()).sent).toBe(1)
      expect(fake.messages().filter((m) => m.phone === phone).map((m) => m.templateCode)).toEqual(['SMS_MSG_QUEUE_CALLED', 'SMS_MSG_ACCEPTED'])
    })

    it('dead-letters a template the provider does not know (ours to fix), and retries when the provider is down', async () => {
      now = MORNING
      const phone = '13912340004'
      const { deliver } = dispatcher([smsChannel(5)], () => now)
      fake.failNext(1)
      const down = await queued('accepted', phone)
      expect((await deliver(down.messageId)).outcome.retried).toBe(1)
      expect(await receipts(down.messageId)).toEqual([['sms', 'failed', 'provider_busy']])

      const broken = createSmsChannel({
        provider: createAliyunSms({ ...loadConfig({ SMS_TEMPLATE_ACCEPTED: 'SMS_NOT_APPROVED' }).sms, baseUrl: fake.url, accessKeyId: fake.accessKeyId, accessKeySecret: fake.accessKeySecret }),
        now: () => now, dailyCap: 5,
      })
      const other = dispatcher([broken], () => now)
      const bad = await queued('accepted', '13912340005')
      expect((await other.deliver(bad.messageId)).outcome.dead).toBe(1)
      expect(await receipts(bad.messageId)).toEqual([['sms', 'failed', 'template_invalid']])
    })
  })
})

describe('the Asia/Shanghai clock of the SMS channel', () => {
  it('starts the day at midnight in Beijing and calls 22:00–8:00 night', () => {
    expect(new Date(shanghaiDayStart(LATE)).toISOString()).toBe('2026-12-06T16:00:00.000Z')
    expect(nightWaitMs(MORNING)).toBe(0)
    expect(nightWaitMs(Date.parse('2026-12-07T13:59:59Z'))).toBe(0) // 21:59:59
    expect(nightWaitMs(Date.parse('2026-12-07T14:00:00Z'))).toBe(10 * 3_600_000) // 22:00 → 8:00
    expect(nightWaitMs(Date.parse('2026-12-06T19:00:00Z'))).toBe(5 * 3_600_000) // 3:00 → 8:00
    expect(nightWaitMs(Date.parse('2026-12-07T00:00:00Z'))).toBe(0) // 8:00
  })
})
