/**
 * A case's events tell its applicant through the whole BFF: the clerk
 * accepts, one message is written with the event, and its job sends it by
 * SMS to the local fake provider; a replay of the event or of the job makes
 * no second one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffCaseDetail } from '@tongban/core'
import { giveRealName, minimumLivingApplication, realNameFor, startTestServer, submitApplication, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'
import { loadConfig } from '../config'
import { createAliyunSms, startFakeSmsServer, type FakeSmsServer } from '../connectors/sms/index'
import { caseRepo } from '../store/cases'
import { messageRepo } from '../store/messages'
import { loadEvents } from '../cases/events'
import { messageEffect, DELIVER_MESSAGE } from './effect'

/** 10:00 in Beijing: SMS is not held for the night. */
let clock = Date.parse('2026-12-07T02:00:00Z')
let fake: FakeSmsServer
let server: TestServer
let clerk: string
beforeAll(async () => {
  // The provider's flow control (one a minute per phone) is off: the sign-in code and the message go to one phone.
  fake = await startFakeSmsServer({ minIntervalMs: 0 })
  const sms = createAliyunSms({ ...loadConfig({}).sms, baseUrl: fake.url, accessKeyId: fake.accessKeyId, accessKeySecret: fake.accessKeySecret })
  // A web process: the test sends what the outbox holds itself, when it means to.
  server = await startTestServer({ sms, now: () => clock, config: { processRole: 'web' } })
  clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
})
afterAll(async () => {
  await server?.close()
  await fake?.close()
})

async function signIn(phone: string): Promise<{ token: string; accountId: string }> {
  expect((await server.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone } })).statusCode).toBe(202)
  const code = /验证码为(\d{6})/.exec(fake.messages().filter((m) => m.phone === phone).at(-1)!.text)![1]
  const res = (await server.app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone, code } })).json<{ token: string; account: { id: string } }>()
  await giveRealName(server.app, res.token, realNameFor(phone))
  return { token: res.token, accountId: res.account.id }
}

async function act(caseNo: string, body: object): Promise<void> {
  const headers = { authorization: `Bearer ${clerk}` }
  const { version } = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers })).json<StaffCaseDetail>()
  const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...body, version }, headers })
  expect(res.statusCode, res.body).toBe(200)
}

describe('messages from a case', () => {
  it('tells the applicant once that the case was accepted, by SMS', async () => {
    const phone = '13955550001'
    const { token, accountId } = await signIn(phone)
    const { caseNo } = await submitApplication(server.app, token, minimumLivingApplication(phone), 'case-messages-0000001')
    await act(caseNo, { type: 'start_pre_review' })
    const repo = messageRepo(server.app.db)
    // Submitting and starting pre-review tell nobody.
    expect(await repo.forAccount(accountId, { limit: 10 })).toEqual([])

    await act(caseNo, { type: 'accept' })
    const [message, ...more] = await repo.forAccount(accountId, { limit: 10 })
    expect(more).toEqual([])
    expect(message!.kind).toBe('accepted')
    expect(message!.content.body).toContain(caseNo)
    expect(message!.content.link.web).toBe(`/cases/${caseNo}`)

    const texts = () => fake.messages().filter((m) => m.phone === phone && m.templateCode.startsWith('SMS_MSG_'))
    expect(texts()).toEqual([])
    await server.app.outbox.dispatch({ kinds: [DELIVER_MESSAGE] })
    expect(texts().map((m) => [m.templateCode, m.params.no])).toEqual([['SMS_MSG_ACCEPTED', caseNo]])
    expect((await repo.deliveries([message!.id])).map((d) => [d.channel, d.status])).toEqual([[null, 'queued'], ['wechat', 'unavailable'], ['webpush', 'unavailable'], ['sms', 'sent']])

    // The accept event's effect run again (a replay): the same key, no second message, no second job.
    const row = (await caseRepo(server.app.db).byNo(caseNo))!
    const events = await loadEvents(server.app.db, row.id)
    const queued: string[] = []
    await server.app.db.transaction(async (tx) => messageEffect.run({
      tx, row, item: null, before: { events: events.slice(0, -1) } as never, after: { events } as never,
      event: events.at(-1)!, added: [events.at(-1)!], today: '2026-12-07', departmentName: (c) => c,
      enqueue: async (kind) => { queued.push(kind) }, announce: (_, e) => { queued.push(e.type) },
    }))
    expect(queued).toEqual([])
    expect(await repo.forAccount(accountId, { limit: 10 })).toHaveLength(1)

    // The job itself sent again (staff resend, a crash after the send): the message went already.
    const job = (await server.app.db.query<{ id: string }>(`select id::text as id from outbox where kind = $1 and payload->>'messageId' = $2`, [DELIVER_MESSAGE, message!.id]))[0]!
    await server.app.db.query('update outbox set sent_at = null where id = $1', [job.id])
    await server.app.outbox.dispatch({ kinds: [DELIVER_MESSAGE] })
    expect(texts()).toHaveLength(1)
  })
})
