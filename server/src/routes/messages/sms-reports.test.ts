/**
 * SMS delivery reports (短信回执): the carrier's word on each sent message
 * reaches the case's receipts. The local fake provider pushes its reports to
 * the BFF's `/api/hooks/sms-reports/<token>` as Alibaba Cloud's HTTP 批量推送
 * does (a JSON array, again until answered `{code: 0}`); a delivered one
 * reads 已送达, an undeliverable phone 失败 with the carrier's code. A report
 * heard twice, or for no message of ours (a sign-in code), writes nothing; a
 * wrong token is a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffCaseDetail, StaffMessage } from '@tongban/core'
import { minimumLivingApplication, signInCitizen, startTestServer, submitApplication, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import type { FakeSmsServer } from '../../connectors/sms/index'
import { messageRepo } from '../../store/messages'
import { DELIVER_MESSAGE } from '../../messages/effect'

/** 10:00 in Beijing: SMS is not held for the night. */
const clock = Date.parse('2026-12-07T02:00:00Z')
let server: TestServer
let fake: FakeSmsServer
let clerk: string
beforeAll(async () => {
  server = await startTestServer({ now: () => clock, config: { processRole: 'web' } })
  fake = server.app.connectors.fakeSms!
  clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
})
afterAll(async () => server?.close())

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

async function act(caseNo: string, body: object): Promise<void> {
  const { version } = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers: bearer(clerk) })).json<StaffCaseDetail>()
  const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...body, version }, headers: bearer(clerk) })
  expect(res.statusCode, res.body).toBe(200)
}

/** A signed-in applicant's case, accepted, its message sent by SMS; the message's id. */
async function acceptedBySms(phone: string, key: string): Promise<{ caseNo: string; messageId: string }> {
  const { token, account } = await signInCitizen(server.app, phone, `10.77.0.${phone.slice(-1)}`)
  const { caseNo } = await submitApplication(server.app, token, minimumLivingApplication(phone), key)
  await act(caseNo, { type: 'start_pre_review' })
  await act(caseNo, { type: 'accept' })
  await server.app.outbox.dispatch({ kinds: [DELIVER_MESSAGE] })
  const [message] = await messageRepo(server.app.db).forAccount(account.id, { limit: 1 })
  return { caseNo, messageId: message!.id }
}

const receipts = async (messageId: string) =>
  (await messageRepo(server.app.db).deliveries([messageId])).filter((d) => d.channel === 'sms').map((d) => [d.status, d.provider_code])

describe('SMS delivery reports', () => {
  it('turns 已发出 into 已送达, or 失败 with the carrier\'s code, from the reports the provider pushes', async () => {
    const ok = await acceptedBySms('13977770001', 'sms-reports-00000001')
    fake.undeliverable('13977770002')
    const off = await acceptedBySms('13977770002', 'sms-reports-00000002')
    // The fake pushes a moment after each send; the test does not wait for it.
    await fake.flushReports()
    const pushes = fake.reportPushes()
    // Every push answered as the provider wants it, so none is pushed again.
    expect(pushes.map((p) => [p.status, p.answer])).toEqual(pushes.map(() => [200, { code: 0, msg: '接收成功' }]))
    // The sign-in codes were reported too: they are no message of a case, and wrote nothing.
    expect(pushes.flatMap((p) => p.reports).length).toBe(4)
    expect(await receipts(ok.messageId)).toEqual([['sent', null], ['delivered', 'DELIVERED']])
    expect(await receipts(off.messageId)).toEqual([['sent', null], ['failed', 'MOBILE_NOT_ON_SERVICE']])

    // Staff see it on the case, dated when the carrier reported it (the fake's report_time: Beijing time, whole seconds).
    const [shown] = (await server.app.inject({ url: `/api/staff/cases/${ok.caseNo}/messages`, headers: bearer(clerk) })).json<StaffMessage[]>()
    expect(shown!.receipts.at(-1)).toMatchObject({ channel: 'sms', status: 'delivered', code: 'DELIVERED', detail: '用户接收成功' })
    const reportTime = pushes.flatMap((p) => p.reports).find((r) => r.biz_id === shown!.receipts.at(-2)!.providerId)!.report_time
    expect(shown!.receipts.at(-1)!.at).toBe(new Date(`${reportTime.replace(' ', 'T')}+08:00`).toISOString())
  })

  it('writes a report heard again nothing, and refuses a wrong token or a malformed report', async () => {
    const { messageId } = await acceptedBySms('13977770003', 'sms-reports-00000003')
    await fake.flushReports()
    const before = await receipts(messageId)
    expect(before).toEqual([['sent', null], ['delivered', 'DELIVERED']])
    const reported = fake.reportPushes().flatMap((p) => p.reports).filter((r) => r.phone_number === '13977770003')
    const token = server.app.connectors.smsReportToken!
    const again = await server.app.inject({ method: 'POST', url: `/api/hooks/sms-reports/${token}`, payload: reported })
    expect(again.json()).toEqual({ code: 0, msg: '接收成功' })
    expect(await receipts(messageId)).toEqual(before)

    const forged = await server.app.inject({ method: 'POST', url: `/api/hooks/sms-reports/${token.slice(0, -2)}xx`, payload: reported.map((r) => ({ ...r, success: false })) })
    expect(forged.statusCode).toBe(404)
    expect(forged.headers['content-type']).toContain('application/problem+json')
    const malformed = await server.app.inject({ method: 'POST', url: `/api/hooks/sms-reports/${token}`, payload: [{ ...reported[0], biz_id: undefined }] })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.headers['content-type']).toContain('application/problem+json')
    expect(await receipts(messageId)).toEqual(before)
  })
})
