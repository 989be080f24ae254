/**
 * Web Push in the dispatcher, through the whole BFF and a real push service
 * (web-push-testing checks the VAPID JWT and decrypts the payload): a
 * citizen whose browser subscribed is told of her accepted case by a
 * notification; once the push service has dropped the subscription (410),
 * the next message goes by SMS and the subscription is gone from the BFF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffCaseDetail } from '@tongban/core'
import { giveRealName, minimumLivingApplication, realNameFor, startTestServer, submitApplication, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { loadConfig } from '../../config'
import { createAliyunSms, startFakeSmsServer, type FakeSmsServer } from '../../connectors/sms/index'
import { messageRepo } from '../../store/messages'
import { DELIVER_MESSAGE } from '../effect'
import { startPushTestingService, type PushTestingService } from './web-push-testing'

/** 10:00 in Beijing: SMS is not held for the night. */
const clock = Date.parse('2026-12-07T02:00:00Z')
let sms: FakeSmsServer
let server: TestServer
let push: PushTestingService
let clerk: string
let n = 0

beforeAll(async () => {
  push = await startPushTestingService()
  sms = await startFakeSmsServer({ minIntervalMs: 0 })
  const provider = createAliyunSms({ ...loadConfig({}).sms, baseUrl: sms.url, accessKeyId: sms.accessKeyId, accessKeySecret: sms.accessKeySecret })
  server = await startTestServer({ sms: provider, now: () => clock, config: { processRole: 'web' } })
  clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
})
afterAll(async () => {
  await server?.close()
  await sms?.close()
  await push?.close()
})

/** Signed in by SMS code (read from this test's fake provider), real name given. */
async function signIn(phone: string): Promise<{ token: string; accountId: string }> {
  const sent = await server.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone } })
  expect(sent.statusCode, sent.body).toBe(202)
  const code = sms.messages().filter((m) => m.phone === phone && m.params.code).at(-1)!.params.code
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone, code } })
  expect(res.statusCode, res.body).toBe(200)
  const { token, account } = res.json<{ token: string; account: { id: string } }>()
  await giveRealName(server.app, token, realNameFor(phone))
  return { token, accountId: account.id }
}

async function act(caseNo: string, body: object): Promise<void> {
  const headers = { authorization: `Bearer ${clerk}` }
  const { version } = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers })).json<StaffCaseDetail>()
  const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...body, version }, headers })
  expect(res.statusCode, res.body).toBe(200)
}

/** A case of hers, accepted and its message dispatched: the message's receipts. */
async function acceptedCase(token: string, accountId: string, phone: string) {
  const { caseNo } = await submitApplication(server.app, token, minimumLivingApplication(phone), `webpush-dispatch-${++n}`.padEnd(24, '0'))
  await act(caseNo, { type: 'start_pre_review' })
  await act(caseNo, { type: 'accept' })
  await server.app.outbox.dispatch({ kinds: [DELIVER_MESSAGE] })
  const repo = messageRepo(server.app.db)
  const message = (await repo.forAccount(accountId, { limit: 50 })).find((m) => m.content.caseNo === caseNo && m.kind === 'accepted')!
  const receipts = async () => (await repo.deliveries([message.id])).map((d) => [d.channel, d.status, d.provider_code])
  return { caseNo, messageId: message.id, receipts: await receipts(), receiptsNow: receipts }
}

describe('Web Push in the dispatcher', () => {
  it('a subscribed browser gets the accepted case as a notification; after the push service drops it, SMS takes the next message', async () => {
    const phone = '13955570001'
    const { token, accountId } = await signIn(phone)
    const auth = { authorization: `Bearer ${token}` }
    const { publicKey } = (await server.app.inject('/api/push/vapid-public-key')).json<{ publicKey: string }>()
    const sub = await push.subscribe(publicKey)
    const saved = await server.app.inject({ method: 'POST', url: '/api/me/push-subscriptions', payload: { endpoint: sub.endpoint, keys: sub.keys }, headers: auth })
    expect(saved.statusCode, saved.body).toBe(201)
    const smsTo = () => sms.messages().filter((m) => m.phone === phone && m.templateCode.startsWith('SMS_MSG_'))

    const first = await acceptedCase(token, accountId, phone)
    expect(first.receipts).toEqual([[null, 'queued', null], ['wechat', 'unavailable', null], ['webpush', 'sent', null]])
    const shown = (await push.messages(sub.clientHash)).map((p) => JSON.parse(p) as { title: string; body: string; url: string; tag: string })
    expect(shown).toEqual([expect.objectContaining({ title: '您的申请已受理', url: `/cases/${first.caseNo}`, tag: first.caseNo })])
    expect(shown[0]!.body).toContain(first.caseNo)
    expect(smsTo()).toEqual([])

    // The worker says it showed it (sw/push.ts acknowledgeShown): 已送达, once; nobody else can say so.
    const shownAt = (id: string, headers = auth) => server.app.inject({ method: 'POST', url: `/api/me/messages/${id}/shown`, headers })
    expect((shown[0] as unknown as { id: string }).id).toBe(first.messageId)
    const stranger = await signIn('13955570002')
    expect((await shownAt(first.messageId, { authorization: `Bearer ${stranger.token}` })).statusCode).toBe(404)
    expect((await shownAt(first.messageId)).statusCode).toBe(204)
    expect((await shownAt(first.messageId)).statusCode).toBe(204)
    expect(await first.receiptsNow()).toEqual([...first.receipts, ['webpush', 'delivered', null]])

    await push.expire(sub.clientHash)
    const second = await acceptedCase(token, accountId, phone)
    expect(second.receipts).toEqual([[null, 'queued', null], ['wechat', 'unavailable', null], ['webpush', 'failed', 'webpush_gone'], ['sms', 'sent', null]])
    expect(smsTo().map((m) => m.params.no)).toEqual([second.caseNo])
    expect((await server.app.inject({ url: '/api/me/push-subscriptions', headers: auth })).json<unknown[]>()).toEqual([])
  })
})
