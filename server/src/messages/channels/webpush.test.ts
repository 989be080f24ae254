import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import webpush from 'web-push'
import type { MessageContent, MessageKind } from '@tongban/core'
import { listenLocal } from '../../connectors/fake-http'
import { databaseVariants, seededPglite } from '../../testing'
import type { Db } from '../../store/db'
import { migrate } from '../../store/migrations'
import { CASE_BACKFILLS } from '../../cases/responsibility'
import { pushSubscriptionRepo } from '../../store/push-subscriptions'
import type { ChannelMessage } from '../channel'
import { startPushTestingService, type PushTestingService } from './web-push-testing'
import { createWebPushChannel, retryAfterMs } from './webpush'

const NOW = Date.parse('2026-12-07T10:00:00+08:00')
const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@tongban.example.gov.cn' }
const channel = createWebPushChannel({ vapid, now: () => NOW, timeoutMs: 2_000 })

const variants = await databaseVariants()
let db: Db
let pushService: PushTestingService
beforeAll(async () => { pushService = await startPushTestingService() })
afterAll(async () => { await pushService?.close() })

let phones = 0
async function account(): Promise<string> {
  const rows = await db.query<{ id: string }>('insert into accounts (phone) values ($1) returning id', [`1370000${String(++phones).padStart(4, '0')}`])
  return rows[0]!.id
}
const subscriptions = (accountId: string) => pushSubscriptionRepo(db).forAccount(accountId)

function message(accountId: string, kind: MessageKind = 'accepted'): ChannelMessage {
  const content: MessageContent = {
    kind, caseNo: 'MZ-0001-20261207-0003', itemName: '最低生活保障申请', title: '您的申请已受理',
    body: '办件 MZ-0001-20261207-0003 已受理，承诺5个工作日内办结。', status: '已受理', next: '', at: '2026-12-07T10:00:00+08:00',
    link: { web: '/cases/MZ-0001-20261207-0003', mini: 'pages/case/detail?caseNo=MZ-0001-20261207-0003' },
  }
  return { id: `m-${kind}-${accountId}`, recipient: { accountId, phone: null, openid: null }, content }
}

async function subscribeBrowser(accountId: string, key = vapid.publicKey, sessionHash: string | null = null) {
  const sub = await pushService.subscribe(key)
  await pushSubscriptionRepo(db).save(accountId, sub, new Date(NOW - 60_000), sessionHash)
  return sub
}

describe.each(variants)('the Web Push channel, against a real push service (web-push-testing), on $label', (variant) => {
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ db, close } = await variant.open())
    await migrate(db, CASE_BACKFILLS) // PostgreSQL comes empty; the PGlite snapshot is migrated already
  })
  afterAll(async () => { await close?.() })

  it('is unavailable for a person with no subscription', async () => {
    expect(await channel.send(message(await account()), db)).toEqual({ status: 'unavailable', reason: '未开启网页通知' })
  })

  it('delivers the notification a subscribed browser decrypts', async () => {
    const id = await account()
    const sub = await subscribeBrowser(id)
    expect(await channel.send(message(id), db)).toMatchObject({ status: 'sent' })
    const [received] = await pushService.messages(sub.clientHash)
    expect(JSON.parse(received!)).toEqual({
      id: message(id).id, title: '您的申请已受理', body: '办件 MZ-0001-20261207-0003 已受理，承诺5个工作日内办结。',
      url: '/cases/MZ-0001-20261207-0003', tag: 'MZ-0001-20261207-0003',
    })
    expect((await subscriptions(id))[0]!.last_success_at).toEqual(new Date(NOW))
  })

  it('after the subscription expires, says permanent (the next channel takes it) and forgets the subscription', async () => {
    const id = await account()
    const sub = await subscribeBrowser(id)
    await pushService.expire(sub.clientHash)
    expect(await channel.send(message(id), db)).toEqual({ status: 'failed', permanent: true, code: 'webpush_gone', detail: 'subscription gone (410); removed' })
    expect(await subscriptions(id)).toEqual([])
    expect((await channel.send(message(id), db)).status).toBe('unavailable')
  })

  it('sends to each of a person\'s browsers, and counts it sent if any took it', async () => {
    const id = await account()
    const [phone, laptop, old] = [await subscribeBrowser(id), await subscribeBrowser(id), await subscribeBrowser(id)]
    await pushService.expire(old.clientHash)
    expect((await channel.send(message(id), db)).status).toBe('sent')
    expect(await pushService.messages(phone.clientHash)).toHaveLength(1)
    expect(await pushService.messages(laptop.clientHash)).toHaveLength(1)
    expect((await subscriptions(id)).map((s) => s.endpoint).sort()).toEqual([phone.endpoint, laptop.endpoint].sort())
  })

  it('sends nothing more to a browser whose session was signed out (a shared computer), and forgets it', async () => {
    const id = await account()
    const session = async (revoked: boolean) => {
      const hash = `test-session-${id}-${revoked}`
      await db.query('insert into sessions (token_hash, account_id, expires_at, revoked_at) values ($1, $2, $3, $4)',
        [hash, id, new Date(NOW + 86_400_000), revoked ? new Date(NOW - 1000) : null])
      return hash
    }
    const kiosk = await subscribeBrowser(id, vapid.publicKey, await session(true))
    const phone = await subscribeBrowser(id, vapid.publicKey, await session(false))
    expect((await channel.send(message(id), db)).status).toBe('sent')
    expect(await pushService.messages(kiosk.clientHash)).toEqual([])
    expect(await pushService.messages(phone.clientHash)).toHaveLength(1)
    expect((await subscriptions(id)).map((s) => s.endpoint)).toEqual([phone.endpoint])
  })

  it('is refused by the push service when signed with another key than the browser subscribed with; the subscription stays', async () => {
    const id = await account()
    await subscribeBrowser(id, webpush.generateVAPIDKeys().publicKey)
    const result = await channel.send(message(id), db)
    expect(result).toMatchObject({ status: 'failed', permanent: true, code: 'webpush_400' })
    expect(result.status === 'failed' && result.deadLetter).toBeFalsy()
    expect(await subscriptions(id)).toHaveLength(1)
  })
})

describe('the Web Push channel, when the push service answers otherwise', () => {
  let answer: (req: IncomingMessage, res: ServerResponse) => void = (_, res) => res.writeHead(201).end()
  let seen: IncomingMessage | null = null
  let fake: { server: import('node:http').Server; url: string }
  beforeAll(async () => {
    db = await seededPglite()
    fake = await listenLocal(async (req, res) => {
      for await (const _ of req) { /* drain */ }
      seen = req
      answer(req, res)
    }, (res) => res.writeHead(500).end())
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => fake.server.close(() => resolve()))
    await db.close()
  })

  async function sendVia(status: number, headers: Record<string, string> = {}, kind: MessageKind = 'accepted') {
    answer = (_, res) => res.writeHead(status, headers).end(status >= 400 ? 'nope' : '')
    const id = await account()
    const keys = { p256dh: webpush.generateVAPIDKeys().publicKey, auth: 'k7uDCd1NdUWZq8ruKZ6Xuw' }
    await pushSubscriptionRepo(db).save(id, { endpoint: `${fake.url}/push/${id}`, keys }, new Date(NOW), null)
    return { id, result: await channel.send(message(id, kind), db) }
  }

  it('posts an aes128gcm body signed with VAPID, kept 3 days, at normal urgency; a queue call at high urgency for 10 minutes', async () => {
    await sendVia(201, { location: 'https://push.example/m/1' })
    expect(seen!.headers).toMatchObject({ 'content-encoding': 'aes128gcm', 'content-type': 'application/octet-stream', ttl: '259200', urgency: 'normal' })
    expect(seen!.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`))
    const { result } = await sendVia(201, { location: 'https://push.example/m/2' }, 'queue_called')
    expect(result).toEqual({ status: 'sent', providerId: 'https://push.example/m/2' })
    expect(seen!.headers).toMatchObject({ ttl: '600', urgency: 'high' })
  })

  it('treats 404 as gone, like 410 (Chrome has said 404)', async () => {
    const { id, result } = await sendVia(404)
    expect(result).toMatchObject({ status: 'failed', permanent: true, code: 'webpush_gone' })
    expect(await subscriptions(id)).toEqual([])
  })

  it.each([
    [429, { 'retry-after': '120' }, 120_000],
    [503, { 'retry-after': new Date(NOW + 30_000).toUTCString() }, 30_000],
    [500, {}, undefined],
  ])('tries again later on %i, after Retry-After when given', async (status, headers, wait) => {
    const { id, result } = await sendVia(status, headers)
    expect(result).toEqual({ status: 'failed', permanent: false, code: `webpush_${status}`, detail: `push service answered ${status}: nope`, ...(wait === undefined ? {} : { retryAfterMs: wait }) })
    expect(await subscriptions(id)).toHaveLength(1)
  })

  it('dead-letters a payload the service finds too large (our bug)', async () => {
    expect((await sendVia(413)).result).toMatchObject({ status: 'failed', permanent: true, deadLetter: true, code: 'webpush_413' })
  })

  it('tries again later when the push service does not answer', async () => {
    const id = await account()
    const keys = { p256dh: webpush.generateVAPIDKeys().publicKey, auth: 'k7uDCd1NdUWZq8ruKZ6Xuw' }
    await pushSubscriptionRepo(db).save(id, { endpoint: 'http://127.0.0.1:9/push/closed', keys }, new Date(NOW), null)
    expect(await channel.send(message(id), db)).toMatchObject({ status: 'failed', permanent: false, code: 'webpush_unreachable' })
  })

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('5', NOW)).toBe(5_000)
    expect(retryAfterMs(new Date(NOW - 1000).toUTCString(), NOW)).toBe(0)
    expect(retryAfterMs('soon', NOW)).toBeUndefined()
    expect(retryAfterMs(null, NOW)).toBeUndefined()
  })
})
