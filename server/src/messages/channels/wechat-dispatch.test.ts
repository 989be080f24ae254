/**
 * The WeChat channel in the dispatcher, through the whole BFF and its local
 * fake WeChat API: a mini-program user who accepted a template is told by
 * WeChat; once the acceptance is used up (or WeChat holds none: 43101) the
 * same message goes by SMS; a value WeChat refuses (47003) is a dead letter,
 * sent by no other channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionResult, StaffCaseDetail } from '@tongban/core'
import { giveRealName, minimumLivingApplication, realNameFor, startTestServer, submitApplication, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { loadConfig } from '../../config'
import { createAliyunSms, startFakeSmsServer, type FakeSmsServer } from '../../connectors/sms/index'
import type { FakeWechatServer } from '../../connectors/wechat/index'
import { messageRepo } from '../../store/messages'
import { wechatSubscriptionsRepo } from '../../store/wechat-subscriptions'
import { DELIVER_MESSAGE } from '../effect'

/** 10:00 in Beijing: SMS is not held for the night. */
const clock = Date.parse('2026-12-07T02:00:00Z')
let sms: FakeSmsServer
let server: TestServer
let wechat: FakeWechatServer
let clerk: string
let n = 0

beforeAll(async () => {
  sms = await startFakeSmsServer({ minIntervalMs: 0 })
  const provider = createAliyunSms({ ...loadConfig({}).sms, baseUrl: sms.url, accessKeyId: sms.accessKeyId, accessKeySecret: sms.accessKeySecret })
  server = await startTestServer({ sms: provider, now: () => clock, config: { processRole: 'web' } })
  wechat = server.app.connectors.fakeWechat!
  clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
})
afterAll(async () => {
  await server?.close()
  await sms?.close()
})

/** Signed in through the mini-program, phone bound (so SMS can take over), real name given. */
async function miniProgramUser(phone: string): Promise<{ token: string; accountId: string; openid: string }> {
  const openid = `o-dispatch-${++n}`
  const code = (await server.app.inject(`/dev/wechat/login-code?openid=${openid}`)).json<{ code: string }>().code
  const first = (await server.app.inject({ method: 'POST', url: '/api/auth/wechat/login', payload: { code } })).json<SessionResult>()
  const phoneCode = (await server.app.inject(`/dev/wechat/phone-code?phone=${phone}`)).json<{ code: string }>().code
  const bound = (await server.app.inject({ method: 'POST', url: '/api/auth/wechat/phone', payload: { code: phoneCode }, headers: { authorization: `Bearer ${first.token}` } })).json<SessionResult>()
  await giveRealName(server.app, bound.token, realNameFor(phone))
  return { token: bound.token, accountId: bound.account.id, openid }
}

async function act(caseNo: string, body: object): Promise<void> {
  const headers = { authorization: `Bearer ${clerk}` }
  const { version } = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers })).json<StaffCaseDetail>()
  const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...body, version }, headers })
  expect(res.statusCode, res.body).toBe(200)
}

/** A case of this person's, accepted: one `accepted` message, sent by the dispatcher; its deliveries. */
async function acceptedCase(who: { token: string; accountId: string }, phone: string) {
  const { caseNo } = await submitApplication(server.app, who.token, minimumLivingApplication(phone), `wechat-dispatch-${++n}`.padEnd(24, '0'))
  await act(caseNo, { type: 'start_pre_review' })
  await act(caseNo, { type: 'accept' })
  await server.app.outbox.dispatch({ kinds: [DELIVER_MESSAGE] })
  const repo = messageRepo(server.app.db)
  const message = (await repo.forAccount(who.accountId, { limit: 50 })).find((m) => m.content.caseNo === caseNo && m.kind === 'accepted')!
  return { caseNo, deliveries: (await repo.deliveries([message.id])).map((d) => [d.channel, d.status, d.provider_code]) }
}

const smsTo = (phone: string) => sms.messages().filter((m) => m.phone === phone && m.templateCode.startsWith('SMS_MSG_'))

describe('the WeChat channel in the dispatcher', () => {
  it('an accepted template carries the message by WeChat; with it used up, the next goes by SMS', async () => {
    const phone = '13955560001'
    const me = await miniProgramUser(phone)
    const report = await server.app.inject({ method: 'POST', url: '/api/me/wechat/subscriptions', payload: { results: { DEMO_progress: 'accept' } }, headers: { authorization: `Bearer ${me.token}` } })
    expect(report.statusCode, report.body).toBe(200)

    const first = await acceptedCase(me, phone)
    expect(first.deliveries).toEqual([[null, 'queued', null], ['wechat', 'sent', null]])
    const [sent] = wechat.sentMessages().filter((m) => m.touser === me.openid)
    expect(sent).toMatchObject({ template_id: 'DEMO_progress', page: `packages/apply/pages/case/index?caseNo=${encodeURIComponent(first.caseNo)}` })
    expect(sent!.data.character_string1!.value).toBe(first.caseNo)
    expect(smsTo(phone)).toEqual([])

    const second = await acceptedCase(me, phone)
    expect(second.deliveries).toEqual([[null, 'queued', null], ['wechat', 'unavailable', null], ['webpush', 'unavailable', null], ['sms', 'sent', null]])
    expect(smsTo(phone).map((m) => m.params.no)).toEqual([second.caseNo])
  })

  it('43101 (our ledger counted an accept WeChat does not hold): the same message goes by SMS, the count goes to 0', async () => {
    const phone = '13955560002'
    const me = await miniProgramUser(phone)
    await wechatSubscriptionsRepo(server.app.db).record(me.openid, { DEMO_progress: 'accept' }, new Date(clock))
    const c = await acceptedCase(me, phone)
    expect(c.deliveries).toEqual([[null, 'queued', null], ['wechat', 'failed', '43101'], ['webpush', 'unavailable', null], ['sms', 'sent', null]])
    expect((await wechatSubscriptionsRepo(server.app.db).remaining(me.openid, ['DEMO_progress'])).DEMO_progress).toBe(0)
  })

  it('47003 (the console\'s template has a keyword we do not fill): a dead letter, told by no other channel', async () => {
    const phone = '13955560003'
    const me = await miniProgramUser(phone)
    const keywords = loadConfig({}).wechat.templates.find((t) => t.id === 'DEMO_progress')!.keywords.map((k) => k.key)
    wechat.addTemplate({ id: 'DEMO_progress', keywords: [...keywords, 'thing9'] })
    try {
      await server.app.inject({ method: 'POST', url: '/api/me/wechat/subscriptions', payload: { results: { DEMO_progress: 'accept' } }, headers: { authorization: `Bearer ${me.token}` } })
      const c = await acceptedCase(me, phone)
      expect(c.deliveries).toEqual([[null, 'queued', null], ['wechat', 'failed', '47003']])
      expect(smsTo(phone)).toEqual([])
      const jobs = (await server.app.inject({ url: '/api/staff/outbox', headers: { authorization: `Bearer ${clerk}` } })).json<{ caseNo: string; state: string; lastError: string | null }[]>()
      expect(jobs.find((j) => j.caseNo === c.caseNo && j.state === 'dead')?.lastError).toContain('thing9')
    } finally {
      wechat.addTemplate({ id: 'DEMO_progress', keywords })
    }
  })
})
