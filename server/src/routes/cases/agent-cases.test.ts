/**
 * 代办 end to end on the BFF: with a granted consent an agent sees only the
 * resident's licences the item takes (and the resident sees that look in
 * their access log), uploads a material that becomes the resident's file,
 * and submits once; the case is the resident's and names the agent and the
 * consent. Without the consent, for another item, or as another agent:
 * refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccessLogEntry, CaseDetail, CaseSummary, Consent, Licence, Problem, SubmitCaseBody, UploadedFile } from '@tongban/core'
import { startTestServer, type TestServer } from '../../testing'
import { DEMO_STAFF_PASSWORD } from '../../../seed/staff'
import { multipartBody, PHOTO_JPEG } from '../../uploads/fixtures/files'

let server: TestServer
let agent: string
let consent: Consent
let residentToken: string
const phone = '13766660001'

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

function body(licenceId: string, fileId: string, over: Partial<SubmitCaseBody> = {}): SubmitCaseBody {
  return {
    itemCode: 'SJ-0001', formVersion: 1, answers: { category: 'sales' }, delivery: 'electronic', personalDataConsent: true, agentConsentId: consent.id,
    values: {
      operatorName: '示例市好味餐饮有限公司', creditCode: '91350100M000100Y43', legalPerson: '张三', legalPersonId: '11010519491231002X',
      phone, premisesRegion: { province: '330000', city: '330100', district: '330106' }, premisesAddress: '石桥村1号', premisesArea: 30,
      mainBusiness: 'sales', businessItems: ['prepacked'], businessLicenceFile: { kind: 'eLicence', licenceId },
      layoutFile: { kind: 'upload', fileId }, rulesFile: { kind: 'upload', fileId }, pledge: true,
    },
    ...over,
  }
}

describe('代办: an agent applies for a resident who consented', () => {
  let licence: Licence
  let file: UploadedFile

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
    const send = () => server.app.inject({ method: 'POST', url: '/api/agent/cases', payload: body(licence.id, file.id), headers: { ...as(agent), 'idempotency-key': 'agent-key-000000000000001' } })
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

  it('refuses another item, a missing consent, another agent’s consent and a citizen', async () => {
    const send = (payload: SubmitCaseBody, token = agent, key = `agent-key-${Math.random().toString(36).slice(2).padEnd(16, '0')}`) =>
      server.app.inject({ method: 'POST', url: '/api/agent/cases', payload, headers: { ...as(token), 'idempotency-key': key } })
    const otherItem = await send(body(licence.id, file.id, { itemCode: 'GJ-0001' }))
    expect(otherItem.statusCode).toBe(403)
    expect(otherItem.headers['content-type']).toContain('application/problem+json')
    const noConsent = await send({ ...body(licence.id, file.id), agentConsentId: undefined })
    expect(noConsent.json<Problem>()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'agentConsentId' }] })
    const unknown = await send(body(licence.id, file.id, { agentConsentId: '00000000-0000-4000-8000-000000000000' }))
    expect(unknown.json<Problem>().code).toBe('CONSENT_NOT_FOUND')
    const asCitizen = await send(body(licence.id, file.id), residentToken)
    expect([401, 403]).toContain(asCitizen.statusCode)
    const licencesAsCitizen = await server.app.inject({ url: `/api/agent/consents/${consent.id}/licences`, headers: as(residentToken) })
    expect([401, 403]).toContain(licencesAsCitizen.statusCode)
  })
})
