/**
 * 消息中心 and 消息设置 as the citizen uses them, and a case's messages with
 * their receipts on the workbench (with the resend of a stopped one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KINDS_SENT, type MessageList, type MessageSettings, type StaffCaseDetail, type StaffMessage } from '@tongban/core'
import { minimumLivingApplication, signInCitizen, startTestServer, submitApplication, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { messageRepo } from '../../store/messages'
import { DELIVER_MESSAGE } from '../../messages/effect'

/** 23:30 in Beijing: SMS is held for the night, so the messages stay queued until the test moves the clock. */
let clock = Date.parse('2026-12-07T15:30:00Z')
let server: TestServer
const staff: Record<string, string> = {}
beforeAll(async () => {
  server = await startTestServer({ now: () => clock, config: { processRole: 'web' } })
  for (const who of ['clerk', 'reviewer']) {
    staff[who] = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: who, password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
  }
})
afterAll(async () => server?.close())

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

async function act(caseNo: string, body: object): Promise<void> {
  const headers = bearer(staff.clerk!)
  const { version } = (await server.app.inject({ url: `/api/staff/cases/${caseNo}`, headers })).json<StaffCaseDetail>()
  const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${caseNo}/events`, payload: { ...body, version }, headers })
  expect(res.statusCode, res.body).toBe(200)
}

describe('消息中心', () => {
  let token: string
  let caseNo: string
  beforeAll(async () => {
    const phone = '13966660001'
    ;({ token } = await signInCitizen(server.app, phone, '10.66.0.1'))
    ;({ caseNo } = await submitApplication(server.app, token, minimumLivingApplication(phone), 'messages-route-000001'))
    await act(caseNo, { type: 'start_pre_review' })
    await act(caseNo, { type: 'request_supplement', items: [{ path: 'reason', reason: '请写明家庭收入的来源' }] })
  })
  const list = async (query = '', who = token) => (await server.app.inject({ url: `/api/me/messages${query}`, headers: bearer(who) })).json<MessageList>()

  it('lists the person\'s messages, newest first, with the unread count, each opening its case', async () => {
    const { messages, unread } = await list()
    expect(unread).toBe(1)
    expect(messages).toEqual([{
      id: expect.any(String), kind: 'supplement_requested', caseNo, title: '您的申请需要补正材料', body: expect.stringContaining('请写明家庭收入的来源'),
      at: expect.any(String), read: false, link: { web: `/cases/${caseNo}/supplement`, mini: `/packages/apply/pages/supplement/index?caseNo=${caseNo}` },
    }])
    // Another person sees none of it.
    const other = await signInCitizen(server.app, '13966660002', '10.66.0.2')
    expect(await list('', other.token)).toEqual({ messages: [], unread: 0 })
    const theirs = await server.app.inject({ method: 'POST', url: `/api/me/messages/${messages[0]!.id}/read`, headers: bearer(other.token) })
    expect(theirs.statusCode).toBe(404)
    expect((await server.app.inject({ url: '/api/me/messages' })).statusCode).toBe(401)
  })

  it('pages older messages with before, and marks one or all read', async () => {
    // One more: the applicant withdraws the case.
    const withdrawn = await server.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/withdraw`, payload: { version: 3 }, headers: bearer(token) })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    const { messages } = await list()
    expect(messages.map((m) => m.kind)).toEqual(['withdrawn', 'supplement_requested'])
    expect((await list(`?before=${messages[0]!.id}`)).messages.map((m) => m.kind)).toEqual(['supplement_requested'])
    expect((await list(`?before=${messages[1]!.id}`)).messages).toEqual([])
    expect((await server.app.inject({ url: '/api/me/messages?before=nope', headers: bearer(token) })).statusCode).toBe(400)

    expect((await server.app.inject({ method: 'POST', url: `/api/me/messages/${messages[1]!.id}/read`, headers: bearer(token) })).statusCode).toBe(204)
    expect((await list()).unread).toBe(1)
    expect((await server.app.inject({ method: 'POST', url: '/api/me/messages/read-all', headers: bearer(token) })).statusCode).toBe(204)
    const after = await list()
    expect([after.unread, after.messages.every((m) => m.read)]).toEqual([0, true])
  })

  it('keeps 消息设置 per kind, on unless switched off', async () => {
    const get = async () => (await server.app.inject({ url: '/api/me/message-settings', headers: bearer(token) })).json<MessageSettings>()
    expect((await get()).kinds.find((k) => k.kind === 'paused')).toEqual({ kind: 'paused', label: '暂停计时', enabled: true })
    const put = await server.app.inject({ method: 'PUT', url: '/api/me/message-settings', payload: { kinds: [{ kind: 'paused', enabled: false }] }, headers: bearer(token) })
    expect(put.statusCode).toBe(200)
    expect(put.json<MessageSettings>().kinds.filter((k) => !k.enabled).map((k) => k.kind)).toEqual(['paused'])
    await server.app.inject({ method: 'PUT', url: '/api/me/message-settings', payload: { kinds: [{ kind: 'paused', enabled: true }, { kind: 'resumed', enabled: false }] }, headers: bearer(token) })
    expect((await get()).kinds.filter((k) => !k.enabled).map((k) => k.kind)).toEqual(['resumed'])
    const bad = await server.app.inject({ method: 'PUT', url: '/api/me/message-settings', payload: { kinds: [{ kind: 'spam', enabled: false }] }, headers: bearer(token) })
    expect(bad.statusCode).toBe(400)
    // 消息设置 lists only what is sent today; a kind no event makes yet is refused in words, not kept.
    expect((await get()).kinds.map((k) => k.kind)).toEqual(KINDS_SENT)
    const notSent = await server.app.inject({ method: 'PUT', url: '/api/me/message-settings', payload: { kinds: [{ kind: 'accepted', enabled: true }, { kind: 'delivery_event', enabled: false }] }, headers: bearer(token) })
    expect(notSent.statusCode).toBe(400)
    expect(notSent.headers['content-type']).toContain('application/problem+json')
    expect(notSent.json().errors).toEqual([{ path: 'kinds.1.kind', code: 'not_sent', message: '这类消息现在不会发给您，不用设置' }])
    expect((await get()).kinds.filter((k) => !k.enabled).map((k) => k.kind)).toEqual(['resumed'])
  })
})

describe('a case\'s messages on the workbench', () => {
  it('shows each message with its receipts; a stopped one can be sent again', async () => {
    const phone = '13966660003'
    const { token } = await signInCitizen(server.app, phone, '10.66.0.3')
    const { caseNo } = await submitApplication(server.app, token, minimumLivingApplication(phone), 'messages-route-000002')
    await act(caseNo, { type: 'start_pre_review' })
    await act(caseNo, { type: 'accept' })
    const view = async (who = 'clerk') => server.app.inject({ url: `/api/staff/cases/${caseNo}/messages`, headers: bearer(staff[who]!) })

    // At night the SMS waits for 8:00: the message is still being sent.
    await server.app.outbox.dispatch({ kinds: [DELIVER_MESSAGE] })
    let [accepted] = (await view()).json<StaffMessage[]>()
    expect(accepted).toMatchObject({ kind: 'accepted', label: '已受理', state: 'sending', read: false })
    expect(accepted!.receipts.map((r) => [r.channel, r.status, r.code])).toEqual([[null, 'queued', null], ['wechat', 'unavailable', null], ['webpush', 'unavailable', null], ['sms', 'queued', 'held']])

    // Stopped (as after too many tries): staff see it dead, and send it again in the morning.
    await server.app.db.query(`update outbox set dead_at = $2, last_error = 'sms provider_busy: isp.SYSTEM_ERROR' where kind = $1 and case_id = (select id from cases where case_no = $3)`, [DELIVER_MESSAGE, new Date(clock), caseNo])
    ;[accepted] = (await view()).json<StaffMessage[]>()
    expect(accepted).toMatchObject({ state: 'dead', lastError: 'sms provider_busy: isp.SYSTEM_ERROR' })
    clock = Date.parse('2026-12-08T01:00:00Z') // 9:00
    const again = await server.app.inject({ method: 'POST', url: `/api/staff/messages/${accepted!.id}/resend`, headers: bearer(staff.clerk!) })
    expect(again.statusCode).toBe(202)
    await server.app.outbox.dispatch({ kinds: [DELIVER_MESSAGE] })
    ;[accepted] = (await view()).json<StaffMessage[]>()
    expect(accepted).toMatchObject({ state: 'sent', lastError: null })
    expect(accepted!.receipts.at(-1)).toMatchObject({ channel: 'sms', status: 'sent', providerId: expect.any(String) })
    // Only a stopped one: sending a sent message again is refused.
    expect((await server.app.inject({ method: 'POST', url: `/api/staff/messages/${accepted!.id}/resend`, headers: bearer(staff.clerk!) })).statusCode).toBe(404)

    // A department the case was not given to may not read them; the look by the window is in the applicant's access log.
    expect((await view('reviewer')).statusCode).toBe(403)
    expect((await server.app.inject({ url: `/api/staff/cases/${caseNo}/messages`, headers: bearer(token) })).statusCode).toBe(401)
    expect((await messageRepo(server.app.db).forCase('00000000-0000-0000-0000-000000000000'))).toEqual([])
  })
})
