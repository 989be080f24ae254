/**
 * 代办 end to end on the BFF: with a granted consent an agent sees only the
 * resident's licences the item takes (and the resident sees that look in
 * their access log), uploads a material that becomes the resident's file,
 * and submits once; the case is the resident's and names the agent and the
 * consent. The applicant is the resident: without the resident's real name
 * nothing is created; with it, the agent reads it for the applicant fields
 * (a look the resident sees) and a form naming someone else is refused at
 * those fields. Without the consent, for another item, or as another agent:
 * refused. What happens to the case is told to the resident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccessLogEntry, AgentApplicant, CaseDetail, CaseSummary, Consent, Licence, MessageList, Problem, RealName, SubmitCaseBody, UploadedFile } from '@tongban/core'
import { giveRealName, realNameFor, startTestServer, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { multipartBody, PHOTO_JPEG } from '../../uploads/fixtures/files'

let server: TestServer
let agent: string
let consent: Consent
let residentToken: string
const phone = '13766660001'
/** The resident's real name, given after the first test. */
const resident: RealName = realNameFor(phone, '赵大山')

const as = (token: string) => ({ authorization: `Bearer ${token}` })

beforeAll(async () => {
  server = await startTestServer()
  agent = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'agent', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
  const pending = (await server.app.inject({ method: 'POST', url: '/api/agent/consents', payload: { residentPhone: phone, itemCode: 'SJ-0001' }, headers: as(agent) })).json<Consent>()
  const inbox = (await server.app.inject('/dev/inbox.json')).json<{ phone: string; text: string }[]>()
  const code = /验证码(\d{6})/.exec(inbox.find((m) => m.phone === phone && m.text.includes('代办'))!.text)![1]!
  consent = (await server.app.inject({ method: 'POST', url: `/api/agent/consents/${pending.id}/confirm`, payload: { code }, headers: as(agent) })).json<Consent>()
  expect(consent.status).toBe('granted')
  const [account] = await server.app.db.query<{ id: string }>('select id from accounts where phone = $1', [phone])
  residentToken = (await server.app.sessions.create(account!.id)).token
})
afterAll(async () => { await server?.close() })

/** The resident's shop (their wallet's 营业执照), the resident its 负责人. */
function body(licence: Licence, fileId: string, over: Partial<SubmitCaseBody> = {}): SubmitCaseBody {
  return {
    itemCode: 'SJ-0001', formVersion: 1, answers: { category: 'sales' }, delivery: 'electronic', personalDataConsent: true, agentConsentId: consent.id,
    values: {
      operatorName: licence.holder, creditCode: licence.holderCreditCode, legalPerson: resident.name, legalPersonId: resident.idNumber,
      phone, premisesRegion: { province: '330000', city: '330100', district: '330106' }, premisesAddress: '石桥村1号', premisesArea: 30,
      mainBusiness: 'sales', businessItems: ['prepacked'], businessLicenceFile: { kind: 'eLicence', licenceId: licence.id },
      layoutFile: { kind: 'upload', fileId }, rulesFile: { kind: 'upload', fileId }, pledge: true,
    },
    ...over,
  }
}

describe('代办: an agent applies for a resident who consented', () => {
  let licence: Licence
  let file: UploadedFile
  const applicant = async () => {
    const res = await server.app.inject({ url: `/api/agent/consents/${consent.id}/applicant`, headers: as(agent) })
    expect(res.statusCode).toBe(200)
    return res.json<AgentApplicant>().realName
  }

  it('refuses to apply for a resident who has no real name yet, creating nothing, and says why to the agent', async () => {
    expect(await applicant()).toBeNull()
    const shop = { holder: '示例市杏花村小吃店', holderCreditCode: '91350100M000100Y43', id: '00000000-0000-4000-8000-000000000001' } as Licence
    const res = await server.app.inject({ method: 'POST', url: '/api/agent/cases', payload: body(shop, '00000000-0000-4000-8000-000000000002'), headers: { ...as(agent), 'idempotency-key': 'agent-no-real-name-000001' } })
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json<Problem>()).toMatchObject({ code: 'REAL_NAME_REQUIRED', type: 'urn:tongban:problem:real-name-required', title: '办事前需要先实名，请填写您的姓名和居民身份证号码', detail: expect.stringContaining('群众还没有实名') })
    expect((await server.app.inject({ url: '/api/me/cases', headers: as(residentToken) })).json<CaseSummary[]>()).toEqual([])
    const [{ n }] = await server.app.db.query<{ n: number }>('select count(*)::int as n from cases c join accounts a on a.id = c.account_id where a.phone = $1', [phone]) as [{ n: number }]
    expect(n).toBe(0)
    // Nobody's real name was looked at: nothing in the resident's access log.
    expect((await server.app.inject({ url: '/api/me/access-log', headers: as(residentToken) })).json<AccessLogEntry[]>()).toEqual([])
    await giveRealName(server.app, residentToken, resident)
  })

  it('gives the agent the resident’s real name for the applicant fields, and the resident sees the look', async () => {
    expect(await applicant()).toEqual(resident)
    const log = (await server.app.inject({ url: '/api/me/access-log', headers: as(residentToken) })).json<AccessLogEntry[]>()
    expect(log[0]).toMatchObject({ purpose: 'assist', fields: ['realName'] })
  })

  it('shows the agent only the licences the item takes, and the resident sees the look', async () => {
    const res = await server.app.inject({ url: `/api/agent/consents/${consent.id}/licences`, headers: as(agent) })
    expect(res.statusCode).toBe(200)
    const licences = res.json<Licence[]>()
    expect(licences.map((l) => l.type)).toEqual(['营业执照'])
    licence = licences[0]!
    const log = (await server.app.inject({ url: '/api/me/access-log', headers: as(residentToken) })).json<AccessLogEntry[]>()
    expect(log[0]).toMatchObject({ purpose: 'assist', fields: ['licence:营业执照'] })
  })

  it('uploads a material that becomes the resident’s file', async () => {
    const { body: payload, contentType } = multipartBody([{ name: 'file', filename: '布局图.jpg', type: 'image/jpeg', data: PHOTO_JPEG }])
    const res = await server.app.inject({ method: 'POST', url: `/api/agent/consents/${consent.id}/uploads`, payload, headers: { ...as(agent), 'content-type': contentType } })
    expect(res.statusCode).toBe(201)
    file = res.json<UploadedFile>()
    expect((await server.app.inject({ url: `/api/uploads/${file.id}`, headers: as(residentToken) })).statusCode).toBe(200)
  })

  it('submits once; the case is the resident’s and names the agent and the consent', async () => {
    const send = () => server.app.inject({ method: 'POST', url: '/api/agent/cases', payload: body(licence, file.id), headers: { ...as(agent), 'idempotency-key': 'agent-key-000000000000001' } })
    const [a, b] = await Promise.all([send(), send()])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201])
    const c = a.json<CaseDetail>()
    expect(b.json<CaseDetail>().caseNo).toBe(c.caseNo)
    expect(c.agent).toEqual({ name: expect.stringContaining('刘梅'), consentId: consent.id })
    const mine = (await server.app.inject({ url: '/api/me/cases', headers: as(residentToken) })).json<CaseSummary[]>()
    expect(mine.map((x) => x.caseNo)).toEqual([c.caseNo])
    const seen = (await server.app.inject({ url: `/api/cases/${c.caseNo}`, headers: as(residentToken) })).json<CaseDetail>()
    expect(seen.agent?.consentId).toBe(consent.id)
    expect(seen.materials.map((m) => m.kind).sort()).toEqual(['eLicence', 'upload', 'upload'])
    const log = (await server.app.inject({ url: '/api/me/access-log', headers: as(residentToken) })).json<AccessLogEntry[]>()
    expect(log[0]).toMatchObject({ purpose: 'assist', fields: ['application'] })
  })

  it('tells the resident, not the agent, what happens to the case (消息中心)', async () => {
    const [c] = (await server.app.inject({ url: '/api/me/cases', headers: as(residentToken) })).json<CaseSummary[]>()
    const clerk = (await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })).json<{ token: string }>().token
    for (const [i, step] of [{ type: 'start_pre_review' }, { type: 'request_supplement', items: [{ path: 'premisesAddress', reason: '请写明门牌号' }] }].entries()) {
      const res = await server.app.inject({ method: 'POST', url: `/api/staff/cases/${c!.caseNo}/events`, payload: { ...step, version: i + 1 }, headers: as(clerk) })
      expect(res.statusCode, res.body).toBe(200)
    }
    const { messages } = (await server.app.inject({ url: '/api/me/messages', headers: as(residentToken) })).json<MessageList>()
    expect(messages.map((m) => [m.kind, m.caseNo])).toEqual([['supplement_requested', c!.caseNo]])
    // The agent is staff: the message is the resident's alone.
    expect((await server.app.db.query('select 1 from messages m join cases c on c.id = m.case_id where c.case_no = $1 and m.account_id <> c.account_id', [c!.caseNo]))).toEqual([])
  })

  it('refuses another item, a missing consent, another agent’s consent and a citizen', async () => {
    const send = (payload: SubmitCaseBody, token = agent, key = `agent-key-${Math.random().toString(36).slice(2).padEnd(16, '0')}`) =>
      server.app.inject({ method: 'POST', url: '/api/agent/cases', payload, headers: { ...as(token), 'idempotency-key': key } })
    const otherItem = await send(body(licence, file.id, { itemCode: 'GJ-0001' }))
    expect(otherItem.statusCode).toBe(403)
    expect(otherItem.headers['content-type']).toContain('application/problem+json')
    const noConsent = await send({ ...body(licence, file.id), agentConsentId: undefined })
    expect(noConsent.json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'agentConsentId' }] })
    const unknown = await send(body(licence, file.id, { agentConsentId: '00000000-0000-4000-8000-000000000000' }))
    expect(unknown.json<Problem>().code).toBe('CONSENT_NOT_FOUND')
    const asCitizen = await send(body(licence, file.id), residentToken)
    expect([401, 403]).toContain(asCitizen.statusCode)
    const licencesAsCitizen = await server.app.inject({ url: `/api/agent/consents/${consent.id}/licences`, headers: as(residentToken) })
    expect([401, 403]).toContain(licencesAsCitizen.statusCode)
    expect([401, 403]).toContain((await server.app.inject({ url: `/api/agent/consents/${consent.id}/applicant`, headers: as(residentToken) })).statusCode)
  })

  it('refuses a form whose applicant fields name someone other than the resident, at those fields', async () => {
    const other = body(licence, file.id)
    other.values = { ...other.values, legalPerson: '刘梅', legalPersonId: realNameFor('13900000000').idNumber }
    const res = await server.app.inject({ method: 'POST', url: '/api/agent/cases', payload: other, headers: { ...as(agent), 'idempotency-key': 'agent-other-person-000001' } })
    expect(res.statusCode).toBe(400)
    expect(res.json<Problem>().errors).toEqual([
      { path: 'legalPerson', code: 'not_applicant', message: '法定代表人（负责人）姓名应为申请人本人的实名信息，不能填写他人的' },
      { path: 'legalPersonId', code: 'not_applicant', message: '法定代表人（负责人）身份证号码应为申请人本人的实名信息，不能填写他人的' },
    ])
  })
})
