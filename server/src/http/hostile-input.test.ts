/**
 * The inputs an attack on every route found answering 500: NUL in any
 * string (a path parameter, a login name, a company name, a case's or a
 * draft's values, a signed webhook's case number), lone surrogates in
 * free-form values, integers past any sane bound (1e308, 2^53, "1e999" in a
 * query), JSON nested past any form, multipart that is not multipart. Each is
 * now a 400 problem naming the field, in Chinese, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InjectOptions } from 'fastify'
import { MAX_INPUT_DEPTH, PROBLEM_CONTENT_TYPE, type Problem } from '@tongban/core'
import { loadConfig } from '../config'
import { minimumLivingApplication, signInCitizen, startTestServer, submitApplication, type TestServer } from '../testing'
import { DEMO_STAFF_PASSWORD } from '../../seed/staff'
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../backend/http/contract'

const APPROVAL = { ...loadConfig({}).approval, backend: 'http' as const, dispatchMs: 0 }
const FILE_ID = '0b5a3b8e-1f4c-4d7a-9a51-6a1b2c3d4e5f'

let server: TestServer
let citizen: Record<string, string>
let staff: Record<string, string>
let caseNo: string

beforeAll(async () => {
  server = await startTestServer({ config: { approval: APPROVAL } })
  const phone = '13766660001'
  const session = await signInCitizen(server.app, phone, '10.66.6.1')
  citizen = { authorization: `Bearer ${session.token}` }
  caseNo = (await submitApplication(server.app, session.token, minimumLivingApplication(phone), 'hostile-input-case-1')).caseNo
  const login = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD } })
  staff = { authorization: `Bearer ${login.json<{ token: string }>().token}` }
})
afterAll(async () => { await server?.close() })

const draft = (over: Record<string, unknown>) => ({ itemName: '最低生活保障', formVersion: 1, values: { applicantName: '王芳' }, answers: {}, updatedAt: Date.now(), ...over })
const withValue = (key: string, value: unknown) => {
  const body = minimumLivingApplication('13766660001')
  return { ...body, values: { ...body.values, [key]: value } }
}
function signed(body: object): InjectOptions {
  const payload = JSON.stringify(body)
  const ts = String(Math.floor(Date.now() / 1000))
  return { method: 'POST', url: '/api/backend/webhook', payload, headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: sign(APPROVAL.webhookSecret, ts, payload) } }
}
const multipart = (contentType: string, payload: string): InjectOptions =>
  ({ method: 'POST', url: '/api/uploads', payload, headers: { 'content-type': contentType } })

/** [what, request (citizen or staff session added), the field the answer must name, its code]. */
const CASES: [string, () => InjectOptions & { as?: 'citizen' | 'staff' }, string, string][] = [
  ['NUL in a staff login name', () => ({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk\u0000', password: 'x' } }), 'username', 'nul'],
  ['NUL as a case number (staff)', () => ({ url: '/api/staff/cases/%00', as: 'staff' }), 'caseNo', 'nul'],
  ['NUL in a case number, a file of it', () => ({ url: `/api/staff/cases/%00/files/${FILE_ID}`, as: 'staff' }), 'caseNo', 'nul'],
  ['NUL in a case number, an action on it', () => ({ method: 'POST', url: '/api/staff/cases/%00/events', payload: { type: 'start_pre_review', version: 1 }, as: 'staff' }), 'caseNo', 'nul'],
  ['NUL in a company name', () => ({ method: 'PUT', url: '/api/me/company', payload: { name: '示例\u0000公司', creditCode: '91350100M000100Y43' }, as: 'citizen' }), 'name', 'nul'],
  ['NUL in a case value', () => ({ method: 'POST', url: '/api/cases', payload: withValue('address', '杏花村\u00003组'), headers: { 'idempotency-key': 'hostile-input-nul-00001' }, as: 'citizen' }), 'values.address', 'nul'],
  ['a lone surrogate in a case value', () => ({ method: 'POST', url: '/api/cases', payload: withValue('reason', '丈夫去世后独自抚养两个孩子，收入不足\ud800'), headers: { 'idempotency-key': 'hostile-input-sur-00001' }, as: 'citizen' }), 'values.reason', 'lone_surrogate'],
  ['NUL in a draft value', () => ({ method: 'PUT', url: '/api/me/drafts/MZ-0001', payload: draft({ values: { applicantName: '王\u0000芳' } }), as: 'citizen' }), 'values.applicantName', 'nul'],
  ['a lone surrogate in a draft value', () => ({ method: 'PUT', url: '/api/me/drafts/MZ-0001', payload: draft({ values: { members: [{ name: '\udc00' }] } }), as: 'citizen' }), 'values.members.0.name', 'lone_surrogate'],
  ['NUL in a draft key', () => ({ method: 'PUT', url: '/api/me/drafts/MZ-0001', payload: draft({ values: { ['a\u0000']: 1 } }), as: 'citizen' }), 'values.a\ufffd', 'nul'],
  ['a draft nested past any form', () => ({ method: 'PUT', url: '/api/me/drafts/MZ-0001', payload: `{"itemName":"x","formVersion":1,"answers":{},"updatedAt":1,"values":{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`, headers: { 'content-type': 'application/json' }, as: 'citizen' }), `values.a${'.0'.repeat(MAX_INPUT_DEPTH - 2)}`, 'too_deep'],
  ['a draft form version of 1e308', () => ({ method: 'PUT', url: '/api/me/drafts/MZ-0001', payload: draft({ formVersion: 1e308 }), as: 'citizen' }), 'formVersion', 'maximum'],
  ['a draft form version of 2^53', () => ({ method: 'PUT', url: '/api/me/drafts/MZ-0001', payload: draft({ formVersion: 2 ** 53 }), as: 'citizen' }), 'formVersion', 'maximum'],
  ['a draft saved at 1e308', () => ({ method: 'PUT', url: '/api/me/drafts/MZ-0001', payload: draft({ updatedAt: 1e308 }), as: 'citizen' }), 'updatedAt', 'maximum'],
  ['a queue offset of 1e999 (coerced to Infinity)', () => ({ url: '/api/staff/cases?offset=1e999', as: 'staff' }), 'offset', 'not_finite'],
  ['NUL in a signed webhook\'s case number', () => signed({ id: 'evt-hostile-0001', caseNo: `${caseNo}\u0000`, occurredAt: new Date().toISOString(), type: 'branch.status', department: 'mzj', status: 'reviewing' }), 'caseNo', 'nul'],
  ['multipart without a boundary', () => ({ ...multipart('multipart/form-data', 'garbage'), as: 'citizen' }), 'file', 'malformed'],
  ['multipart that is garbage', () => ({ ...multipart('multipart/form-data; boundary=xx', 'garbage'), as: 'citizen' }), 'file', 'malformed'],
  ['multipart without its closing boundary', () => ({ ...multipart('multipart/form-data; boundary=xx', '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nabc'), as: 'citizen' }), 'file', 'malformed'],
  ['NUL in a multipart field', () => ({ ...multipart('multipart/form-data; boundary=xx', '--xx\r\nContent-Disposition: form-data; name="materialId"\r\n\r\na\u0000b\r\n--xx--\r\n'), as: 'citizen' }), 'materialId', 'nul'],
  ['NUL in a header the BFF keeps', () => ({ method: 'POST', url: '/api/staff/login', payload: { username: 'clerk', password: DEMO_STAFF_PASSWORD }, headers: { 'user-agent': 'Mozilla\u0000' } }), 'headers.user-agent', 'nul'],
]

describe('hostile input is a 400 naming the field', () => {
  it.each(CASES)('%s', async (_what, make, path, code) => {
    const { as, ...opts } = make()
    const headers = { ...(opts.headers as Record<string, string> | undefined), ...(as === 'citizen' ? citizen : as === 'staff' ? staff : {}) }
    const res = await server.app.inject({ ...opts, headers })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE)
    const problem = res.json<Problem>()
    expect(problem.title).toMatch(/[\u4e00-\u9fff]/)
    expect(problem.errors?.[0]).toMatchObject({ path, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) })
  })

  it('path parameters are held to their patterns: a malformed id or case number names nothing (404), never a 500', async () => {
    // ajv's uuid format takes a urn:uuid: prefix, which PostgreSQL's uuid type does not.
    const urn = await server.app.inject({ url: '/api/uploads/urn:uuid:0b5a3b8e-1f4c-4d7a-9a51-6a1b2c3d4e5f', headers: citizen })
    expect([urn.statusCode, urn.json<Problem>().code]).toEqual([404, 'UPLOAD_NOT_FOUND'])
    const malformed = await server.app.inject({ url: '/api/staff/cases/not-a-case', headers: staff })
    expect([malformed.statusCode, malformed.json<Problem>().code]).toEqual([404, 'CASE_NOT_FOUND'])
  })

  it('stores nothing it refused: the citizen still has one case and no draft', async () => {
    expect((await server.app.inject({ url: '/api/me/cases', headers: citizen })).json<unknown[]>()).toHaveLength(1)
    expect((await server.app.inject({ url: '/api/me/drafts', headers: citizen })).json<unknown[]>()).toEqual([])
  })
})
